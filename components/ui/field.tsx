import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { FOCUS_RING } from "./focus-ring";

const CONTROL = cn(
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900",
  "aria-[invalid=true]:border-red-500",
  FOCUS_RING,
);

/** A field's visible name; `optional` adds a quiet "(optional)". */
export function Label({ optional, className, children, ...props }: ComponentProps<"label"> & { optional?: boolean }) {
  return (
    <label className={cn("block text-sm font-semibold text-slate-800 dark:text-slate-200", className)} {...props}>
      {children}
      {optional && <span className="font-normal text-slate-600 dark:text-slate-400"> (optional)</span>}
    </label>
  );
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(CONTROL, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(CONTROL, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(CONTROL, className)} {...props} />;
}

/** The line under a field: its hint, or its error in red when there is one (point aria-describedby at `id`). */
export function FieldHint({ id, error, children }: { id: string; error?: string | null; children: ReactNode }) {
  return (
    <p
      id={id}
      className={
        error
          ? "mt-1 text-sm font-medium text-red-700 dark:text-red-400"
          : "mt-1 text-xs text-slate-600 dark:text-slate-400"
      }
    >
      {error ?? children}
    </p>
  );
}
