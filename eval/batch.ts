import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { apiErrorSchema, findingSchema, nonDenialSchema } from "../lib/wire";

const batchAnswerSchema = z.object({
  id: z.string(),
  findings: z.array(findingSchema),
  nonDenials: z.array(nonDenialSchema).default([]),
  error: apiErrorSchema.optional(),
});

export type BatchAnswer = z.infer<typeof batchAnswerSchema>;

const CLI = join(import.meta.dirname, "..", "bin", "whydenied.mjs");

/** Diagnoses every text through `whydenied diagnose --batch`, the way a user's script would. */
export function diagnoseBatch(inputs: { id: string; text: string }[]): Map<string, BatchAnswer> {
  const folder = mkdtempSync(join(tmpdir(), "whydenied-eval-"));
  try {
    const file = join(folder, "cases.jsonl");
    writeFileSync(file, inputs.map((input) => JSON.stringify(input)).join("\n") + "\n");
    const output = execFileSync(process.execPath, [CLI, "diagnose", "--batch", file], {
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
    });
    const answers = new Map<string, BatchAnswer>();
    for (const line of output.split("\n")) {
      if (!line) continue;
      const answer = batchAnswerSchema.parse(JSON.parse(line));
      answers.set(answer.id, answer);
    }
    return answers;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
