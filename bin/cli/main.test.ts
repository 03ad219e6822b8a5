import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { batchAnswerSchema, diagnosisSchema } from "../../lib/wire";
import { main } from "./main";
import { MAX_BATCH_LINE_BYTES } from "./read-lines";

async function run(argv: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  const code = await main(argv, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

const DENIAL = "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied";

describe("whydenied diagnose", () => {
  it("prints readable text by default and JSON with --json", async () => {
    const text = await run(["diagnose"], DENIAL);
    expect(text.code).toBe(0);
    expect(text.out).toContain("1 denial found");
    const json = await run(["diagnose", "--json", "-"], DENIAL);
    expect(diagnosisSchema.parse(JSON.parse(json.out)).findings[0]).toMatchObject({
      action: "s3:ListBucket",
      operation: "ListObjectsV2",
    });
  });

  it("says certainty as the page does: AWS's stated layer without a percentage, its runner-up with one", async () => {
    const stated =
      "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: secretsmanager:GetSecretValue " +
      "on resource: arn:aws:secretsmanager:us-east-1:444455556666:secret:s-AbCdEf " +
      "because no resource-based policy allows the secretsmanager:GetSecretValue action";
    const { out } = await run(["diagnose"], stated);
    expect(out).toContain("#1 Resource policy (Stated by AWS)");
    expect(out).toContain("Execution role (identity policy) (Best guess · 15%):");
    expect((await run(["diagnose"], DENIAL)).out).toContain("(Best guess · 43%)");
  });

  it("prints the top candidate's statement and where it goes, and every candidate's with --all", async () => {
    const stated =
      "User: arn:aws:iam::123456789012:user/cloud_user is not authorized to perform: s3:GetObject " +
      "on resource: arn:aws:s3:::reports/a.csv because no identity-based policy allows the s3:GetObject action";
    const { out } = await run(["diagnose"], stated);
    expect(out).toContain("(iam user)");
    expect(out).toContain("Where: inline policy");
    expect(out).toContain('"Action": "s3:GetObject"');
    expect(out).toContain("aws iam put-user-policy --user-name cloud_user");
    const everyFix = await run(["diagnose", "--all"], DENIAL);
    const fixes = everyFix.out.split("\n").filter((line) => line.startsWith("   Fix: "));
    const { findings } = diagnosisSchema.parse(JSON.parse((await run(["diagnose", "--json"], DENIAL)).out));
    expect(fixes).toHaveLength(findings[0]?.candidates.length ?? 0);
    expect(fixes.length).toBeGreaterThan(1);
  });

  it("answers every batch line in order, including bad ones", async () => {
    const lines = [
      JSON.stringify({ id: "a", text: DENIAL }),
      "not json",
      JSON.stringify({ id: "c", text: "hello" }),
    ].join("\n");
    const { code, out } = await run(["diagnose", "--batch"], lines);
    expect(code).toBe(0);
    const answers = out
      .trim()
      .split("\n")
      .map((line) => batchAnswerSchema.parse(JSON.parse(line)));
    expect(answers.map((answer) => answer.id)).toEqual(["a", null, "c"]);
    const [first, second, third] = answers;
    expect(first && "findings" in first ? first.findings : null).toHaveLength(1);
    expect(second && "error" in second ? second.error.code : null).toBe("request.malformed-json");
    expect(third && "findings" in third ? third.findings : null).toEqual([]);
  });

  it("rejects a missing command, unknown options and empty input", async () => {
    const bare = await run([], "");
    expect(bare.code).toBe(2);
    expect(bare.err).toContain("Usage: whydenied diagnose");
    expect((await run(["--help"], "")).code).toBe(0);
    expect((await run(["diagnose", "--nope"], "")).code).toBe(2);
    const empty = await run(["diagnose"], "   ");
    expect(empty.code).toBe(1);
    expect(empty.err).toContain("input.empty");
  });

  it("answers a batch line over the limit with input.too-large and goes on", async () => {
    const tooLong = "x".repeat(MAX_BATCH_LINE_BYTES + 1);
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk) => (out += chunk));
    const input = Readable.from([
      Buffer.from(tooLong),
      Buffer.from(`\n${JSON.stringify({ id: "b", text: DENIAL })}\n`),
    ]);
    expect(await main(["diagnose", "--batch"], { stdin: input, stdout, stderr: new PassThrough() })).toBe(0);
    const answers = out
      .trim()
      .split("\n")
      .map((line) => batchAnswerSchema.parse(JSON.parse(line)));
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatchObject({ id: null, line: 1, error: { code: "input.too-large" } });
    expect(answers[1]).toMatchObject({ id: "b", findings: [{ action: "s3:ListBucket" }] });
  });
});
