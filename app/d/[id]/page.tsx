import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SnapshotPage } from "@/components/snapshot-page";
import { ENGINE_VERSION, readSnapshot, sharing } from "@/lib/share";
import { isSnapshotId } from "@/lib/snapshot";

/** A fixed title and no preview metadata: a chat unfurl of the link shows nothing of what was saved. */
export const metadata: Metadata = {
  title: "Saved diagnosis — whydenied",
  description: null,
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function SavedSnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isSnapshotId(id)) notFound();
  const opened = await sharing();
  if (!opened.ok) throw new Error(opened.error.message);
  const snapshot = await readSnapshot(id, opened.value.deps);
  if (!snapshot) notFound();
  return <SnapshotPage snapshot={snapshot} currentVersion={ENGINE_VERSION} />;
}
