"use client";

import { useId, useState } from "react";
import { pasteLink } from "@/lib/link";
import { createRedactor } from "@/lib/redact";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Input } from "./ui/field";

type ShareState =
  | { status: "idle" }
  | { status: "made"; url: string; copied: boolean; redacted: boolean }
  | { status: "too-long"; message: string };

/**
 * "Copy link" for a paste diagnosis: the text goes, compressed, in the link's fragment, which browsers never send
 * to a server. "Redact before sharing" masks account ids, names and buckets in the linked text itself.
 */
export function ShareLink({ text }: { text: string }) {
  const [redact, setRedact] = useState(false);
  const [state, setState] = useState<ShareState>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const fieldId = useId();

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
      setState({ status: "made", url: link.value.url, copied: copied ?? false, redacted: redact });
    } finally {
      setPending(false);
    }
  };

  return (
    <div data-testid="share-link" className="space-y-2">
      <div className="flex flex-wrap items-center justify-end gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            checked={redact}
            onChange={(event) => {
              setRedact(event.target.checked);
              setState({ status: "idle" });
            }}
            className="accent-indigo-600"
          />
          Redact before sharing
        </label>
        <Button size="sm" onClick={() => void copyLink()} disabled={pending}>
          Copy link
        </Button>
      </div>
      {redact && state.status === "idle" && (
        <p className="text-right text-xs text-slate-600 dark:text-slate-400">
          Account ids, the names in ARNs, bucket names and e-mail addresses become stand-ins (000000000001, role-1,
          bucket-1) in the linked text; the diagnosis reads the same.
        </p>
      )}
      {state.status === "too-long" && (
        <Alert tone="warning" role="status">
          {state.message}
        </Alert>
      )}
      {state.status === "made" && (
        <div className="space-y-1">
          <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
            {state.redacted ? "Link to this diagnosis, redacted" : "Link to this diagnosis"}
          </label>
          <Input
            id={fieldId}
            readOnly
            value={state.url}
            onFocus={(event) => event.target.select()}
            className="font-mono text-xs"
          />
          <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {state.copied ? "Link copied. " : "Copy the link from the field above. "}
            The text travels in the part after #, which browsers never send to a server; whoever opens it sees the same
            diagnosis.
          </p>
        </div>
      )}
    </div>
  );
}
