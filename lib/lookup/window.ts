import { fail, ok, type Result } from "../result";
import { MAX_WINDOW_DAYS } from "../wire";
const DEFAULT_WINDOW_HOURS = 24;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeWindow {
  start: Date;
  end: Date;
}

export type WindowErrorCode = "lookup.window-too-large" | "lookup.bad-window";

/**
 * The time window to search: the last `hours` hours, or an explicit start and end. Refuses windows
 * that reach past CloudTrail's 90 days or end before they start; an end in the future becomes now.
 */
export function resolveWindow(
  input: { hours?: number; start?: string; end?: string },
  now: Date,
): Result<TimeWindow, WindowErrorCode> {
  const end = input.end ? new Date(input.end) : now;
  const start = input.start
    ? new Date(input.start)
    : new Date(end.getTime() - (input.hours ?? DEFAULT_WINDOW_HOURS) * 60 * 60 * 1000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    return fail("lookup.bad-window", "The start or end time is not a valid date.");
  const clampedEnd = end > now ? now : end;
  if (start >= clampedEnd) return fail("lookup.bad-window", "The window must start before it ends (and before now).");
  const oldest = now.getTime() - MAX_WINDOW_DAYS * DAY_MS;
  if (start.getTime() < oldest - 60_000) {
    return fail(
      "lookup.window-too-large",
      `CloudTrail event history keeps ${MAX_WINDOW_DAYS} days: choose a start after ` +
        `${new Date(oldest).toISOString().slice(0, 10)}. For older events, upload the trail's log files from S3.`,
    );
  }
  return ok({ start: new Date(Math.max(start.getTime(), oldest)), end: clampedEnd });
}
