"use client";

import { useId, useState } from "react";
import { pasteLink } from "@/lib/link";
import { createRedactor } from "@/lib/redact";
import { CopyButton } from "./copy-button";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Input } from "./ui/field";

type ShareState =
  { status: "idle" } | { status: "made"; url: string; copied: boolean } | { status: "too-long"; message: string };

/**
 * "Copy link" for a paste diagnosis: the text goes, compressed, in the link's fragment, which browsers never send
 * to a server. With `redact`, account ids, names and buckets are masked in the linked text itself.
 */
export function ShareLink({ text, redact }: { text: string; redact: boolean }) {
  const [state, setState] = useState<ShareState>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const ids = useId();

  const copyLink = async () => {
    setPending(true);
    try {
      const linked = redact ? createRedactor().redactText(text) : text;
      const link = await pasteLink(window.location.href, linked);
      if (!link.ok) {
        setState({ status: "too-long", message: link.error.message });
        return;
      }
      const copied = await navigator.clipboard?.writeText(link.value.url).then(
        () => true,
        () => false,
      );
      setState({ status: "made", url: link.value.url, copied: copied ?? false });
    } finally {
      setPending(false);
    }
  };

  return (
    <div data-testid="share-link" aria-labelledby={`${ids}-heading`} role="group" className="space-y-2">
      <h3 id={`${ids}-heading`} className="font-semibold">
        Link with the text in it
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Nothing is stored: the text travels in the part after #, which browsers never send to a server.
      </p>
      <Button size="sm" onClick={() => void copyLink()} disabled={pending}>
        Copy link
      </Button>
      {state.status === "too-long" && (
        <Alert tone="warning" role="status">
          {state.message}
        </Alert>
      )}
      {state.status === "made" && (
        <div className="space-y-1 text-sm">
          <label htmlFor={`${ids}-field`} className="sr-only">
            {redact ? "Link to this diagnosis, redacted" : "Link to this diagnosis"}
          </label>
          <div className="flex items-center gap-2">
            <Input
              id={`${ids}-field`}
              readOnly
              value={state.url}
              onFocus={(event) => event.target.select()}
              className="font-mono text-xs"
            />
            <CopyButton text={state.url} label="Copy the link again" />
          </div>
          <p role="status" className="text-slate-600 dark:text-slate-400">
            {state.copied ? "Link copied" : "Copy the link from the field above"}
            {redact ? ", redacted" : ""}. Whoever opens it sees the same diagnosis.
          </p>
        </div>
      )}
    </div>
  );
}
