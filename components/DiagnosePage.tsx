"use client";

import { PasteForm } from "./PasteForm";
import { Results } from "./Results";
import { SiteHeader } from "./SiteHeader";
import { useDiagnose } from "./use-diagnose";

export function DiagnosePage() {
  const diagnose = useDiagnose();
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline="Paste an AWS AccessDenied error. Get the permission layer that denied it, the exact fix, and how to confirm." />
      <main className="space-y-6">
        <h1 className="sr-only">Diagnose a pasted AWS error</h1>
        <PasteForm pending={diagnose.isPending} onDiagnose={(text) => diagnose.mutate(text)} />
        {diagnose.isError && (
          <p
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {diagnose.error.message}
          </p>
        )}
        {diagnose.data && <Results diagnosis={diagnose.data} />}
      </main>
    </div>
  );
}
