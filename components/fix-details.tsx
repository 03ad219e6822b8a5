import type { Caller, Fix } from "@/lib/wire";
import { ownerWords } from "./caller-words";
import { CopyButton } from "./copy-button";
import { FixTabs } from "./fix-tabs";
import { Alert } from "./ui/alert";
import { CodeBlock } from "./ui/code-block";

/** One candidate's fix: what to change, who changes it, the snippets, and the caveats. */
export function FixDetails({ fix, caller }: { fix: Fix; caller: Caller }) {
  return (
    <div className="space-y-3">
      <div>
        <h4 className="font-semibold text-slate-900 dark:text-white">{fix.title}</h4>
        <p className="text-sm [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">
          Where: {fix.target} · Who: {ownerWords(fix, caller)}
          {fix.consoleUrl && (
            <>
              {" · "}
              <a
                href={fix.consoleUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300"
              >
                Open in the AWS console
              </a>
            </>
          )}
        </p>
      </div>
      {fix.placeholders.length > 0 && (
        <Alert tone="warning" size="sm">
          The error hid some values. Replace {fix.placeholders.map((name) => `<${name}>`).join(", ")} before running.
        </Alert>
      )}
      <FixTabs fix={fix} />
      {fix.notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm break-words text-slate-700 dark:text-slate-300">
          {fix.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {fix.requestText && (
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium">Message to send the owner</p>
            <CopyButton text={fix.requestText} label="Copy message" />
          </div>
          <CodeBlock surface="plain" overflow="wrap" className="mt-2 text-xs">
            {fix.requestText}
          </CodeBlock>
        </div>
      )}
    </div>
  );
}
