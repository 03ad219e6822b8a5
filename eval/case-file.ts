import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { layerSchema, policyTypeSchema } from "../lib/wire";

const callerSchema = z.enum([
  "lambda",
  "assumed-role",
  "sso-role",
  "iam-user",
  "root",
  "federated",
  "service",
  "anonymous",
  "cross-account",
  "unknown",
]);

const denialExpectSchema = z.object({
  denial: z.literal(true),
  /** The layer that fixed it; `not-a-policy` for a denial an account setting lifts (Bedrock model access). */
  layer: z.union([layerSchema, z.literal("not-a-policy")]),
  /** Where the layer comes from: the thread's fix, an AWS doc, the message itself, or nowhere (`unknown`). */
  fixedBy: z.enum(["thread", "doc", "stated", "none"]),
  statedPolicyType: policyTypeSchema.nullable(),
  action: z.string().nullable(),
  caller: callerSchema.optional(),
});

const nonDenialExpectSchema = z.object({
  denial: z.literal(false),
  layer: z.literal("not-a-policy"),
  fixedBy: z.enum(["thread", "doc", "stated", "none"]).optional(),
  cause: z.string(),
});

/** One line of `eval/cases/*.jsonl`: a real message, where it came from, and what fixed it. */
const evalCaseSchema = z.object({
  id: z.string().min(1),
  source: z.url(),
  text: z.string().min(1),
  expect: z.discriminatedUnion("denial", [denialExpectSchema, nonDenialExpectSchema]),
  note: z.string().optional(),
});

export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Reads every case file in `folder`; a malformed line stops the run naming its file and line. */
export function readCases(folder: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(folder, file), "utf8").split("\n");
    lines.forEach((line, index) => {
      if (!line.trim()) return;
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${file}:${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
      }
      cases.push(parsed.data);
    });
  }
  const ids = new Set<string>();
  for (const { id } of cases) {
    if (ids.has(id)) throw new Error(`Case id ${id} appears twice.`);
    ids.add(id);
  }
  return cases;
}
