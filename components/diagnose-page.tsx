"use client";

import { PasteForm } from "./paste-form";
import { Results } from "./results";
import { ShareSnapshot } from "./share-snapshot";
import { SiteHeader } from "./site-header";
import { Alert } from "./ui/alert";
import { useDiagnose } from "./use-diagnose";

const TAGLINE =
  "Paste an AWS AccessDenied error. Get the permission layer that denied it, the exact fix, and how to confirm.";

export function DiagnosePage() {
  const diagnose = useDiagnose();
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <h1 className="sr-only">Diagnose a pasted AWS error</h1>
        <PasteForm pending={diagnose.isPending} onDiagnose={(text) => diagnose.mutate(text)} />
        {diagnose.isError && (
          <Alert tone="error" role="alert">
            {diagnose.error.message}
          </Alert>
        )}
        {diagnose.data && <Results diagnosis={diagnose.data} />}
        {diagnose.data && diagnose.variables && <ShareSnapshot content={{ kind: "paste", text: diagnose.variables }} />}
      </main>
    </div>
  );
}
