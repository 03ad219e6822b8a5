"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_INPUT_BYTES, utf8Length } from "@/lib/parse";
import { formatBytes } from "./format";
import { SAMPLES } from "./samples";
import { Button } from "./ui/button";
import { Label, Textarea } from "./ui/field";

const LIMIT_KIB = MAX_INPUT_BYTES / 1024;

/** The paste box with its byte counter, submit shortcuts and sample buttons; the page owns the text (a link can fill it). */
export function PasteForm({
  text,
  onTextChange,
  pending,
  onDiagnose,
}: {
  text: string;
  onTextChange: (text: string) => void;
  pending: boolean;
  onDiagnose: (text: string) => void;
}) {
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
      <Label htmlFor="error-text">AWS error text</Label>
      <Textarea
        id="error-text"
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
        rows={8}
        spellCheck={false}
        aria-describedby="error-text-help"
        placeholder="Paste CLI or SDK output, a Lambda log line, Terraform output or CloudTrail JSON…"
        className="font-mono shadow-inner"
      />
      <div id="error-text-help" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span
          className={tooLarge ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}
        >
          {tooLarge
            ? `${Math.ceil(bytes / 1024)} KiB is over the ${LIMIT_KIB} KiB limit: paste only the lines around the error.`
            : `${formatBytes(bytes)} of ${LIMIT_KIB} KiB · Ctrl/⌘+Enter to diagnose`}
        </span>
        <Button type="submit" variant="primary" disabled={pending || tooLarge}>
          {pending ? "Diagnosing…" : "Diagnose"}
        </Button>
      </div>
      {hint && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">{hint}</p>}
      <div className="flex flex-wrap items-center gap-2 pt-1">
        <span className="text-sm text-slate-600 dark:text-slate-400">Try a sample:</span>
        {SAMPLES.map((sample) => (
          <Button
            key={sample.label}
            variant="chip"
            aria-label={`Sample: ${sample.label}`}
            onClick={() => {
              onTextChange(sample.text);
              submit(sample.text);
            }}
          >
            {sample.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
