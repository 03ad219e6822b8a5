import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import type { Finding } from "../wire";
import { compareFindings } from "./compare";

async function findingOf(text: string): Promise<Finding> {
  const diagnosis = await diagnose(text);
  if (!diagnosis.ok || !diagnosis.value.findings[0]) throw new Error("expected a finding");
  return diagnosis.value.findings[0];
}

const IDENTITY =
  "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket on resource: " +
  "arn:aws:s3:::logs because no identity-based policy allows the s3:ListBucket action";

describe("compareFindings", () => {
  it("finds nothing changed when the engine gives the same findings", async () => {
    const finding = await findingOf(IDENTITY);
    expect(compareFindings([finding], [structuredClone(finding)])).toEqual({
      changed: [],
      unchanged: 1,
      added: 0,
      removed: 0,
    });
  });

  it("says which finding changed and how, and counts findings added and removed", async () => {
    const saved = await findingOf(IDENTITY);
    const current: Finding = {
      ...saved,
      layer: "resource-policy",
      certainty: { basis: "inferred", label: "Likely · 70%" },
      fix: { ...saved.fix, cli: "aws s3api put-bucket-policy --bucket logs" },
    };
    expect(compareFindings([saved, saved], [current])).toEqual({
      changed: [
        {
          index: 0,
          subject: "s3:ListBucket on arn:aws:s3:::logs",
          changes: [
            "Layer: Execution role (identity policy) → Resource policy",
            "Certainty: Stated by AWS → Likely · 70%",
            "The CLI command changed",
          ],
        },
      ],
      unchanged: 0,
      added: 0,
      removed: 1,
    });
    expect(compareFindings([null], [saved])).toMatchObject({ added: 1, removed: 0 });
  });
});
