import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const GITHUB = "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity";
const EKS_ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9";
const EKS =
  `Error: service account kube-system/external-dns (issuer https://${EKS_ISSUER}): operation error STS: ` +
  "AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 4a85, api error AccessDenied: " +
  "Not authorized to perform sts:AssumeRoleWithWebIdentity";
const SAML =
  "An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML";

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys(parseDenials(`${GITHUB}\n${SAML}`).records));
});

function finding(text: string) {
  const found = diagnoseParsed(parseDenials(text), catalog).findings[0];
  if (!found) throw new Error("no finding");
  return found;
}

describe("federated AssumeRole: the role's trust policy alone decides", () => {
  it("ranks the trust policy first and never the caller's own policy, which a token does not have", () => {
    const layers = finding(GITHUB).candidates.map((candidate) => candidate.layer);
    expect(layers[0]).toBe("trust-policy");
    expect(layers).not.toContain("execution-role");
  });

  it("trusts GitHub's OIDC provider for the repository, with the action the token calls", () => {
    expect(finding(GITHUB).fix.statement).toEqual({
      Sid: "TrustWebIdentityProvider",
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:<GITHUB_OWNER>/<GITHUB_REPO>:*" },
      },
    });
  });

  it("takes the EKS cluster's issuer from the text for an IRSA service account", () => {
    const { fix } = finding(EKS);
    const issuer = EKS_ISSUER;
    expect(fix.statement?.Principal).toEqual({ Federated: `arn:aws:iam::<ACCOUNT_ID>:oidc-provider/${issuer}` });
    expect(fix.statement?.Condition).toEqual({
      StringEquals: {
        [`${issuer}:aud`]: "sts.amazonaws.com",
        [`${issuer}:sub`]: "system:serviceaccount:<NAMESPACE>:<SERVICE_ACCOUNT>",
      },
    });
  });

  it("trusts the SAML provider for AssumeRoleWithSAML", () => {
    const { fix } = finding(SAML);
    expect(fix.statement).toMatchObject({
      Principal: { Federated: "arn:aws:iam::<ACCOUNT_ID>:saml-provider/<SAML_PROVIDER>" },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    });
    expect(fix.cli).toContain("aws iam update-assume-role-policy --role-name <ROLE_NAME>");
  });
});

describe("federated AssumeRole read from a CloudTrail record", () => {
  const record = (identityProvider: string) =>
    JSON.stringify({
      eventVersion: "1.08",
      userIdentity: { type: "WebIdentityUser", userName: "repo:org/app:ref:refs/heads/main", identityProvider },
      eventTime: "2026-11-30T10:00:00Z",
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRoleWithWebIdentity",
      awsRegion: "us-east-1",
      errorCode: "AccessDenied",
      errorMessage: "An unknown error occurred",
      requestParameters: { roleArn: "arn:aws:iam::123456789012:role/deploy", roleSessionName: "run" },
      eventID: "e1",
      recipientAccountId: "123456789012",
    });

  it("trusts the provider the record names, for the exact subject its token carried", () => {
    const found = finding(record("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"));
    expect(found.fix.statement).toMatchObject({
      Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
      Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/app:ref:refs/heads/main" } },
    });
    expect(found.fix.target).toBe("trust policy of role deploy");
  });

  it("keeps a service account's subject from a record that names no provider, as an EKS (IRSA) trust", () => {
    const excerpt = JSON.stringify({
      userIdentity: { type: "WebIdentityUser", userName: "system:serviceaccount:serverless:aws-sdk" },
      eventName: "AssumeRoleWithWebIdentity",
      errorCode: "AccessDenied",
      requestParameters: { roleArn: "arn:aws:iam::123456789012:role/AccessEC2role", roleSessionName: "s" },
    });
    const found = finding(excerpt);
    expect(found.layer).toBe("trust-policy");
    expect(found.fix.statement?.Condition).toMatchObject({
      StringEquals: {
        "oidc.eks.<REGION>.amazonaws.com/id/<EKS_OIDC_ID>:sub": "system:serviceaccount:serverless:aws-sdk",
      },
    });
  });

  it("names a provider AWS knows by name as it is, with no IAM identity provider", () => {
    expect(finding(record("accounts.google.com")).fix.statement?.Principal).toEqual({
      Federated: "accounts.google.com",
    });
  });
});
