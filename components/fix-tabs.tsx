"use client";

import { useId, useState, type KeyboardEvent } from "react";
import type { Fix } from "@/lib/wire";
import { cn } from "@/lib/cn";
import { CopyButton } from "./copy-button";
import { CodeBlock } from "./ui/code-block";
import { FOCUS_RING } from "./ui/focus-ring";

const TABS = [
  { id: "json", label: "Policy JSON", text: statementJson },
  { id: "cli", label: "CLI", text: (fix: Fix) => fix.cli },
  { id: "terraform", label: "Terraform", text: (fix: Fix) => fix.terraform },
  { id: "sam", label: "SAM / CloudFormation", text: (fix: Fix) => fix.sam },
] as const;

/** The statement, or the statement list when the change needs more than one (an action on "*" apart). */
function statementJson(fix: Fix): string {
  const statements = [fix.statement, ...fix.additionalStatements];
  return JSON.stringify(statements.length === 1 ? fix.statement : statements, null, 2);
}

/** The fix as policy JSON, CLI, Terraform and SAM, in accessible tabs with a copy button each. */
export function FixTabs({ fix }: { fix: Fix }) {
  const [chosen, setActive] = useState(0);
  const baseId = useId();
  // A change to an existing policy (an exemption on a Deny) has no statement of its own to show.
  const tabs = fix.statement ? TABS : TABS.filter((item) => item.id !== "json");
  const active = Math.min(chosen, tabs.length - 1);
  const tab = tabs[active]!;
  const content = tab.text(fix);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const targets: Record<string, number> = {
      ArrowRight: (active + 1) % tabs.length,
      ArrowLeft: (active - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!Object.hasOwn(targets, event.key)) return;
    event.preventDefault();
    const next = targets[event.key]!;
    setActive(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <div data-testid="fix-tabs" className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <div
        role="tablist"
        aria-label="Fix formats"
        className="flex flex-wrap gap-1 border-b border-slate-200 bg-slate-50 p-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {tabs.map((item, index) => (
          <button
            key={item.id}
            id={`${baseId}-tab-${index}`}
            role="tab"
            type="button"
            aria-selected={index === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={index === active ? 0 : -1}
            onClick={() => setActive(index)}
            onKeyDown={onKeyDown}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              FOCUS_RING,
              index === active
                ? "bg-white text-indigo-700 shadow-sm dark:bg-slate-800 dark:text-indigo-300"
                : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white",
            )}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${active}`} className="relative">
        <CopyButton text={content} label={`Copy ${tab.label}`} className="absolute top-2 right-2" />
        <CodeBlock surface="dark" overflow="scroll" className="max-h-96 p-4 pr-20 text-[13px] leading-relaxed">
          <code>{content}</code>
        </CodeBlock>
      </div>
    </div>
  );
}
