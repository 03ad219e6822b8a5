import { findSpecialMessageAcross, type SpecialHit } from "./special-messages";

/** How much of each side of a line break is read for a phrase cut by it: longer than any fixed phrase. */
const JOIN_SPAN = 200;

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * A fixed phrase that a line break cuts in two, read across the break: with a space where a paste wrapped between
 * words ("execution\nrole"), or with none where a terminal wrapped inside a word ("defi\nned"). Returns the hit with
 * its index in `line + glue + next`, and that joined text.
 */
export function specialAcrossBreak(line: string, next: string | undefined): { hit: SpecialHit; text: string } | null {
  if (!next?.trim()) return null;
  const tailStart = Math.max(0, line.length - JOIN_SPAN);
  const tail = tailStart === 0 ? line : line.slice(tailStart);
  const head = next.length > JOIN_SPAN ? next.slice(0, JOIN_SPAN) : next;
  const midWord = isLetter(line.charCodeAt(line.length - 1)) && isLetter(next.charCodeAt(0));
  for (const glue of midWord ? [" ", ""] : [" "]) {
    const hit = findSpecialMessageAcross(tail + glue + head, tail.length);
    if (hit) return { hit: { ...hit, index: hit.index + tailStart }, text: line + glue + next };
  }
  return null;
}
