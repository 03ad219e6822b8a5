/**
 * Keeps the items a reader has reached where they were: the pinned keys first, in their order, then every
 * other item in the ranked order. A lookup's counts keep changing while it runs; without this the group
 * being read would slide down as others overtake it.
 */
export function pinnedFirst<Item extends { key: string }>(ranked: readonly Item[], pinned: readonly string[]): Item[] {
  if (pinned.length === 0) return [...ranked];
  const byKey = new Map(ranked.map((item) => [item.key, item]));
  const head = pinned.flatMap((key) => byKey.get(key) ?? []);
  const pinnedKeys = new Set(pinned);
  return [...head, ...ranked.filter((item) => !pinnedKeys.has(item.key))];
}
