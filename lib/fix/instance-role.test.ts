import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from kubernetes-sigs/external-dns#1684: the pod's IRSA role was not in effect (no pod-identity webhook).
const NODE_ROLE =
  'time="2020-07-24T06:41:05Z" level=error msg="AccessDenied: User: arn:aws:sts:XXXXXXXXXassumed-role/' +
  "eks-cluster-XXXXXXX-NodeInstanceRole-XXXXXXXX/i-XXXXXXXXXX is not authorized to perform: route53:ListHostedZones\\n" +
  '\\tstatus code: 403, request id: XXXXX-XXXXX-XXXXX-XXXXXX"';

describe("a node's instance role as caller", () => {
  it("names the node role and says a pod's own role may not be in effect, with the checks that tell", async () => {
    const [finding] = await findingsOf(NODE_ROLE);
    expect(finding?.fix.title).toContain("eks-cluster-XXXXXXX-NodeInstanceRole-XXXXXXXX");
    const notes = finding?.fix.notes.join(" ") ?? "";
    expect(notes).toContain("may not be in effect");
    expect(notes).toContain("eks.amazonaws.com/role-arn");
  });
});
