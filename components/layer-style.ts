import type { Layer } from "@/lib/wire";

/** One colour per door, so a list of groups reads at a glance: inbound, outbound, key, guardrail. */
export const LAYER_CHIP: Record<Layer, string> = {
  "execution-role": "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  "resource-policy": "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  "trust-policy": "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  "kms-key-policy": "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100",
  scp: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  rcp: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  "permissions-boundary": "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  "session-policy": "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  "vpc-endpoint-policy": "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  "propagation-delay": "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  "account-setting": "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  unknown: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};
