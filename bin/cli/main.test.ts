import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "./main";

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
    expect(JSON.parse(json.out).findings[0]).toMatchObject({ action: "s3:ListBucket", operation: "ListObjectsV2" });
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
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.id)).toEqual(["a", null, "c"]);
    expect(answers[0].findings).toHaveLength(1);
    expect(answers[1].error.code).toBe("request.malformed-json");
    expect(answers[2].findings).toEqual([]);
  });

  it("rejects unknown options and empty input", async () => {
    expect((await run(["diagnose", "--nope"], "")).code).toBe(2);
    const empty = await run(["diagnose"], "   ");
    expect(empty.code).toBe(1);
    expect(empty.err).toContain("input.empty");
  });
});
