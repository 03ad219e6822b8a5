import type { DenialKindFacts, DenialRecord, TextFormat } from "../model";
import { isAccountId, parseArn } from "../iam";
import { actionForOperation, isReadable, serviceForOperation, splitAction } from "../iam";
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
import { leadingPrincipal, soleArnOf, userPrincipal } from "./line-facts";
import { EXCERPT_LENGTH, MAX_RECORDS } from "./limits";
import {
  findEncodedMessage,
  findSpecialMessage,
  findWrappingKind,
  type SpecialHit,
  type WrappingKind,
} from "./special-messages";
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

// Any service prefix ("Client.", "KMS.", "Kinesis.KMS.") and any name ending in AccessDenied ("VpceAccessDenied").
const DENIAL_CODES = new RegExp(
  `^(?:[A-Za-z]{1,40}\\.){0,3}(?:${[
    "[A-Za-z]{0,40}AccessDenied(?:Exception|ForDependencyException)?",
    "UnauthorizedOperation",
    "UnauthorizedAccess",
    "AuthorizationError(?:Exception)?",
    "(?:403 )?Forbidden(?:Exception)?",
  ].join("|")})$`,
);

/** The error codes AWS uses for authorization failures (SDK names and CloudTrail's). */
export function isDenialCode(code: string): boolean {
  return DENIAL_CODES.test(code);
}

function recordFromSentence(
  sentence: IamSentence,
  anchor: number,
  wrappingKind: WrappingKind | null,
  wrapper: WrapperFacts,
  format: TextFormat,
  encodedMessage: string | null,
  line: string,
): TextRecord {
  const [prefix, name] = splitAction(sentence.reasonAction ?? sentence.action);
  const service = prefix.toLowerCase();
  const isAnonymousApiCall = sentence.principal === "anonymous" && service === "execute-api";
  const facts: DenialKindFacts = isAnonymousApiCall
    ? { kind: "execute-api-anonymous" }
    : wrappingKind
      ? { kind: wrappingKind }
      : { kind: "iam-authorization", encodedMessage };
  // Filled in place rather than spread into a copy: one record per sentence, and it is ours alone.
  const record = emptyRecord(facts, format, line, anchor);
  record.service = service;
  record.action = `${service}:${name}`;
  record.operation = wrapper.operation;
  record.principal = sentence.principal;
  // A resource the message hid ("***", "<redacted>") gives way to the one the tool around it named.
  record.resource = wrapper.resource && !isReadable(sentence.resource) ? wrapper.resource : sentence.resource;
  record.statedPolicyType = sentence.statedPolicyType;
  record.transitivePolicyType = sentence.transitivePolicyType;
  record.statedReason = sentence.statedReason;
  record.policyArn = sentence.policyArn;
  record.authorizationId = sentence.authorizationId;
  record.errorCode = wrapper.errorCode;
  record.region = wrapper.region;
  return locate(record);
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

function recordFromFragment(fragment: ReasonFragment, wrapper: WrapperFacts, format: TextFormat, line: string) {
  const [prefix, name] = fragment.action ? splitAction(fragment.action) : ["", ""];
  const service = prefix ? prefix.toLowerCase() : (wrapper.service ?? null);
  const record = emptyRecord({ kind: "iam-authorization", encodedMessage: null }, format, line, 0);
  record.service = service;
  record.action = fragment.action ? `${service}:${name}` : null;
  record.operation = wrapper.operation;
  record.resource = wrapper.resource;
  record.statedPolicyType = fragment.statedPolicyType;
  record.transitivePolicyType = fragment.transitivePolicyType;
  record.statedReason = fragment.statedReason;
  record.policyArn = fragment.policyArn;
  record.errorCode = wrapper.errorCode;
  record.region = wrapper.region;
  return locate(record);
}

function recordFromSpecial(special: SpecialHit, wrapper: WrapperFacts, format: TextFormat, line: string): TextRecord {
  const operationService = wrapper.operation ? serviceForOperation(wrapper.operation) : null;
  const looksLikeS3 = format === "s3-xml" || line.includes("Access Denied");
  const service = special.service ?? wrapper.service ?? operationService ?? (looksLikeS3 ? "s3" : null);
  const action =
    special.action ??
    (service && wrapper.operation ? `${service}:${actionForOperation(service, wrapper.operation)}` : null);
  // A HEAD's answer has no body: whatever code the SDK put on it, the 403 is body-less (Hadoop S3A's getFileStatus).
  const bodyless = special.kind === "generic-denied" && wrapper.operation?.startsWith("Head") === true;
  const record = emptyRecord(bodyless ? { kind: "http-forbidden" } : kindFactsOf(special), format, line, special.index);
  record.service = service;
  record.action = action;
  record.operation = wrapper.operation ?? special.operation ?? null;
  record.principal = special.principal ?? leadingPrincipal(line) ?? userPrincipal(line);
  record.resource = special.resource ?? wrapper.resource ?? (service ? soleArnOf(service, line) : null);
  record.statedPolicyType = special.statedPolicyType ?? null;
  record.errorCode = wrapper.errorCode;
  record.region = wrapper.region ?? (special.resource ? parseArn(special.resource)?.region || null : null);
  record.account = special.account ?? null;
  return locate(record);
}

/** The kind-specific facts of a phrase, without the phrase's other facts. */
function kindFactsOf(special: SpecialHit): DenialKindFacts {
  if ("encodedMessage" in special) return { kind: special.kind, encodedMessage: special.encodedMessage };
  if ("detail" in special) return { kind: special.kind, detail: special.detail };
  if ("requiredPermission" in special)
    return { kind: special.kind, requiredPermission: special.requiredPermission, databaseName: special.databaseName };
  return { kind: special.kind };
}

/** A record with only its kind's facts and its excerpt filled in. */
export function emptyRecord(facts: DenialKindFacts, sourceFormat: TextFormat, line: string, at: number): TextRecord {
  // The kind-specific facts go on last: a leading spread gave every record a dictionary shape of its own.
  const common = {
    sourceFormat,
    service: null,
    action: null,
    operation: null,
    principal: null,
    resource: null,
    statedPolicyType: null,
    transitivePolicyType: null,
    statedReason: "unstated" as const,
    policyArn: null,
    authorizationId: null,
    errorCode: null,
    region: null,
    account: null,
    partition: "aws",
    requestValues: null,
    excerpt: excerptAround(line, at),
    occurrences: 1,
  };
  return Object.assign(common, facts);
}

function excerptAround(line: string, at: number): string {
  const trimmed = line.trim();
  if (trimmed.length <= EXCERPT_LENGTH) return trimmed;
  const start = Math.max(0, Math.min(at - EXCERPT_LENGTH / 3, line.length - EXCERPT_LENGTH));
  return `${start > 0 ? "…" : ""}${line.slice(start, start + EXCERPT_LENGTH).trim()}…`;
}

/** Fills region, account and partition from the resource ARN, then the principal ARN. */
export function withLocation<Denial extends DenialRecord>(record: Denial): Denial {
  return locate({ ...record });
}

/** withLocation for a record the parser has just built: fills it in place. */
function locate<Denial extends DenialRecord>(record: Denial): Denial {
  const resourceArn = record.resource ? parseArn(record.resource) : null;
  const principalArn = record.principal ? parseArn(record.principal) : null;
  const account = isAccountId(resourceArn?.account)
    ? resourceArn.account
    : isAccountId(principalArn?.account)
      ? principalArn.account
      : null;
  record.partition = resourceArn?.partition ?? principalArn?.partition ?? record.partition;
  record.region = resourceArn?.region || record.region;
  record.account = record.account ?? account;
  return record;
}
