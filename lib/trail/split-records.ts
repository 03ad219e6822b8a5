import { recordTooLarge, truncatedData } from "./messages";
import { PendingItem, type ByteRange } from "./pending-item";
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isWhitespace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  beginScan,
  scanToValueEnd,
  type ValueScan,
} from "./scan-value";
import type { TrailFailure, TrailFormat } from "./types";

/** A record as CloudTrail writes it, or a lookup-events Event whose `CloudTrailEvent` string holds one. */
export type ItemKind = "record" | "event";

/** One item the splitter found. The splitter reuses it, so it is only valid during the call. */
export interface FoundItem extends ByteRange {
  kind: ItemKind;
  /** False when no string in the item starts with "err", so it has neither errorCode nor errorMessage. */
  mentionsErr: boolean;
}

/** Receives what the splitter finds; each method returns false to stop the split. */
export interface SplitSink {
  item(found: FoundItem): boolean;
  /** A value where a record belongs that is not an object, or a JSON Lines line that is not one value. */
  stray(): boolean;
}

/** The keys that make a top-level object a wrapper of records rather than a record. */
const ITEMS_UNDER_KEY: ReadonlyMap<string, ItemKind | null> = new Map([
  ["Records", "record"],
  ["Events", "event"],
  ["NextToken", null],
]);
/** A record's first key can be errorCode, which the item scan must then hear about. */
const ERROR_KEY_PREFIX = "err";
const PEEKED_PREFIXES = new Set(
  [...ITEMS_UNDER_KEY.keys(), ERROR_KEY_PREFIX].flatMap((key) => [...key].map((_, last) => key.slice(0, last + 1))),
);

type Step =
  | "value" // a top-level value or a top-level array's element
  | "first-key" // just inside an object in value position: its first key says whether it wraps records
  | "first-key-text"
  | "member-key" // inside a wrapper object
  | "member-key-text"
  | "colon"
  | "member-value"
  | "items" // inside a wrapper's Records or Events array
  | "item" // inside an item, scanning for its end
  | "skip" // inside an uninteresting object, array or string
  | "skip-scalar"
  | "skip-line";

/**
 * Finds each record's bytes in CloudTrail JSON fed chunk by chunk, without parsing the document:
 * a byte-level state machine that understands only the wrapper (`{"Records": […]}`, lookup-events
 * `{"Events": […]}`, a top-level array, or a run of top-level values such as JSON Lines) and, inside a
 * record, string, escape and bracket depth. Memory is bounded by the largest record, capped at
 * `maxItemBytes`; nesting is counted, never recursed into.
 *
 * A top-level object is a wrapper when its first key is Records, Events or NextToken (CloudTrail and
 * the AWS CLI write those first); otherwise it is a record. When the first record is a single line,
 * the input is JSON Lines, and a line that does not close its record is skipped as a stray.
 */
export class RecordSplitter {
  /** Named after the first top-level value, once it has been seen. */
  private format: TrailFormat | null = null;
  private step: Step = "value";
  private inTopLevelArray = false;
  private oneRecordPerLine = false;
  private key = "";
  private wrapperItems: ItemKind | null = null;
  private itemKind: ItemKind = "record";
  private itemReturn: Step = "value";
  private skipReturn: Step = "value";
  private readonly scan: ValueScan = { depth: 0, inString: false, escaped: false, mentionsErr: false };
  private readonly found: FoundItem = { bytes: Buffer.alloc(0), start: 0, end: 0, kind: "record", mentionsErr: false };
  private readonly pending = new PendingItem();
  private nextNewline = -1;
  private stopped = false;
  private failure: TrailFailure | null = null;
  private itemsSeen = 0;

  constructor(
    private readonly sink: SplitSink,
    private readonly maxItemBytes: number,
  ) {}

  /** Splits one more chunk. Returns a failure once the data cannot be read on. */
  push(chunk: Buffer): TrailFailure | null {
    this.nextNewline = -1;
    let index = 0;
    while (index < chunk.length && !this.stopped) index = this.advance(chunk, index);
    if (this.pending.active && !this.stopped && this.pending.carryOver(chunk) > this.maxItemBytes)
      this.fail(recordTooLarge(this.maxItemBytes), chunk.length);
    return this.failure;
  }

  /** Ends the split: a failure when the data stopped inside a value, otherwise the format found (null for no data). */
  finish(): TrailFailure | { ok: true; format: TrailFormat | null } {
    if (this.failure) return this.failure;
    const betweenTopLevelValues =
      (this.step === "value" && !this.inTopLevelArray) ||
      this.step === "skip-line" ||
      (this.step === "skip-scalar" && this.skipReturn === "value" && !this.inTopLevelArray);
    return betweenTopLevelValues ? { ok: true, format: this.format } : truncatedData(this.itemsSeen);
  }

  private advance(chunk: Buffer, index: number): number {
    switch (this.step) {
      case "item":
        return this.continueItem(chunk, index);
      case "value":
        return this.atValue(chunk, index);
      case "first-key":
        return this.atFirstKey(chunk, index);
      case "first-key-text":
        return this.inFirstKey(chunk, index);
      case "member-key":
        return this.atMemberKey(chunk, index);
      case "member-key-text":
        return this.inMemberKey(chunk, index);
      case "colon":
        return this.atColon(chunk, index);
      case "member-value":
        return this.atMemberValue(chunk, index);
      case "items":
        return this.atItems(chunk, index);
      case "skip":
        return this.continueSkip(chunk, index);
      case "skip-scalar":
        return this.continueScalar(chunk, index);
      case "skip-line":
        return this.continueLine(chunk, index);
    }
  }

  private atValue(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte) || (this.format === null && isByteOrderMark(byte))) return index + 1;
    if (byte === OPEN_BRACE) {
      this.pending.begin(index);
      this.step = "first-key";
      return index + 1;
    }
    // Between top-level values a comma is taken as a separator: records pasted from inside an array.
    if (byte === COMMA) return index + 1;
    if (this.inTopLevelArray && byte === CLOSE_BRACKET) {
      this.inTopLevelArray = false;
      return index + 1;
    }
    if (!this.inTopLevelArray && byte === OPEN_BRACKET) {
      this.format ??= "json-array";
      this.inTopLevelArray = true;
      return index + 1;
    }
    if (!this.stray()) return index;
    if (this.oneRecordPerLine && !this.inTopLevelArray) {
      this.step = "skip-line";
      return index;
    }
    return this.startSkip(chunk, index, "value");
  }

  private atFirstKey(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte)) return index + 1;
    if (byte === QUOTE) {
      this.key = "";
      this.step = "first-key-text";
      return index + 1;
    }
    if (byte === CLOSE_BRACE) return this.startItemInside(index, false, false);
    return this.strayObject(index);
  }

  private inFirstKey(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (byte === QUOTE) {
      const items = ITEMS_UNDER_KEY.get(this.key);
      if (items === undefined) return this.startItemInside(index + 1, false, false);
      this.format ??= this.key === "Records" ? "trail-file" : "lookup-events";
      this.pending.drop();
      this.wrapperItems = items;
      this.step = "colon";
      return index + 1;
    }
    const longer = this.key + String.fromCharCode(byte);
    if (longer === ERROR_KEY_PREFIX) return this.startItemInside(index + 1, true, true);
    if (!PEEKED_PREFIXES.has(longer)) return this.startItemInside(index, true, false);
    this.key = longer;
    return index + 1;
  }

  private atMemberKey(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte) || byte === COMMA) return index + 1;
    if (byte === QUOTE) {
      this.key = "";
      this.step = "member-key-text";
      return index + 1;
    }
    if (byte === CLOSE_BRACE) {
      this.step = "value";
      return index + 1;
    }
    return this.stray() ? this.startSkip(chunk, index, "member-key") : index;
  }

  private inMemberKey(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (byte === QUOTE) {
      this.wrapperItems = ITEMS_UNDER_KEY.get(this.key) ?? null;
      this.step = "colon";
      return index + 1;
    }
    const longer = this.key + String.fromCharCode(byte);
    if (PEEKED_PREFIXES.has(longer)) {
      this.key = longer;
      return index + 1;
    }
    this.wrapperItems = null;
    beginScan(this.scan, 0, true);
    this.skipReturn = "colon";
    this.step = "skip";
    return index;
  }

  private atColon(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte)) return index + 1;
    if (byte === COLON) {
      this.step = "member-value";
      return index + 1;
    }
    return this.stray() ? this.startSkip(chunk, index, "member-key") : index;
  }

  private atMemberValue(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte)) return index + 1;
    if (this.wrapperItems === null) return this.startSkip(chunk, index, "member-key");
    if (byte === OPEN_BRACKET) {
      this.itemKind = this.wrapperItems;
      this.step = "items";
      return index + 1;
    }
    return this.stray() ? this.startSkip(chunk, index, "member-key") : index;
  }

  private atItems(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    if (isWhitespace(byte) || byte === COMMA) return index + 1;
    if (byte === OPEN_BRACE) {
      this.pending.begin(index);
      this.itemReturn = "items";
      beginScan(this.scan, 0, false);
      this.step = "item";
      return index;
    }
    if (byte === CLOSE_BRACKET) {
      this.step = "member-key";
      return index + 1;
    }
    return this.stray() ? this.startSkip(chunk, index, "items") : index;
  }

  /** Goes on with a top-level object (or a top-level array's element) found to be a record. */
  private startItemInside(index: number, inString: boolean, mentionsErr: boolean): number {
    this.format ??= "json-lines";
    this.itemKind = "record";
    this.itemReturn = "value";
    beginScan(this.scan, 1, inString);
    this.scan.mentionsErr = mentionsErr;
    this.step = "item";
    return index;
  }

  private continueItem(chunk: Buffer, index: number): number {
    const lineEnd = this.lineEnd(chunk, index);
    const end = scanToValueEnd(chunk, index, lineEnd, this.scan);
    if (end >= 0) return this.emitItem(chunk, end + 1);
    if (lineEnd === chunk.length) return lineEnd;
    this.pending.drop();
    this.step = "value";
    return this.stray() ? lineEnd + 1 : lineEnd;
  }

  /** Where the current item must end: the chunk's end, or in JSON Lines the end of the line. */
  private lineEnd(chunk: Buffer, index: number): number {
    if (!this.oneRecordPerLine || this.itemReturn !== "value" || this.inTopLevelArray) return chunk.length;
    if (this.nextNewline < index) {
      const found = chunk.indexOf(NEWLINE, index);
      this.nextNewline = found < 0 ? chunk.length : found;
    }
    return this.nextNewline;
  }

  private emitItem(chunk: Buffer, end: number): number {
    const found = this.found;
    this.pending.complete(chunk, end, found);
    found.kind = this.itemKind;
    found.mentionsErr = this.scan.mentionsErr;
    this.step = this.itemReturn;
    if (found.end - found.start > this.maxItemBytes) return this.fail(recordTooLarge(this.maxItemBytes), end);
    if (this.itemsSeen === 0 && this.format === "json-lines")
      this.oneRecordPerLine = !found.bytes.subarray(found.start, found.end).includes(NEWLINE);
    this.itemsSeen++;
    if (!this.sink.item(found)) this.stopped = true;
    return end;
  }

  /** Skips a top-level object whose first key is not a string: it is not JSON. */
  private strayObject(index: number): number {
    this.pending.drop();
    if (!this.stray()) return index;
    if (this.oneRecordPerLine && !this.inTopLevelArray) {
      this.step = "skip-line";
      return index;
    }
    beginScan(this.scan, 1, false);
    this.skipReturn = "value";
    this.step = "skip";
    return index;
  }

  private stray(): boolean {
    this.itemsSeen++;
    if (!this.sink.stray()) this.stopped = true;
    return !this.stopped;
  }

  private startSkip(chunk: Buffer, index: number, then: Step): number {
    const byte = chunk[index]!;
    this.skipReturn = then;
    if (byte === QUOTE || byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      beginScan(this.scan, 0, false);
      this.step = "skip";
      return index;
    }
    this.step = "skip-scalar";
    return index + 1;
  }

  private continueSkip(chunk: Buffer, index: number): number {
    const end = scanToValueEnd(chunk, index, chunk.length, this.scan);
    if (end < 0) return chunk.length;
    this.step = this.skipReturn;
    return end + 1;
  }

  private continueScalar(chunk: Buffer, index: number): number {
    const byte = chunk[index]!;
    const endsScalar =
      isWhitespace(byte) ||
      byte === COMMA ||
      byte === CLOSE_BRACKET ||
      byte === CLOSE_BRACE ||
      byte === QUOTE ||
      byte === OPEN_BRACE ||
      byte === OPEN_BRACKET;
    if (!endsScalar) return index + 1;
    this.step = this.skipReturn;
    return index;
  }

  private continueLine(chunk: Buffer, index: number): number {
    const newline = chunk.indexOf(NEWLINE, index);
    if (newline < 0) return chunk.length;
    this.step = "value";
    return newline + 1;
  }

  private fail(failure: TrailFailure, index: number): number {
    this.failure = failure;
    this.stopped = true;
    this.pending.drop();
    return index;
  }
}

/** A UTF-8 byte order mark (EF BB BF), which some editors put before the first value. */
function isByteOrderMark(byte: number): boolean {
  return byte === 0xef || byte === 0xbb || byte === 0xbf;
}
