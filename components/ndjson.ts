import { streamEventSchema, type LookupStreamEvent } from "@/lib/wire";

/** Turns NDJSON text that arrives in pieces into events, holding back a line cut between pieces. */
export class NdjsonReader {
  private pending = "";

  /** The events completed by this piece of text, each checked against the stream's wire schema. */
  push(text: string): LookupStreamEvent[] {
    this.pending += text;
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    return lines.filter((line) => line.trim()).map((line) => streamEventSchema.parse(JSON.parse(line)));
  }
}
