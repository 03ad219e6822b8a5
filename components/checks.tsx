import type { Check } from "@/lib/wire";
import { CopyButton } from "./copy-button";
import { CodeBlock } from "./ui/code-block";

/** Commands that confirm a layer, each copyable. */
export function Checks({ checks }: { checks: Check[] }) {
  return (
    <ol className="space-y-3">
      {checks.map((check) => (
        <li key={check.command}>
          <p className="text-sm text-slate-700 dark:text-slate-300">{check.description}</p>
          <div className="mt-1 flex items-start gap-2">
            <CodeBlock surface="muted" overflow="scroll" className="min-w-0 flex-1 rounded-md p-2 text-xs">
              <code>{check.command}</code>
            </CodeBlock>
            <CopyButton text={check.command} label="Copy command" />
          </div>
        </li>
      ))}
    </ol>
  );
}
