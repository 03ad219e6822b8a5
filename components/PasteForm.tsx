"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { utf8Length } from "@/lib/diagnose";
import { MAX_INPUT_BYTES } from "@/lib/parse";
import { SAMPLES } from "./samples";

const LIMIT_KIB = MAX_INPUT_BYTES / 1024;

/** The paste box with its byte counter, submit shortcuts and sample buttons. */
export function PasteForm({ pending, onDiagnose }: { pending: boolean; onDiagnose: (text: string) => void }) {
  const [text, setText] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const bytes = utf8Length(text);
  const tooLarge = bytes > MAX_INPUT_BYTES;

  const submit = (value: string) => {
    if (!value.trim()) {
      setHint("Paste an AWS error message, a log excerpt or a CloudTrail record first.");
      return;
    }
    if (utf8Length(value) > MAX_INPUT_BYTES) return;
    setHint(null);
    onDiagnose(value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit(text);
    }
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label htmlFor="error-text" className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
        AWS error text
      </label>
      <textarea
        id="error-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={8}
        spellCheck={false}
        aria-describedby="error-text-help"
        placeholder="Paste CLI or SDK output, a Lambda log line, Terraform output or CloudTrail JSON…"
        className={cn(
          "w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-sm shadow-inner",
          "focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900",
        )}
      />
      <div id="error-text-help" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span
          className={tooLarge ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}
        >
          {tooLarge
            ? `${Math.ceil(bytes / 1024)} KiB is over the ${LIMIT_KIB} KiB limit: paste only the lines around the error.`
            : `${(bytes / 1024).toFixed(1)} of ${LIMIT_KIB} KiB · Ctrl/⌘+Enter to diagnose`}
        </span>
        <button
          type="submit"
          disabled={pending || tooLarge}
          className={cn(
            "rounded-lg bg-indigo-600 px-5 py-2 font-semibold text-white shadow hover:bg-indigo-700",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
            "disabled:cursor-not-allowed disabled:opacity-50",
          )}
        >
          {pending ? "Diagnosing…" : "Diagnose"}
        </button>
      </div>
      {hint && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">{hint}</p>}
      <div className="flex flex-wrap items-center gap-2 pt-1">
        <span className="text-sm text-slate-600 dark:text-slate-400">Try a sample:</span>
        {SAMPLES.map((sample) => (
          <button
            key={sample.label}
            type="button"
            aria-label={`Sample: ${sample.label}`}
            onClick={() => {
              setText(sample.text);
              submit(sample.text);
            }}
            className={cn(
              "rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700",
              "hover:border-indigo-400 hover:text-indigo-700 focus-visible:outline-2",
              "focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
            )}
          >
            {sample.label}
          </button>
        ))}
      </div>
    </form>
  );
}
