import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const assumeRole = (caller: string, role: string) =>
  `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role}`;
const SAME_ACCOUNT = assumeRole("arn:aws:iam::123456789012:user/dev", "arn:aws:iam::123456789012:role/deploy");
const CROSS_ACCOUNT = assumeRole("arn:aws:iam::111122223333:user/dev", "arn:aws:iam::444455556666:role/deploy");

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys(parseDenials(SAME_ACCOUNT).records));
});

function trustNotes(text: string): string[] {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  const trust = finding?.candidates.find((candidate) => candidate.layer === "trust-policy");
  if (!trust) throw new Error("no trust-policy candidate");
  return trust.fix.notes;
}

describe("trust-policy fix: does the caller's own policy need sts:AssumeRole too?", () => {
  it("in one account, a trust statement naming the caller's ARN is enough on its own", () => {
    const notes = trustNotes(SAME_ACCOUNT).join("\n");
    expect(notes).toContain("is enough on its own");
    expect(notes).not.toContain("also needs sts:AssumeRole");
  });

  it("across accounts, both sides must allow it", () => {
    expect(trustNotes(CROSS_ACCOUNT).join("\n")).toContain(
      "Across accounts both sides must allow it: the caller arn:aws:iam::111122223333:user/dev also needs sts:AssumeRole",
    );
  });
});

describe("trust-policy fix for an AWS service", () => {
  it("names the service as a Service principal, with no caller policy to change and no other account", () => {
    const text =
      "lambda.amazonaws.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/fn-role";
    const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
    expect(finding?.candidates.map((candidate) => candidate.layer)).toEqual(["trust-policy", "propagation-delay"]);
    expect(finding?.fix.statement?.Principal).toEqual({ Service: "lambda.amazonaws.com" });
    expect(finding?.fix.owner).toBe("you");
    expect(finding?.fix.notes.join(" ")).not.toContain("sts:AssumeRole on the role too");
  });
});

describe("sts:AssumeRole on something that is not a role", () => {
  it("says to pass the role's ARN instead of editing any policy", () => {
    const text =
      "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: " +
      "arn:aws:iam::123456789012:user/dev";
    const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
    expect(finding?.layer).toBe("unknown");
    expect(finding?.fix.title).toContain("Pass the role's ARN");
    expect(finding?.fix.statement).toBeNull();
  });
});

describe("trust-policy fix for session tags", () => {
  it("allows sts:TagSession beside sts:AssumeRole, and says how to stop tagging", async () => {
    const text =
      "User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: sts:TagSession " +
      "on resource: arn:aws:iam::444455556666:role/invalidator";
    const local = await loadCatalog(actionKeys(parseDenials(text).records));
    const fix = diagnoseParsed(parseDenials(text), local).findings[0]?.fix;
    expect(fix?.layer).toBe("trust-policy");
    expect(fix?.statement?.Action).toEqual(["sts:AssumeRole", "sts:TagSession"]);
    expect(fix?.notes.join(" ")).toContain("role-skip-session-tagging: true");
    expect(fix?.notes.join(" ")).toContain("also needs sts:AssumeRole and sts:TagSession");
  });
});
