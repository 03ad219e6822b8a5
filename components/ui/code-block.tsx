import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { FOCUS_RING } from "./focus-ring";

const SURFACES = {
  dark: "bg-slate-900 text-slate-100 dark:bg-slate-950",
  muted: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  plain: "text-slate-700 dark:text-slate-300",
} as const;

/**
 * Preformatted text that keyboard users can scroll. `scroll` keeps every line whole and scrolls sideways
 * (JSON, whose indentation is its meaning); `wrap` breaks lines at spaces and splits a word only when it is
 * longer than the whole line (commands, messages). Size, padding and corners come from `className`.
 */
export function CodeBlock({
  surface,
  overflow,
  className,
  ...props
}: ComponentProps<"pre"> & { surface: keyof typeof SURFACES; overflow: "scroll" | "wrap" }) {
  return (
    <pre
      tabIndex={0}
      className={cn(
        "overflow-auto",
        overflow === "scroll" ? "whitespace-pre" : "whitespace-pre-wrap break-words",
        SURFACES[surface],
        FOCUS_RING,
        className,
      )}
      {...props}
    />
  );
}
