"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  createdSnapshotSchema,
  snapshotExpirySchema,
  type CreatedSnapshot,
  type CreateSnapshotBody,
  type SnapshotExpiry,
} from "@/lib/wire";
import { postJson, type ApiError } from "./api";
import { CopyButton } from "./copy-button";
import { rememberDeleteToken } from "./snapshot-tokens";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Input, Select } from "./ui/field";

/** What is shared: a paste's text, or a lookup's or trail's groups and events; expiry and redaction are chosen here. */
export type ShareContent = CreateSnapshotBody extends infer Body
  ? Body extends CreateSnapshotBody
    ? Omit<Body, "expiry" | "redact">
    : never
  : never;

const EXPIRY_LABELS: Record<SnapshotExpiry, string> = {
  "1d": "1 day",
  "7d": "7 days",
  "30d": "30 days",
  never: "Never (until deleted)",
};

function useCreateSnapshot() {
  return useMutation<CreatedSnapshot, ApiError, CreateSnapshotBody>({
    mutationKey: ["create-snapshot"],
    mutationFn: (body) => postJson("/api/snapshots", body, createdSnapshotSchema),
    onSuccess: (created) => rememberDeleteToken(created.id, created.deleteToken),
  });
}

/**
 * Saving a snapshot of what is on screen, and its link; this browser keeps the token that deletes it. `redact` is
 * chosen by the caller: the card below, or the paste page's sharing area, which has one switch for both ways.
 */
export function SnapshotControls({ content, redact }: { content: ShareContent; redact: boolean }) {
  const [expiry, setExpiry] = useState<SnapshotExpiry>("30d");
  const create = useCreateSnapshot();
  const link = create.data && typeof window !== "undefined" ? `${window.location.origin}${create.data.path}` : null;
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <label className="space-y-1">
          <span className="block font-medium">Keep it for</span>
          <Select
            value={expiry}
            onChange={(event) => setExpiry(snapshotExpirySchema.parse(event.target.value))}
            className="w-auto"
          >
            {snapshotExpirySchema.options.map((option) => (
              <option key={option} value={option}>
                {EXPIRY_LABELS[option]}
              </option>
            ))}
          </Select>
        </label>
        <Button
          size="sm"
          className="mb-0.5"
          disabled={create.isPending}
          onClick={() => create.mutate({ ...content, expiry, redact })}
        >
          {create.isPending ? "Saving…" : "Save snapshot"}
        </Button>
      </div>
      {create.isError && (
        <Alert tone="error" role="alert">
          {create.error.message}
        </Alert>
      )}
      {link && (
        <div className="space-y-1" role="status">
          <div className="flex items-center gap-2">
            <Input
              readOnly
              value={link}
              aria-label="Snapshot link"
              data-testid="snapshot-link"
              onFocus={(event) => event.target.select()}
              className="font-mono text-xs"
            />
            <CopyButton text={link} label="Copy the snapshot link" />
          </div>
          <p className="text-slate-600 dark:text-slate-400">
            Saved{redact ? ", masked" : ""}. Anyone with the link can open it
            {create.data?.expiresAt ? ` until ${new Date(create.data.expiresAt).toLocaleString()}` : ""}; this browser
            can delete it from the snapshot&apos;s page.
          </p>
        </div>
      )}
    </div>
  );
}

/** "Share" on the lookup and trail pages: a card with its own masking switch around the snapshot controls. */
export function ShareSnapshot({ content }: { content: ShareContent }) {
  const [redact, setRedact] = useState(false);
  const ids = useId();
  return (
    <section
      aria-labelledby={`${ids}-heading`}
      data-testid="share-snapshot"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${ids}-heading`} className="font-semibold">
        Share a saved snapshot
      </h2>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={redact}
          onChange={(event) => setRedact(event.target.checked)}
          className="accent-indigo-600"
        />
        Mask account ids and resource names in what is stored
      </label>
      <SnapshotControls key={String(redact)} content={content} redact={redact} />
    </section>
  );
}
