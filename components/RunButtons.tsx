"use client";

import { useRef, type ReactNode } from "react";

/**
 * A form's start button and, while its run goes on, Cancel. Cancel disappears once the run stops,
 * so focus goes back to the start button rather than falling to the page.
 */
export function RunButtons({
  running,
  idleLabel,
  runningLabel,
  onCancel,
  children,
}: {
  running: boolean;
  idleLabel: string;
  runningLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const submitButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    onCancel();
    requestAnimationFrame(() => submitButton.current?.focus());
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        ref={submitButton}
        type="submit"
        disabled={running}
        className="rounded-lg bg-indigo-600 px-5 py-2 font-semibold text-white shadow hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {running ? runningLabel : idleLabel}
      </button>
      {running && (
        <button
          type="button"
          onClick={cancel}
          className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      )}
      {children}
    </div>
  );
}
