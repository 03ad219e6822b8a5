import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cloudTrailRecordSchema } from "../parse";
import { fuzzRuns, withinInputBudget } from "../testing/fuzz";
import { chunkSizes, trailUpload } from "../testing/trail-inputs";
import { chunked, readAll } from "./test-support";
import type { TrailErrorCode } from "./types";

const TYPED_ERRORS: TrailErrorCode[] = [
  "trail.unrecognized",
  "trail.record-too-large",
  "trail.truncated",
  "upload.inflated-too-large",
  "upload.time-limit",
];

const LARGE_INPUT_BYTES = 64 * 1024;
const NETWORK_CHUNK_BYTES = 16 * 1024;

describe("readTrail, fuzzed", () => {
  it("ends every upload in a result or a typed error, within the per-input budget", async () => {
    await fc.assert(
      fc.asyncProperty(trailUpload, chunkSizes, async (bytes, sizes) => {
        // Tiny chunks split every token of small inputs; a large one arrives as a network would deliver it.
        const arrival =
          bytes.length > LARGE_INPUT_BYTES ? sizes.map((size) => Math.max(size, NETWORK_CHUNK_BYTES)) : sizes;
        const reading = await withinInputBudget(() =>
          readAll(chunked(bytes, arrival), { maxInflatedBytes: 16 * 1024 * 1024 }),
        );
        if (!reading.result.ok) expect(TYPED_ERRORS).toContain(reading.result.error.code);
        for (const record of reading.records) expect(cloudTrailRecordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: fuzzRuns(120) },
    );
  });
});
