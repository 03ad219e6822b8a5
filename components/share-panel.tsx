"use client";

import { useId, useState } from "react";
import { ShareLink } from "./share-link";
import { SnapshotControls } from "./share-snapshot";

/**
 * The paste page's one sharing area, after the results: a link that carries the text, or a snapshot saved here,
 * under one "Redact before sharing" switch. A change of switch starts both afresh, so no link shown is stale; the
 * page keys the area by diagnosis for the same reason.
 */
export function SharePanel({ text }: { text: string }) {
  const [redact, setRedact] = useState(false);
  const ids = useId();
  const fresh = String(redact);
  return (
    <section
      aria-labelledby={`${ids}-heading`}
      data-testid="share-panel"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="space-y-1">
        <h2 id={`${ids}-heading`} className="text-lg font-semibold">
          Share this diagnosis
        </h2>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            checked={redact}
            onChange={(event) => setRedact(event.target.checked)}
            aria-describedby={`${ids}-redact-help`}
            className="accent-indigo-600"
          />
          Redact before sharing
        </label>
        <p id={`${ids}-redact-help`} className="text-xs text-slate-600 dark:text-slate-400">
          Account ids, the names in ARNs, bucket names and e-mail addresses become stand-ins (000000000001, role-1,
          bucket-1) in what you share; the diagnosis reads the same.
        </p>
      </div>
      <div className="grid gap-5 md:grid-cols-2 md:divide-x md:divide-slate-200 dark:md:divide-slate-700">
        <ShareLink key={fresh} text={text} redact={redact} />
        <div
          role="group"
          aria-labelledby={`${ids}-snapshot`}
          data-testid="share-snapshot"
          className="space-y-2 md:pl-5"
        >
          <h3 id={`${ids}-snapshot`} className="font-semibold">
            Saved snapshot
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Stored on this server, as diagnosed now; you choose how long, and can delete it.
          </p>
          <SnapshotControls key={fresh} content={{ kind: "paste", text }} redact={redact} />
        </div>
      </div>
    </section>
  );
}
