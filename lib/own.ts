/**
 * A table's own entry for a key, never an inherited one: keys come from pasted text, and a service
 * named "constructor" or "__proto__" must find nothing rather than Object.prototype's members.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
