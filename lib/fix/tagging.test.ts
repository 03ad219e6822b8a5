import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from the aws-load-balancer-controller and EKS blueprints threads the testers pasted.
const LISTENER =
  "Failed deploy model due to AccessDenied: User: arn:<aws-load-balancer-controller-sa> is not authorized to perform: " +
  "elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:<REGION>:<ACCOUNT>:listener/app/<LISTENER> " +
  "because no identity-based policy allows the elasticloadbalancing:AddTags action";
const TARGET_GROUP =
  "AccessDenied: User: arn:aws:sts::xxxxxxxxx:assumed-role/aws-load-balancer-controller-dev/kiam-kiam is not authorized " +
  "to perform: elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:us-east-1:xxxxxxx:targetgroup/" +
  "xxxxx-xxxxxxxxx/xxxxxxxxx because no identity-based policy allows the elasticloadbalancing:AddTags action";

describe("tagging actions scope to the one resource they tag", () => {
  it.each([
    ["a listener", LISTENER, "listener/app/<LISTENER>"],
    ["a target group", TARGET_GROUP, "targetgroup/xxxxx-xxxxxxxxx/xxxxxxxxx"],
  ])("names only %s, never every load balancer", async (_, text, tagged) => {
    const [finding] = await findingsOf(text);
    const resources = [finding?.fix.statement?.Resource].flat();
    expect(resources).toHaveLength(1);
    expect(String(resources[0])).toContain(tagged);
    expect(finding?.fix.notes.join(" ")).not.toContain("also requires");
  });
});
