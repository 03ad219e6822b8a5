"use client";

import { useState, type DragEvent, type FormEvent } from "react";
import { parseRoleTarget } from "@/lib/lookup";
import { cn } from "@/lib/cn";
import { RunButtons } from "./run-buttons";
import { formatBytes } from "./format";
import { Button } from "./ui/button";
import { Input, Label, Textarea } from "./ui/field";
import { FOCUS_RING, FOCUS_WITHIN_RING } from "./ui/focus-ring";

export interface TrailUpload {
  file: Blob;
  name: string;
  roleArn: string | null;
}

/** A trail file (dropped, chosen or pasted) and an optional role to keep. */
export function TrailForm({
  running,
  onSubmit,
  onCancel,
}: {
  running: boolean;
  onSubmit: (upload: TrailUpload) => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [roleArn, setRoleArn] = useState("");
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const role = roleArn.trim() ? parseRoleTarget(roleArn) : null;
    if (role && !role.ok) return setProblem(role.error.message);
    const body = file ?? (pasted.trim() ? new Blob([pasted], { type: "application/json" }) : null);
    if (!body) return setProblem("Choose a CloudTrail file, drop one here, or paste its JSON.");
    setProblem(null);
    onSubmit({ file: body, name: file?.name ?? "pasted JSON", roleArn: role?.ok ? roleArn.trim() : null });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <label
        htmlFor="trail-file"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed p-8 text-center",
          FOCUS_WITHIN_RING,
          dragging
            ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950"
            : "border-slate-300 hover:border-indigo-400 dark:border-slate-600",
        )}
      >
        <span className="font-semibold">
          {file ? `${file.name} · ${formatBytes(file.size)}` : "Drop a CloudTrail file here, or choose one"}
        </span>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          A trail log file from S3 (<code>.json</code> or <code>.json.gz</code>),{" "}
          <code>aws cloudtrail lookup-events</code> output, or JSON Lines of records. Read as a stream: size is no
          problem.
        </span>
        <input
          id="trail-file"
          type="file"
          accept=".json,.gz,.jsonl,.ndjson,application/json,application/gzip"
          className="sr-only"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      {!file && (
        <details className="text-sm">
          <summary className={cn("cursor-pointer rounded font-medium text-slate-700 dark:text-slate-300", FOCUS_RING)}>
            …or paste the JSON
          </summary>
          <label htmlFor="trail-paste" className="sr-only">
            CloudTrail JSON
          </label>
          <Textarea
            id="trail-paste"
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={6}
            spellCheck={false}
            placeholder='{"Records": [ … ]}'
            className="mt-2 font-mono"
          />
        </details>
      )}
      <div>
        <Label htmlFor="trail-role" optional>
          Only this role
        </Label>
        <Input
          id="trail-role"
          value={roleArn}
          onChange={(event) => setRoleArn(event.target.value)}
          spellCheck={false}
          placeholder="arn:aws:iam::123456789012:role/my-function-role"
          className="font-mono"
        />
      </div>
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <RunButtons running={running} idleLabel="Find denials in the file" runningLabel="Reading…" onCancel={onCancel}>
        {file && !running && (
          <Button variant="link" onClick={() => setFile(null)} className="text-sm">
            Choose another file
          </Button>
        )}
      </RunButtons>
    </form>
  );
}
