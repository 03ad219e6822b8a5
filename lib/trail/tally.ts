import type { CloudTrailRecord } from "../parse";
import { notCloudTrail } from "./messages";
import { mayHaveError, readItem } from "./read-item";
import type { FoundItem, SplitSink } from "./split-records";
import type { TrailFailure } from "./types";

const START_BYTES = 64;

/**
 * Reads and counts what the splitter finds. Until one item has proved to be a CloudTrail record,
 * every item is parsed, so that other JSON is rejected at once; after that only items that may
 * be denials are, unless `keepSuccesses` asks for the records without an error too.
 */
export class TrailTally implements SplitSink {
  constructor(private readonly keepSuccesses: boolean) {}

  records: CloudTrailRecord[] = [];
  recordsScanned = 0;
  malformed = 0;
  /** True once an item has been read as a CloudTrail record. */
  recognized = false;
  failure: TrailFailure | null = null;
  /** The data's first bytes, to say what it looks like when it is not CloudTrail. */
  start = new Uint8Array(0);

  /** Keeps the first bytes of the data. */
  noteData(chunk: Uint8Array): void {
    if (this.start.length >= START_BYTES) return;
    const start = new Uint8Array(Math.min(START_BYTES, this.start.length + chunk.length));
    start.set(this.start);
    start.set(chunk.subarray(0, start.length - this.start.length), this.start.length);
    this.start = start;
  }

  /** Hands over the records read since the last call. */
  takeRecords(): CloudTrailRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  item(found: FoundItem): boolean {
    this.recordsScanned++;
    if (this.recognized && !this.keepSuccesses && !mayHaveError(found)) return true;
    const reading = readItem(found);
    switch (reading.kind) {
      case "with-error":
        this.records.push(reading.record);
        this.recognized = true;
        return true;
      case "without-error":
        if (this.keepSuccesses) this.records.push(reading.record);
        this.recognized = true;
        return true;
      case "not-json":
        this.malformed++;
        return true;
      case "foreign":
        return this.skipForeign();
    }
  }

  stray(): boolean {
    this.recordsScanned++;
    return this.skipForeign();
  }

  private skipForeign(): boolean {
    if (!this.recognized) {
      this.failure = notCloudTrail(this.start);
      return false;
    }
    this.malformed++;
    return true;
  }
}
