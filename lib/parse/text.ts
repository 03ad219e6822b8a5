import type { TextFormat } from "../model";
import { anchorSet, includesAny } from "./anchors";
import {
  IAM_ANCHOR,
  parseCutSentence,
  parseIamSentence,
  parseReasonFragment,
  type IamSentence,
  type ReasonFragment,
} from "./iam-sentence";
import { continuedOnNextLine, specialAcrossBreak } from "./line-breaks";
import { EXCERPT_LENGTH, MAX_RECORDS } from "./limits";
import { findEncodedMessage, findSpecialMessage, findWrappingKind } from "./special-messages";
import { isDenialCode, recordFromFragment, recordFromSentence, recordFromSpecial } from "./text-records";
import { mergeWrapper, readWrapper, type WrapperFacts } from "./wrappers";
import { fillFromNeighbours, mergeGenericNeighbours, VAGUE_KINDS, type LineHit, type TextRecord } from "./neighbours";

/**
 * Finds every denial in free text: one record per IAM sentence, plus one per line for the
 * other message families. Cost is linear in the text: each line is scanned a fixed number of times.
 */
export function parseText(text: string, defaultFormat: TextFormat): { records: TextRecord[]; truncated: boolean } {
  const lines = text.split("\n");
  const hits: LineHit[] = [];
  const wrapperOf = wrapperReader();
  let truncated = false;
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]?.trim() || joinBrokenAnchor(lines, index)) continue;
    for (const record of denialsInLine(lines, index, defaultFormat, wrapperOf)) {
      if (hits.length >= MAX_RECORDS) {
        truncated = true;
        break;
      }
      hits.push({ line: index, record });
    }
    if (truncated) break;
  }
  fillFromNeighbours(hits, lines, wrapperOf);
  return { records: mergeGenericNeighbours(hits, lines), truncated };
}

/**
 * readWrapper for the lines of one text, each line read once: a hit's own line is also its neighbours' neighbour,
 * and every wrapper family is tried on each read. The cache lives as long as the one parse.
 */
function wrapperReader(): (line: string) => WrapperFacts {
  const read = new Map<string, WrapperFacts>();
  return (line) => {
    let facts = read.get(line);
    if (!facts) read.set(line, (facts = readWrapper(line)));
    return facts;
  };
}

const ANCHOR_WORDS = IAM_ANCHOR.split(" ");
/** "is not authorized" | "to perform", "is not" | "authorized to perform", … : every place a line break may cut the anchor. */
const ANCHOR_SPLITS = ANCHOR_WORDS.slice(1).map((_word, at) => [
  ANCHOR_WORDS.slice(0, at + 1).join(" "),
  ANCHOR_WORDS.slice(at + 1).join(" "),
]);
/** "is not authorized t" | "o perform": where a terminal's wrap cut the anchor inside a word (joined with nothing). */
const CUT_PROBE = 4;
const ANCHOR_CUTS = [...IAM_ANCHOR]
  .map((_character, at) => [IAM_ANCHOR.slice(0, at), IAM_ANCHOR.slice(at)] as const)
  .filter(([head, tail]) => head.length > 0 && !head.endsWith(" ") && !tail.startsWith(" "));

/**
 * Mends an IAM anchor a line break cut ("User: … is not authorized\nto perform: …"): this line is moved down onto the
 * next (and left blank), so the sentence is read there as one. True when it did; a few endsWith calls per line.
 */
function joinBrokenAnchor(lines: string[], index: number): boolean {
  const line = lines[index] ?? "";
  const next = lines[index + 1];
  if (next === undefined || line.includes(IAM_ANCHOR)) return false;
  const end = line.trimEnd();
  for (const [head = "", tail = ""] of ANCHOR_SPLITS) {
    if (!end.endsWith(head) || !/\s|^$/.test(end.charAt(end.length - head.length - 1))) continue;
    const start = next.trimStart();
    if (!start.startsWith(tail)) continue;
    lines[index + 1] = `${end} ${start}`;
    lines[index] = "";
    return true;
  }
  // Most lines start with nothing of the anchor: four characters rule them out before the cuts are tried.
  if (!IAM_ANCHOR.includes(next.slice(0, CUT_PROBE))) return false;
  for (const [head, tail] of ANCHOR_CUTS) {
    if (!end.endsWith(head) || !next.startsWith(tail)) continue;
    lines[index + 1] = end + next;
    lines[index] = "";
    return true;
  }
  return false;
}

/**
 * The line with the lines one sentence may spill over: the one before (the principal) and the next few up to a blank
 * line or another sentence (the action, resource or reason after a line break). Neighbours of unreadable length are
 * left out, so each line is read a bounded number of times.
 */
/**
 * How many lines after its anchor a sentence may run on: a console paste wraps every few words, so the reason clause
 * can stand four lines below "is not authorized to perform" (action, "on resource:", an ARN cut in two).
 */
const SENTENCE_LINES = 6;

function sentenceWindow(lines: string[], index: number): { text: string; offset: number } {
  const line = lines[index] ?? "";
  const previous = lines[index - 1];
  const before = previous !== undefined && previous.length <= EXCERPT_LENGTH * 4 ? `${previous}\n` : "";
  let text = before + line;
  for (let next = index + 1; next <= index + SENTENCE_LINES && next < lines.length; next++) {
    const following = lines[next] ?? "";
    if (!following.trim() || following.length > EXCERPT_LENGTH * 4) break;
    text += `\n${following}`;
    // A line holding the next sentence may still end this one ("…identitystore/d-1\nbecause no …, User: …").
    if (following.includes(IAM_ANCHOR)) break;
  }
  return { text, offset: before.length };
}

function iamSentencesIn(lines: string[], index: number): { sentence: IamSentence; at: number }[] {
  const line = lines[index] ?? "";
  if (!line.includes(IAM_ANCHOR)) return [];
  const window = sentenceWindow(lines, index);
  const sentences: { sentence: IamSentence; at: number }[] = [];
  for (let at = line.indexOf(IAM_ANCHOR); at !== -1;) {
    const next = line.indexOf(IAM_ANCHOR, at + IAM_ANCHOR.length);
    const nextInWindow = window.text.indexOf(IAM_ANCHOR, window.offset + line.length);
    const limit = next !== -1 ? window.offset + next : nextInWindow !== -1 ? nextInWindow : window.text.length;
    const sentence = parseIamSentence(window.text, window.offset + at, limit);
    if (sentence) sentences.push({ sentence, at });
    at = next;
  }
  return sentences;
}

function denialsInLine(
  lines: string[],
  index: number,
  defaultFormat: TextFormat,
  wrapperOf: (line: string) => WrapperFacts,
): TextRecord[] {
  const line = lines[index] ?? "";
  const wrapper = wrapperOf(line);
  const sentences = iamSentencesIn(lines, index);
  const format = wrapper.sourceFormat ?? (line.includes("<Message>") ? "s3-xml" : defaultFormat);
  if (sentences.length > 0) {
    const encodedMessage = findEncodedMessage(line);
    const wrappingKind = findWrappingKind(line);
    return sentences.map(({ sentence, at }) =>
      recordFromSentence(sentence, at, wrappingKind, wrapper, format, encodedMessage, line),
    );
  }
  // A sentence a logger cut inside its action still names its caller; the wrapper may name the call.
  const anchor = line.indexOf(IAM_ANCHOR);
  const cut = anchor === -1 ? null : parseCutSentence(line, anchor);
  if (cut) {
    const caller = cut.principal ? { principal: cut.principal } : {};
    const service = cut.service ? { service: cut.service } : {};
    return [
      recordFromSpecial(
        { kind: "generic-denied", ...caller, ...service, index: anchor, end: anchor },
        wrapper,
        format,
        line,
      ),
    ];
  }
  const special = findSpecialMessage(line);
  if (!special || VAGUE_KINDS.has(special.kind)) {
    const fragment = reasonFragmentAt(lines, index);
    if (fragment) return [recordFromFragment(fragment, wrapper, format, line)];
  }
  // A bare "AccessDenied" may stand before a phrase that a line break cut in two: the phrase says more.
  const across = !special || VAGUE_KINDS.has(special.kind) ? specialAcrossBreak(line, lines[index + 1]) : null;
  if (special && (!across || VAGUE_KINDS.has(across.hit.kind))) {
    const continued = continuedOnNextLine(special, line, lines[index + 1]);
    return [recordFromSpecial(continued?.hit ?? special, wrapper, format, continued?.text ?? line)];
  }
  if (across) {
    const joined = mergeWrapper(wrapper, readWrapper(across.text));
    return [recordFromSpecial(across.hit, joined, joined.sourceFormat ?? format, across.text)];
  }
  if (wrapper.errorCode && isDenialCode(wrapper.errorCode)) {
    return [recordFromSpecial({ kind: "generic-denied", index: 0, end: 0 }, wrapper, format, line)];
  }
  return [];
}

/** A reason clause with no sentence of its own: not the tail of a sentence a few lines up. */
function reasonFragmentAt(lines: string[], index: number): ReasonFragment | null {
  const line = lines[index] ?? "";
  if (!includesAny(line, REASON_WORDS)) return null;
  for (let back = 1; back <= SENTENCE_LINES && index - back >= 0; back++) {
    if (lines[index - back]?.includes(IAM_ANCHOR)) return null;
  }
  const window = sentenceWindow(lines, index);
  const fragment = parseReasonFragment(window.text);
  return fragment && { ...fragment, action: fragment.action ?? soleActionIn(window.text) };
}

const REASON_WORDS = anchorSet("because ", "explicit deny");
const ACTION_TOKEN = /(?<![\w:/-])([a-z0-9-]{2,40}:[A-Z][A-Za-z0-9*]{1,80})(?![\w:/-])/g;

/** The one IAM action a short text names (a quoted "`iam:ListUsers`" beside the reason), if it names only one. */
function soleActionIn(text: string): string | null {
  const actions = new Set(Array.from(text.matchAll(ACTION_TOKEN), (match) => match[1]));
  return actions.size === 1 ? ([...actions][0] ?? null) : null;
}
