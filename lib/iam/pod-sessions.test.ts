import { describe, expect, it } from "vitest";
import { describePrincipal } from "./arn";
import { callerOf, isInstanceSession } from "./caller";

// Principals from kubernetes-sigs/external-dns#5773, #1684 and aws-load-balancer-controller#3086.
const RECORDS = "arn:aws:route53:::hostedzone/XXXXYYYYZZZ";

describe("sessions of Kubernetes pods and nodes", () => {
  it("reads an EKS pod's web-identity session (a UUID in its name) as the role's, not a Lambda function's", () => {
    const principal = "arn:aws:sts::123456789012:assumed-role/external-dns-role/external-d-49df7ce5-60ec-4942-944d";
    expect(callerOf({ principal, resource: RECORDS })).toEqual({
      kind: "assumed-role",
      name: "external-dns-role",
      account: "123456789012",
    });
  });

  it("reads a session ARN whose redaction swallowed the account's colons, and sees the node's instance session", () => {
    const info = describePrincipal(
      "arn:aws:sts:XXXXXXXXXassumed-role/eks-cluster-XXXXXXX-NodeInstanceRole-XXXXXXXX/i-XXXXXXXXXX",
    );
    expect(info).toMatchObject({
      kind: "assumed-role",
      account: null,
      name: "eks-cluster-XXXXXXX-NodeInstanceRole-XXXXXXXX",
      sessionName: "i-XXXXXXXXXX",
    });
    expect(isInstanceSession(info)).toBe(true);
    expect(isInstanceSession(describePrincipal("arn:aws:sts::123456789012:assumed-role/app/botocore-session-1"))).toBe(
      false,
    );
  });

  it("takes a name cut inside a redaction token ({redacted) for no name", () => {
    const principal = "arn:aws:sts::{redacted}:assumed-role/{redacted";
    expect(callerOf({ principal, resource: null }).name).toBeNull();
  });
});
