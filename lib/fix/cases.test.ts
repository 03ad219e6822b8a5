import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { actionKeys } from "../diagnose";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { denialRecordOf } from "../testing/denial-record";
import { fixSchema, layerSchema } from "../wire";
import rows from "./cases/fixes.json";
import { fixFor } from "./index";

const caseSchema = z.object({
  name: z.string(),
  layer: layerSchema,
  record: z.unknown(),
  expect: fixSchema.pick({ owner: true, statement: true, target: true, cli: true, placeholders: true }),
});

const cases = z
  .array(caseSchema)
  .parse(rows)
  .map((row) => ({ ...row, denial: denialRecordOf(row.record) }));
let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys(cases.map((row) => row.denial)));
});

describe("fix case table", () => {
  it.each(cases)("$name", ({ layer, denial, expect: expected }) => {
    const fix = fixFor(layer, denial, catalog);
    expect(fix.layer).toBe(layer);
    expect({
      owner: fix.owner,
      statement: fix.statement,
      target: fix.target,
      cli: fix.cli,
      placeholders: fix.placeholders,
    }).toEqual(expected);
  });

  it("has a fix for every layer", () => {
    const covered = new Set(cases.map((row) => row.layer));
    expect([...layerSchema.options].filter((layer) => !covered.has(layer))).toEqual([]);
  });
});
