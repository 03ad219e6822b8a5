import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { FOCUS_RING } from "./focus-ring";

const VARIANTS = {
  primary: cn(
    "rounded-lg bg-indigo-600 font-semibold text-white shadow hover:bg-indigo-700",
    "disabled:cursor-not-allowed disabled:opacity-50",
  ),
  secondary: cn(
    "rounded-lg border border-slate-300 font-semibold text-slate-800 hover:bg-slate-100",
    "dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800",
  ),
  /** A small rounded choice: a sample, a demo preset. */
  chip: cn(
    "rounded-full border border-slate-300 bg-white text-xs font-medium text-slate-700",
    "hover:border-indigo-400 hover:text-indigo-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
    // A hovered chip in the dark keeps light text: indigo-700 on slate-800 fails contrast.
    "dark:hover:border-indigo-400 dark:hover:text-indigo-200",
  ),
  /** A quiet action beside content, such as Copy. */
  subtle: cn(
    "rounded-md border border-slate-300 bg-white text-xs font-medium text-slate-700 hover:bg-slate-100",
    "dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700",
  ),
  /** Text that acts, inside a sentence. */
  link: "font-semibold text-indigo-700 underline dark:text-indigo-300",
} as const;

const SIZES = {
  md: { primary: "px-5 py-2", secondary: "px-4 py-2", chip: "px-3 py-1", subtle: "px-2.5 py-1", link: "" },
  sm: { primary: "px-4 py-1.5", secondary: "px-3 py-1.5 text-sm", chip: "px-3 py-1", subtle: "px-2.5 py-1", link: "" },
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** A button in one of the app's few looks; `type` defaults to "button" so it never submits by accident. */
export function Button({
  variant = "secondary",
  size = "md",
  type = "button",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: keyof typeof SIZES }) {
  return (
    <button type={type} className={cn(VARIANTS[variant], SIZES[size][variant], FOCUS_RING, className)} {...props} />
  );
}
