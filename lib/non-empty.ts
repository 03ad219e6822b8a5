/** A list with at least one item: its first item needs no check. */
export type NonEmpty<T> = [T, ...T[]];

/** Maps a non-empty list, keeping it non-empty. */
export function mapNonEmpty<T, U>(list: NonEmpty<T>, map: (item: T, index: number) => U): NonEmpty<U> {
  const [first, ...rest] = list;
  return [map(first, 0), ...rest.map((item, index) => map(item, index + 1))];
}
