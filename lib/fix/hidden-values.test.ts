import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from aws-samples/aws-cdk-examples#914, external-secrets#808 and #2685, aws-load-balancer-controller#3399.
const TEXTS = {
  namedRole:
    "API: iam:GetRole User: arn:aws:sts::1111222233334:assumed-role/cdk-toolkit/AWSCloudFormation is not authorized to " +
    "perform: iam:GetRole on resource: role cdk-hnb659fds-lookup-role-1111222233334-us-east-1 because no identity-based " +
    "policy allows the iam:GetRole action",
  namedSecret:
    '{"message":"User: arn:aws:iam::<xxxxxxxxxx>:user/<iam user name> is not authorized to perform: ' +
    'secretsmanager:GetSecretValue on resource: db-connection"',
  pathSecret:
    "AccessDeniedException: User: arn:aws:sts::AWSACCOUNTID1:assumed-role/EKSSecretsReaderRole/external-secrets-provider-aws " +
    "is not authorized to perform: secretsmanager:GetSecretValue on resource: appsecret/test/new-test because no " +
    "identity-based policy allows the secretsmanager:GetSecretValue action",
  cutArn:
    "Failed deploy model due to AccessDenied:  is not authorized to perform: elasticloadbalancing:AddTags on resource: " +
    "arn:aws:elasticloadbalancing:us-east-1:* because no identity-based policy allows the elasticloadbalancing:AddTags action",
};

async function notesOf(text: string): Promise<string> {
  const [finding] = await findingsOf(text);
  return finding?.fix.notes.join(" ") ?? "";
}

describe("what the message left out, said as it is", () => {
  it.each([
    ["role", TEXTS.namedRole, "<ACCOUNT_ID>"],
    ["Secret", TEXTS.namedSecret, "<REGION> and <ACCOUNT_ID>"],
    ["Secret", TEXTS.pathSecret, "<REGION> and <ACCOUNT_ID>"],
  ])("a message naming the %s only lacks where it is", async (type, text, holes) => {
    const notes = await notesOf(text);
    expect(notes).not.toContain(`does not name the ${type}`);
    expect(notes).toContain(`replace ${holes} with yours`);
  });

  it("warns that a secret named by its name alone resolves in the caller's own account", async () => {
    expect(await notesOf(TEXTS.pathSecret)).toContain("must name its full ARN");
  });

  it("keeps the Region of an ARN cut short after it", async () => {
    const [finding] = await findingsOf(TEXTS.cutArn);
    expect(finding?.fix.statement?.Resource).toBe(
      "arn:aws:elasticloadbalancing:us-east-1:<ACCOUNT_ID>:loadbalancer/<LOAD_BALANCER_NAME>",
    );
  });
});
