import { streamEventSchema, type LookupStreamEvent } from "@/lib/wire";
import { ApiError } from "./api";

/** Turns NDJSON text that arrives in pieces into events, holding back a line cut between pieces. */
export class NdjsonReader {
  private pending = "";

  /** The events completed by this piece of text, each checked against the stream's wire schema. */
  push(text: string): LookupStreamEvent[] {
    this.pending += text;
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    return lines.filter((line) => line.trim()).map(parseLine);
  }
}

function parseLine(line: string): LookupStreamEvent {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    json = null;
  }
  const event = streamEventSchema.safeParse(json);
  if (!event.success) throw new ApiError("internal.error", "The server sent a line this page cannot read.");
  return event.data;
}
