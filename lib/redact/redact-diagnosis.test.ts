import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { createRedactor } from "./index";
import { reading } from "./test-support";

const ROOT = join(import.meta.dirname, "..", "..");

function jsonLines(path: string): unknown[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}

function textOf(entry: unknown): { name: string; text: string } {
  const { id, name, text } = entry as { id?: string; name?: string; text: string };
  return { name: id ?? name ?? text.slice(0, 60), text };
}

const parseCases = (JSON.parse(readFileSync(join(ROOT, "lib/parse/cases/messages.json"), "utf8")) as unknown[]).map(
  textOf,
);
const trailRecords = jsonLines(join(ROOT, "lib/parse/cases/cloudtrail-records.jsonl")).map((record, index) => ({
  name: `cloudtrail-records.jsonl:${index + 1}`,
  text: JSON.stringify(record),
}));
const evalDir = join(ROOT, "eval/cases");
const evalCases = readdirSync(evalDir)
  .filter((file) => file.endsWith(".jsonl"))
  .flatMap((file) => jsonLines(join(evalDir, file)).map(textOf));

describe("a redacted text diagnoses the same as the original", () => {
  it.each([...parseCases, ...trailRecords, ...evalCases].map((entry) => [entry.name, entry.text]))(
    "%s",
    async (_name, text) => {
      const redacted = createRedactor().redactText(text);
      const [original, masked] = await Promise.all([diagnose(text), diagnose(redacted)]);
      expect(masked.ok).toBe(original.ok);
      if (!original.ok || !masked.ok) return;
      expect(reading(masked.value)).toEqual(reading(original.value));
      for (const account of text.match(/(?<!\d)\d{12}(?!\d)/g) ?? [])
        expect(redacted).not.toMatch(new RegExp(`(?<!\\d)${account}(?!\\d)`));
    },
  );
});
