/**
 * A regex paired with literal substrings it cannot match without. Most lines hold none of them, and
 * one indexOf per anchor rules such a line out far more cheaply than running the regex over it.
 */
export interface AnchoredPattern {
  pattern: RegExp;
  /** The regex can only match a line that contains at least one of these. */
  anchors: readonly string[];
}

/** Pairs a (non-global) regex with the substrings every match of it needs, one of which at least. */
export function anchored(pattern: RegExp, ...anchors: string[]): AnchoredPattern {
  return { pattern, anchors };
}

/** True when `text` contains at least one of `anchors`. */
export function includesAny(text: string, anchors: readonly string[]): boolean {
  for (const anchor of anchors) if (text.includes(anchor)) return true;
  return false;
}

/** `pattern.exec(text)`, skipped when the text holds none of the pattern's anchors. */
export function execAnchored({ pattern, anchors }: AnchoredPattern, text: string): RegExpExecArray | null {
  return includesAny(text, anchors) ? pattern.exec(text) : null;
}
