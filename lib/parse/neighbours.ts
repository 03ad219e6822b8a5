import type { DenialRecord, TextFormat } from "../model";
import { actionForOperation, serviceForOperation } from "../iam";
import { EXCERPT_LENGTH } from "./limits";
import type { WrappingKind } from "./special-messages";
import { mergeWrapper, type WrapperFacts } from "./wrappers";

/** A denial read from pasted text (CloudTrail records carry their event on top). */
export type TextRecord = Extract<DenialRecord, { sourceFormat: TextFormat }>;

/** A denial found on one line, before neighbouring lines are merged in. */
export interface LineHit {
  line: number;
  record: TextRecord;
}

/** Lines this close to a specific denial are read as part of it (tracebacks, multi-line XML). */
const NEIGHBOURHOOD = 3;

/** A CloudTrail record pasted as lines spreads its keys wider: its "awsRegion" stands a dozen lines from "errorMessage". */
const RECORD_NEIGHBOURHOOD = 16;

/** A traceback or XML body spreads one error over several lines: borrow the wrapper facts nearby. */
export function fillFromNeighbours(hits: LineHit[], lines: string[], wrapperOf: (line: string) => WrapperFacts): void {
  for (const hit of hits) {
    const { record } = hit;
    const codeAndOperation = record.errorCode && record.operation;
    if (codeAndOperation && record.region) continue;
    const inRecord = lines[hit.line]?.includes('"errorMessage"') ?? false;
    // Only a record's lines are searched for a missing Region alone: elsewhere a known code, operation and resource end it
    // (Fluent Bit names the log group on the line before the call's error).
    if (codeAndOperation && record.resource && !inRecord) continue;
    const reach = inRecord ? RECORD_NEIGHBOURHOOD : NEIGHBOURHOOD;
    let facts: WrapperFacts = {
      errorCode: record.errorCode,
      operation: record.operation,
      service: null,
      sourceFormat: null,
      region: record.region,
      resource: record.resource,
    };
    for (let distance = 1; distance <= reach; distance++) {
      facts = borrowWrapper(facts, lines[hit.line - distance], wrapperOf);
      facts = borrowWrapper(facts, lines[hit.line + distance], wrapperOf);
    }
    const region = record.region ?? facts.region;
    const resource = record.resource ?? facts.resource;
    if (
      facts.errorCode !== record.errorCode ||
      facts.operation !== record.operation ||
      region !== record.region ||
      resource !== record.resource
    ) {
      hit.record = { ...record, errorCode: facts.errorCode, operation: facts.operation, region, resource };
    }
    if (!record.action && facts.operation) {
      const service = record.service ?? facts.service ?? serviceForOperation(facts.operation);
      if (service)
        hit.record = { ...hit.record, service, action: `${service}:${actionForOperation(service, facts.operation)}` };
    }
  }
}

/** Fills the gaps in `facts` from a neighbouring line, if there is one of readable length. */
function borrowWrapper(
  facts: WrapperFacts,
  neighbour: string | undefined,
  wrapperOf: (line: string) => WrapperFacts,
): WrapperFacts {
  return neighbour && neighbour.length <= EXCERPT_LENGTH * 4 ? mergeWrapper(facts, wrapperOf(neighbour)) : facts;
}

export const VAGUE_KINDS = new Set<string>(["generic-denied", "http-forbidden"]);
/** Lambda errors whose phrase can stand a line or two above the KMS sentence they quote. */
const WRAPPING_KINDS = new Set<string>(["lambda-env-kms", "lambda-stale-grant"] satisfies WrappingKind[]);

/** A hit that says only "denied": AccessDenied alone, or EC2's "not authorized to perform this operation" with no encoded message. */
function isVague(record: TextRecord, neighbour: TextRecord): boolean {
  if (record.kind === "ec2-encoded") return !record.encodedMessage && neighbour.kind !== "ec2-encoded";
  return VAGUE_KINDS.has(record.kind);
}

/** The sentence as the Lambda error quoting it: that error's kind, which carries no encoded message. */
function quotedBy(sentence: TextRecord, kind: WrappingKind): TextRecord {
  const record = { ...sentence, kind };
  Reflect.deleteProperty(record, "encodedMessage");
  return record;
}

/** Stack frames and lone braces between an error's message and its fields (`__type: …`) say nothing of their own. */
const FILLER_LINE = /^\s*(?:at\s|File "|[{}\[\]]\s*$)/;
/** How far a filler run may stretch: a stack trace's usual depth, so two separate errors stay apart. */
const MAX_FILLER = 24;

/** Lines between two hits that say something: stack frames and braces in between do not count. */
function linesApart(lines: readonly string[], from: number, to: number): number {
  if (to - from > NEIGHBOURHOOD + MAX_FILLER) return to - from;
  let apart = 0;
  for (let index = from + 1; index < to; index++) if (!FILLER_LINE.test(lines[index] ?? "")) apart++;
  return apart + 1;
}

/** Two vague hits that each name their own resource are two calls (Fluent Bit creating one log group, then another). */
function namesOtherResource(record: TextRecord, neighbour: TextRecord): boolean {
  const bothVague = VAGUE_KINDS.has(record.kind) && VAGUE_KINDS.has(neighbour.kind);
  return bothVague && !!record.resource && !!neighbour.resource && record.resource !== neighbour.resource;
}

function namesMore(record: TextRecord, other: TextRecord): boolean {
  if (record.action || other.action) return !!record.action && !other.action;
  return !!record.principal && !other.principal;
}

/**
 * Folds vague hits ("<Code>AccessDenied</Code>") into a specific denial a few lines away (stack frames between do not
 * count), and a Lambda phrase into the KMS sentence it quotes on the lines below it.
 */
export function mergeGenericNeighbours(hits: LineHit[], lines: readonly string[]): TextRecord[] {
  const kept: LineHit[] = [];
  for (const hit of hits) {
    const previous = kept[kept.length - 1];
    const close =
      previous !== undefined &&
      linesApart(lines, previous.line, hit.line) <= NEIGHBOURHOOD &&
      (!hit.record.operation || !previous.record.operation || hit.record.operation === previous.record.operation) &&
      !namesOtherResource(hit.record, previous.record);
    if (close && hit.record.kind === "iam-authorization" && WRAPPING_KINDS.has(previous.record.kind)) {
      kept[kept.length - 1] = { line: hit.line, record: quotedBy(hit.record, previous.record.kind as WrappingKind) };
      continue;
    }
    // The Lambda error's own code below the sentence it quotes (`"error": "Lambda.KMSAccessDeniedException"`).
    if (
      close &&
      hit.record.kind === previous.record.kind &&
      WRAPPING_KINDS.has(hit.record.kind) &&
      !hit.record.principal
    )
      continue;
    // Two vague hits: the one that names the action ("Access to KMS is not allowed" below "AccessDeniedException:") stays,
    // or else the one that names the caller (a message cut before its action, below the HTTP client's "403 Forbidden").
    if (close && isVague(hit.record, previous.record) && !namesMore(hit.record, previous.record)) {
      // A denial that names its call runs on through the vague lines below it (an SDK message, then its XML body twice).
      if (previous.record.action) kept[kept.length - 1] = { line: hit.line, record: previous.record };
      continue;
    }
    if (close && isVague(previous.record, hit.record)) {
      kept[kept.length - 1] = {
        line: hit.line,
        record: { ...hit.record, errorCode: hit.record.errorCode ?? previous.record.errorCode },
      };
      continue;
    }
    kept.push(hit);
  }
  return kept.map((hit) => hit.record);
}
