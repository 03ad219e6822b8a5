import type { DenialKindFacts, DenialRecord, TextFormat } from "../model";
import { actionForOperation, isAccountId, isReadable, parseArn, serviceForOperation, splitAction } from "../iam";
import type { IamSentence, ReasonFragment } from "./iam-sentence";
import { leadingPrincipal, soleArnOf, userPrincipal } from "./line-facts";
import { EXCERPT_LENGTH } from "./limits";
import type { TextRecord } from "./neighbours";
import type { SpecialHit, WrappingKind } from "./special-messages";
import type { WrapperFacts } from "./wrappers";

// The records the text reader (./text.ts) builds: one per IAM sentence, reason clause or fixed phrase it finds.

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

/** The record of one IAM sentence, with what the wrapper around it named. */
export function recordFromSentence(
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

/** The record of a reason clause standing without its sentence ("because no identity-based policy allows …"). */
export function recordFromFragment(fragment: ReasonFragment, wrapper: WrapperFacts, format: TextFormat, line: string) {
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

/** The record of a fixed phrase (Lambda's, S3's, a service's own words), with what the wrapper around it named. */
export function recordFromSpecial(
  special: SpecialHit,
  wrapper: WrapperFacts,
  format: TextFormat,
  line: string,
): TextRecord {
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
