/**
 * The deepest nesting of arrays and objects a record may have before the server serializes any of it:
 * CloudTrail writes a few levels (request parameters reach about ten); JSON.stringify throws (stack
 * overflow) somewhere past a few thousand, so deeper input is refused before it is ever stringified.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays or objects deeper than `maxDepth`; iterative, so any depth is safe to check. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
