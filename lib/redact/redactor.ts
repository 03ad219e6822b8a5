import { arnSpans } from "./arn";
import {
  accountSpans,
  awsHostSpans,
  bareResourceSpans,
  emailSpans,
  fieldSpans,
  s3UriSpans,
  uniqueIdSpans,
} from "./detectors";
import { isNameField, maskField } from "./fields";
import { Masker } from "./masker";
import type { Part, Span } from "./tokens";
import { unwrapLines } from "../parse";

/** A JSON value as `JSON.parse` returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One consistent mapping from originals to masks, shared by every call on the same redactor. */
export interface Redactor {
  /** Masks account ids, the name parts of ARNs, bucket names, e-mail addresses and IAM ids in text. */
  redactText(text: string): string;
  /** Masks every string and object key of a JSON value the way `redactText` does, and name fields by their key. */
  redactJson(value: JsonValue): JsonValue;
  /** How many distinct originals this redactor has masked. */
  readonly masked: number;
}

/** Detectors in precedence order: where two spans start at the same place, the longer wins, then the earlier here. */
const DETECTORS = [
  arnSpans,
  s3UriSpans,
  awsHostSpans,
  fieldSpans,
  bareResourceSpans,
  emailSpans,
  uniqueIdSpans,
  accountSpans,
];

/**
 * Creates a redactor. The same original always gets the same mask (`123456789012` → `000000000001`, a role name →
 * `role-1`, a bucket → `bucket-1`), and masks keep the shapes the engine reads — 12-digit accounts, ARN resource
 * types, services, Regions and actions stay — so the redacted text diagnoses the same. A mask never equals an
 * original the redactor has seen, so no original survives by coincidence.
 */
export function createRedactor(): Redactor {
  const masker = new Masker();
  const render = (text: string, spans: Span[]) => renderSpans(text, spans, masker);
  return {
    redactText(pasted) {
      // Masks change the names' lengths: a paste cut at a fixed width is joined first, or its lines would no longer
      // be of one width and the masked copy would read differently from the paste.
      const text = unwrapLines(pasted);
      const spans = planText(text);
      registerAll(masker, spans);
      return render(text, spans);
    },
    redactJson(value) {
      const plans = new Map<string, Span[]>();
      const fieldPlans = new Map<string, Part[]>();
      planJson(value, null, plans, fieldPlans);
      for (const spans of plans.values()) registerAll(masker, spans);
      for (const parts of fieldPlans.values()) registerParts(masker, parts);
      return renderJson(
        value,
        null,
        (text) => render(text, plans.get(text) ?? []),
        (key, text) => renderParts(fieldPlans.get(fieldKey(key, text)) ?? [text], masker),
      );
    },
    get masked() {
      return masker.size;
    },
  };
}

/** Every detector's spans, overlaps resolved: the earliest start wins, then the longest. */
function planText(text: string): Span[] {
  const all = DETECTORS.flatMap((detect, order) => detect(text).map((span) => ({ span, order })));
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order);
  const kept: Span[] = [];
  let covered = 0;
  for (const { span } of all) {
    if (span.start < covered) continue;
    kept.push(span);
    covered = span.end;
  }
  return kept;
}

function registerAll(masker: Masker, spans: Span[]): void {
  for (const span of spans) registerParts(masker, span.parts);
}

function registerParts(masker: Masker, parts: Part[]): void {
  for (const part of parts) if (typeof part !== "string") masker.register(part);
}

function renderParts(parts: Part[], masker: Masker): string {
  return parts.map((part) => (typeof part === "string" ? part : masker.maskOf(part.original))).join("");
}

function renderSpans(text: string, spans: Span[], masker: Masker): string {
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + renderParts(span.parts, masker);
    at = span.end;
  }
  return out + text.slice(at);
}

function fieldKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function isFieldValue(key: string | null, value: string): key is string {
  return key !== null && isNameField(key) && !value.startsWith("arn:");
}

function planJson(
  value: JsonValue,
  key: string | null,
  plans: Map<string, Span[]>,
  fieldPlans: Map<string, Part[]>,
): void {
  if (typeof value === "string") {
    if (isFieldValue(key, value)) fieldPlans.set(fieldKey(key, value), maskField(key, value));
    else if (!plans.has(value)) plans.set(value, planText(value));
  } else if (Array.isArray(value)) {
    for (const item of value) planJson(item, key, plans, fieldPlans);
  } else if (value !== null && typeof value === "object") {
    for (const [childKey, child] of Object.entries(value)) {
      if (!plans.has(childKey)) plans.set(childKey, planText(childKey));
      planJson(child, childKey, plans, fieldPlans);
    }
  }
}

function renderJson(
  value: JsonValue,
  key: string | null,
  text: (value: string) => string,
  field: (key: string, value: string) => string,
): JsonValue {
  if (typeof value === "string") return isFieldValue(key, value) ? field(key, value) : text(value);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, key, text, field));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([childKey, child]) => [text(childKey), renderJson(child, childKey, text, field)]),
    );
  }
  return value;
}
