/**
 * How a secret is replaced. `name` reads as `<label>-<n>`; the others keep the original's shape so the masked text
 * still parses the same: 12-digit account ids, `i-`/`AROA`-style ids, UUIDs, hex suffixes, e-mail addresses.
 */
export type Shape =
  | { kind: "account" }
  | { kind: "name"; label: string }
  | { kind: "email" }
  | { kind: "prefixed"; prefix: string; width: number }
  | { kind: "uuid" }
  | { kind: "hex"; width: number };

/** One secret found in the text. An ARN-derived shape outranks a field-derived one for the same original. */
export interface Token {
  original: string;
  shape: Shape;
  priority: number;
}

/** A stretch of the input replaced by literal text and masked tokens, in order. */
export interface Span {
  start: number;
  end: number;
  parts: Part[];
}

export type Part = string | Token;

export const ARN_PRIORITY = 2;
export const FIELD_PRIORITY = 1;

export function nameToken(original: string, label: string, priority = ARN_PRIORITY): Token {
  return { original, shape: { kind: "name", label }, priority };
}
