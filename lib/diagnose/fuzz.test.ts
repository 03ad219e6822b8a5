import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogFrom } from "../iam";
import { parseDenials } from "../parse";
import { fuzzRuns } from "../testing/fuzz";
import { withinBudget } from "../testing/time-budget";
import { diagnoseText } from "./pipeline";

const FRAGMENTS = [
  "is not authorized to perform",
  "User: ",
  "arn:aws:sts::123456789012:assumed-role/r/",
  " on resource: ",
  '"',
  '\\"',
  "<Code>AccessDenied</Code>",
  "│ ",
  "Access Denied",
  " because no identity-based policy allows the ",
  " with an explicit deny in a ",
  "An error occurred (AccessDenied) when calling the ",
  "<script>alert(1)</script>",
  "\n",
  "s3:GetObject",
  "{",
  "Encoded authorization failure message: ",
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((parts) => parts.join(""));
const emptyCatalog = catalogFrom([]);
/** Per adversarial input: the slowest (full denials) takes about 0.3 s on a loaded 2-core machine. */
const INPUT_BUDGET_MS = 2_000;

function assertWellFormed(text: string): void {
  const parsed = parseDenials(text);
  for (const record of parsed.records) expect(typeof record.excerpt).toBe("string");
  const diagnosis = diagnoseText(text, emptyCatalog);
  if (diagnosis.ok) {
    for (const finding of diagnosis.value.findings) expect(finding.candidates.length).toBeGreaterThan(0);
  }
}

describe("diagnosis robustness", () => {
  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => assertWellFormed(text)),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("never throws on random unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => assertWellFormed(text)),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("never throws on fragments of real messages", () => {
    fc.assert(
      fc.property(fragmentText, (text) => assertWellFormed(text)),
      { numRuns: fuzzRuns(300) },
    );
  });

  // Adversarial inputs at the 256 KiB limit: linear parsing takes tens of milliseconds, a super-linear regex minutes.
  it.each([
    ["repeated anchors", "is not authorized to perform "],
    ["repeated principals", "User: arn:aws:iam::1:user/x "],
    ["one long line of ARN characters", "arn:aws:s3:::"],
    ["XML codes", "<Code>AccessDenied</Code>"],
    ["quotes", '"'],
    ["capitalised words", "AccessDeniedExceptionX"],
    ["backslash runs in a JSON-escaped line", "\\n" + "\\".repeat(64)],
    [
      "full denials",
      "User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: s3:GetObject on resource: " +
        "arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action\n",
    ],
  ])("handles 256 KiB of %s", (_name, unit) => {
    const text = unit.repeat(Math.floor((256 * 1024) / unit.length));
    const result = withinBudget(INPUT_BUDGET_MS, () => diagnoseText(text, emptyCatalog));
    expect(result.ok).toBe(true);
  });

  it("keeps pasted HTML as plain data in excerpts", () => {
    const hostile =
      "<img src=x onerror=alert(1)> User: arn:aws:iam::123456789012:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k";
    const [record] = parseDenials(hostile).records;
    expect(hostile).toContain(record?.excerpt ?? "missing");
  });
});
