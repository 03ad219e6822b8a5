import type { LookupStreamEvent } from "@/lib/lookup/events";

/** Turns NDJSON text that arrives in pieces into events, holding back a line cut between pieces. */
export class NdjsonReader {
  private pending = "";

  /** The events completed by this piece of text. */
  push(text: string): LookupStreamEvent[] {
    this.pending += text;
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    return lines.filter((line) => line.trim()).map((line) => JSON.parse(line) as LookupStreamEvent);
  }
}
