/**
 * Estimates time left from how much of the work is done: fraction f after t seconds leaves
 * t·(1−f)/f. Too early to tell (under 2% done or under a second) gives null, not a wild guess.
 */
export function etaSeconds(fraction: number, elapsedSeconds: number): number | null {
  if (fraction >= 1) return 0;
  if (fraction < 0.02 || elapsedSeconds < 1) return null;
  return Math.round((elapsedSeconds * (1 - fraction)) / fraction);
}

/** Share of a newest-first scan of [start, end] done once it has reached back to `reached`. */
export function windowFraction(start: number, end: number, reached: number): number {
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (end - reached) / (end - start)));
}
