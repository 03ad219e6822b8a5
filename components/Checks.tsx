import type { Check } from "@/lib/wire";
import { CopyButton } from "./CopyButton";

/** Commands that confirm a layer, each copyable. */
export function Checks({ checks }: { checks: Check[] }) {
  return (
    <ol className="space-y-3">
      {checks.map((check) => (
        <li key={check.command}>
          <p className="text-sm text-slate-700 dark:text-slate-300">{check.description}</p>
          <div className="mt-1 flex items-start gap-2">
            <pre
              tabIndex={0}
              className="focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 p-2 text-xs whitespace-pre-wrap break-all text-slate-800 dark:bg-slate-800 dark:text-slate-100"
            >
              <code>{check.command}</code>
            </pre>
            <CopyButton text={check.command} label="Copy command" />
          </div>
        </li>
      ))}
    </ol>
  );
}
