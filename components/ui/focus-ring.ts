/**
 * The one keyboard focus ring. Indigo-600 measures 2.8:1 on a dark card (slate-900) and 2.3:1 on slate-800,
 * under the 3:1 WCAG asks of a focus indicator; dark mode uses indigo-400: 6.5:1 on slate-950, 5.7:1 on
 * slate-900, 4.7:1 on slate-800 (light mode keeps indigo-600: 6.4:1 on white).
 */
export const FOCUS_RING =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";

/** The same ring on a wrapper (a label holding a radio or a file input) whose child takes the focus. */
export const FOCUS_WITHIN_RING =
  "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 dark:has-[:focus-visible]:outline-indigo-400";
