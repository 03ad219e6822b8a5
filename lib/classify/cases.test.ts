import { describe, expect, it } from "vitest";
import { z } from "zod";
import { denialRecordOf } from "../testing/denial-record";
import { layerSchema } from "../wire";
import rows from "./cases/layers.json";
import { classify } from "./index";

const caseSchema = z.object({
  name: z.string(),
  record: z.unknown(),
  expect: z.object({
    /** Every candidate, most likely first. */
    layers: z.array(layerSchema),
    /** The candidates AWS's message named: at most the first. */
    stated: z.array(layerSchema),
    /** The first line of evidence. */
    evidence: z.string(),
    /** The commands that confirm the top candidate. */
    checks: z.array(z.string()),
  }),
});

const cases = z.array(caseSchema).parse(rows);

describe("classify case table", () => {
  it.each(cases)("$name", ({ record, expect: expected }) => {
    const { candidates, evidence } = classify(denialRecordOf(record));
    expect(candidates.map((candidate) => candidate.layer)).toEqual(expected.layers);
    expect(candidates.filter((candidate) => candidate.basis === "stated").map((candidate) => candidate.layer)).toEqual(
      expected.stated,
    );
    expect(evidence[0]).toBe(expected.evidence);
    expect(candidates[0].checks.map((check) => check.command)).toEqual(expected.checks);
    const confidences = candidates.map((candidate) => candidate.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1.0001);
  });

  it("ranks every layer first somewhere", () => {
    const first = new Set(cases.map((row) => row.expect.layers[0]));
    // A propagation delay is never the first suspect: the words are a real denial's, so the policies lead.
    const leaders = layerSchema.options.filter((layer) => layer !== "propagation-delay");
    expect(leaders.filter((layer) => !first.has(layer))).toEqual([]);
  });
});
