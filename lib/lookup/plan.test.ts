import { describe, expect, it } from "vitest";
import { planLookup } from "./plan";
import type { RoleTarget } from "./role";

const target: RoleTarget = {
  partition: "aws",
  account: "123456789012",
  roleName: "orders-api-role",
  roleArn: "arn:aws:iam::123456789012:role/orders-api-role",
  sessionName: null,
};

describe("planLookup", () => {
  it("narrows by the function's session name and adds the global Region once", () => {
    const plan = planLookup({
      target,
      functionName: "orders-api",
      regions: ["eu-west-1", "eu-west-1"],
      globalRegion: "us-east-1",
      eventSource: null,
    });
    expect(plan.scans).toEqual([
      { region: "eu-west-1", attribute: { key: "Username", value: "orders-api" } },
      { region: "us-east-1", attribute: { key: "Username", value: "orders-api" } },
    ]);
    expect(plan.notes.join(" ")).toMatch(/us-east-1.*IAM and STS/);
    expect(plan.notes.join(" ")).toContain("awslambda_*");
  });

  it("uses the session of an assumed-role ARN when no function name is given", () => {
    const plan = planLookup({
      target: { ...target, sessionName: "orders-api" },
      functionName: null,
      regions: ["us-east-1"],
      globalRegion: "us-east-1",
      eventSource: null,
    });
    expect(plan.scans).toEqual([{ region: "us-east-1", attribute: { key: "Username", value: "orders-api" } }]);
  });

  it("falls back to the event source, then to a plain time scan", () => {
    expect(
      planLookup({
        target,
        functionName: null,
        regions: ["us-east-1"],
        globalRegion: null,
        eventSource: "kms.amazonaws.com",
      }).scans[0]?.attribute,
    ).toEqual({ key: "EventSource", value: "kms.amazonaws.com" });
    const scan = planLookup({
      target,
      functionName: null,
      regions: ["us-east-1"],
      globalRegion: null,
      eventSource: null,
    });
    expect(scan.scans[0]?.attribute).toBeNull();
    expect(scan.notes.join(" ")).toContain("give a function name to narrow");
  });
});
