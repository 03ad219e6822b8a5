import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  info: "border-indigo-300 bg-indigo-50 text-indigo-950 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100",
} as const;

const SIZES = {
  sm: "rounded-md p-2",
  md: "rounded-lg p-3",
  lg: "rounded-xl p-4",
} as const;

/**
 * A boxed message in one of three tones. The tone is only colour: pass `role` ("alert", "status", "note")
 * for what assistive technology should make of it.
 */
export function Alert({
  tone,
  size = "md",
  className,
  ...props
}: ComponentProps<"div"> & { tone: keyof typeof TONES; size?: keyof typeof SIZES }) {
  return <div className={cn("border text-sm", SIZES[size], TONES[tone], className)} {...props} />;
}
