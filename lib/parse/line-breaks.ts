import { findSpecialMessage, findSpecialMessageAcross, type SpecialHit } from "./special-messages";

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

/**
 * A phrase that ends the line, read again with the next line joined on: what a wrap cut off its optional tail says
 * ("Insufficient Lake Formation permission(s)\non sales_db"). Null when the join reads no more of the same phrase.
 */
export function continuedOnNextLine(
  special: SpecialHit,
  line: string,
  next: string | undefined,
): { hit: SpecialHit; text: string } | null {
  const end = line.trimEnd().length;
  if (special.end < end || !next?.trim()) return null;
  const text = `${line.slice(0, end)} ${next.trimStart()}`;
  const hit = findSpecialMessage(text);
  return hit && hit.kind === special.kind && hit.index === special.index && hit.end > end + 1 ? { hit, text } : null;
}
