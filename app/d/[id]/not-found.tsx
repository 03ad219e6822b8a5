import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Snapshot not found — whydenied",
  description: null,
  robots: { index: false, follow: false },
};

/** An unknown, mistyped, deleted or expired snapshot link: said kindly, with the ways back in. */
export default function SnapshotNotFound() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-16" data-testid="snapshot-not-found">
      <p className="text-3xl font-extrabold tracking-tight">
        why<span className="text-indigo-600 dark:text-indigo-400">denied</span>
      </p>
      <h1 className="text-xl font-bold">This snapshot is not here</h1>
      <p className="text-slate-700 dark:text-slate-300">
        The link may be incomplete (chat tools sometimes cut long links), the snapshot may have expired, or its owner
        deleted it. Ask whoever sent it for a new link, or diagnose the error yourself.
      </p>
      <p className="flex flex-wrap gap-4 text-sm font-semibold">
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Paste an error
        </Link>
        <Link href="/lookup" className="text-indigo-700 underline dark:text-indigo-300">
          Look up a role in CloudTrail
        </Link>
        <Link href="/trail" className="text-indigo-700 underline dark:text-indigo-300">
          Upload a trail file
        </Link>
      </p>
    </main>
  );
}
