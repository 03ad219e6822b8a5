import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const TONES = {
  neutral:
    "bg-slate-100 text-slate-700 ring-1 ring-slate-300 ring-inset dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  calm: "bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800",
  count: "rounded-md bg-slate-900 font-bold text-white tabular-nums dark:bg-slate-100 dark:text-slate-900",
} as const;

/** A short label: a layer chip (pass its colours in `className`), a certainty, a count. */
export function Badge({ tone, className, ...props }: ComponentProps<"span"> & { tone?: keyof typeof TONES }) {
  return (
    <span
      className={cn(
        "inline-block px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap",
        tone === "count" ? null : "rounded-full",
        tone && TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
