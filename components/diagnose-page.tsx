"use client";

import { useState } from "react";
import { AccountOffers } from "./account-offers";
import { PasteForm } from "./paste-form";
import { Results } from "./results";
import { SharePanel } from "./share-panel";
import { SiteHeader } from "./site-header";
import { Alert } from "./ui/alert";
import { useDiagnose } from "./use-diagnose";
import { usePasteLink } from "./use-paste-link";

const TAGLINE =
  "Paste an AWS AccessDenied error. Get the permission layer that denied it, the exact fix, and how to confirm.";

export function DiagnosePage() {
  const diagnose = useDiagnose();
  const [text, setText] = useState("");
  const { link, forget } = usePasteLink((linked) => {
    setText(linked);
    diagnose.mutate(linked);
  });
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <h1 className="sr-only">Diagnose a pasted AWS error</h1>
        {link.status === "failed" && (
          <Alert tone="error" role="alert" data-testid="link-error">
            {link.message}
          </Alert>
        )}
        {link.status === "opened" && (
          <Alert tone="info" role="status" size="sm">
            Opened from a shared link: its text is below, diagnosed here.
          </Alert>
        )}
        <PasteForm
          text={text}
          onTextChange={setText}
          pending={diagnose.isPending || link.status === "opening"}
          onDiagnose={(submitted) => {
            forget();
            diagnose.mutate(submitted);
          }}
        />
        {diagnose.isError && (
          <Alert tone="error" role="alert">
            {diagnose.error.message}
          </Alert>
        )}
        {diagnose.data && (
          <Results diagnosis={diagnose.data} next={<AccountOffers findings={diagnose.data.findings} />} />
        )}
        {diagnose.data && diagnose.variables && <SharePanel key={diagnose.submittedAt} text={diagnose.variables} />}
      </main>
    </div>
  );
}
