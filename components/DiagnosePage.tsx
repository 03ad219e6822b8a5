"use client";

import { PasteForm } from "./PasteForm";
import { Results } from "./Results";
import { ThemeToggle } from "./ThemeToggle";
import { useDiagnose } from "./use-diagnose";

export function DiagnosePage() {
  const diagnose = useDiagnose();
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">
            why<span className="text-indigo-600 dark:text-indigo-400">denied</span>
          </h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Paste an AWS AccessDenied error. Get the permission layer that denied it, the exact fix, and how to confirm.
          </p>
        </div>
        <ThemeToggle />
      </header>
      <main className="space-y-6">
        <PasteForm pending={diagnose.isPending} onDiagnose={(text) => diagnose.mutate(text)} />
        {diagnose.isError && (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {diagnose.error.message}
          </p>
        )}
        {diagnose.data && <Results diagnosis={diagnose.data} />}
      </main>
    </div>
  );
}
