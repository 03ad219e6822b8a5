import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from cert-manager/cert-manager#5780 and peymanmortazavi/eks-helm-deploy#7.
const SELF_ASSUME =
  "unable to assume role: AccessDenied: User: arn:aws:sts::012345679012:assumed-role/" +
  "eksctl-example-eks-demo1-addon-iamserviceaccoun-Role1-Q3CU3WQ83UKE/1675610660182694283 is not authorized to perform: " +
  "sts:AssumeRole on resource: arn:aws:iam::012345679012:role/eksctl-example-eks-demo1-addon-iamserviceaccoun-Role1-Q3CU3WQ83UKE";
const HIDDEN_CALLER_ACCOUNT =
  "An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::***:user/app-user is not " +
  "authorized to perform: sts:AssumeRole on resource: arn:aws:iam::118196747825:role/blackbox-eks-admin";

describe("trust-policy fixes and who the caller is", () => {
  it("says a role asked to assume itself is already in effect, and to drop it from the tool's configuration first", async () => {
    const [finding] = await findingsOf(SELF_ASSUME);
    expect(finding?.layer).toBe("trust-policy");
    expect(finding?.fix.title).toContain("from itself");
    expect(finding?.fix.notes[0]).toContain("Remove the role from that configuration first");
  });

  it("keeps a hidden caller account a placeholder instead of the role's account", async () => {
    const [finding] = await findingsOf(HIDDEN_CALLER_ACCOUNT);
    expect(finding?.fix.statement?.Principal).toEqual({ AWS: "arn:aws:iam::<ACCOUNT_ID>:user/app-user" });
    expect(finding?.fix.notes.join(" ")).toContain("the caller's own policy needs sts:AssumeRole");
  });
});
