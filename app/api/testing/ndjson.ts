import { streamEventSchema, type LookupStreamEvent } from "@/lib/wire";

/** Reads a whole NDJSON response into events. */
export async function readEvents(response: Response): Promise<LookupStreamEvent[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => streamEventSchema.parse(JSON.parse(line)));
}
