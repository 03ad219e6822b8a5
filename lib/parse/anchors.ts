import { anchorsFoundIn, registerAnchors } from "./anchor-index";

/**
 * Literal substrings, one of which a line must contain before a pattern is worth running over it. Every set is made
 * once, when its module loads: all of them are looked for together, in one pass over each text (./anchor-index.ts).
 */
export interface AnchorSet {
  readonly anchors: readonly string[];
  /** The anchors' numbers in the shared index. */
  readonly ids: readonly number[];
}

/** A (non-global) regex paired with the substrings every match of it needs, one of which at least. */
export interface AnchoredPattern {
  pattern: RegExp;
  anchors: AnchorSet;
}

/** Registers substrings to look for: call it at module level, never per text (the index keeps every set for good). */
export function anchorSet(...anchors: string[]): AnchorSet {
  return { anchors, ids: registerAnchors(anchors) };
}

/** Pairs a (non-global) regex with the substrings every match of it needs, one of which at least. */
export function anchored(pattern: RegExp, ...anchors: string[]): AnchoredPattern {
  return { pattern, anchors: anchorSet(...anchors) };
}

/** True when `text` contains at least one of the set's anchors. */
export function includesAny(text: string, set: AnchorSet): boolean {
  const found = anchorsFoundIn(text);
  for (const id of set.ids) if (found[id >>> 5]! & (1 << (id & 31))) return true;
  return false;
}

/** `pattern.exec(text)`, skipped when the text holds none of the pattern's anchors. */
export function execAnchored({ pattern, anchors }: AnchoredPattern, text: string): RegExpExecArray | null {
  return includesAny(text, anchors) ? pattern.exec(text) : null;
}
