import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import type { ActionCatalog } from "../iam";
import { parseDenials } from "../parse";

const CROSS_ACCOUNT_PUSH =
  "User: arn:aws:sts::111122223333:assumed-role/ci/build is not authorized to perform: ecr:PutImage on resource: " +
  "arn:aws:ecr:us-west-2:444455556666:repository/app with an explicit deny in a service control policy";

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys(parseDenials(CROSS_ACCOUNT_PUSH).records));
});

describe("guardrail fix", () => {
  it("looks up the SCPs of the caller's account, which an SCP binds, not the resource's", () => {
    const fix = diagnoseParsed(parseDenials(CROSS_ACCOUNT_PUSH), catalog).findings[0]?.fix;
    expect(fix?.layer).toBe("scp");
    expect(fix?.cli).toContain("list-policies-for-target --target-id 111122223333");
    expect(fix?.cli).not.toContain("--target-id 444455556666");
  });
});
