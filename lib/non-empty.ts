/** A list with at least one item: its first item needs no check. */
export type NonEmpty<T> = [T, ...T[]];

/** Maps a non-empty list, keeping it non-empty. */
export function mapNonEmpty<T, U>(list: NonEmpty<T>, map: (item: T, index: number) => U): NonEmpty<U> {
  // Array#map keeps the length, so the result has a first item too; no rest/spread copies of the list.
  return list.map((item, index) => map(item, index)) as NonEmpty<U>;
}
