import type { DenialRecord, FixDraft } from "../model";
import { parseArn } from "../iam";
import type { Subject } from "../iam";
import { prepare } from "./prepared";
import { trustPolicyForms } from "./trust-forms";

/** The identity provider a federated caller's token comes from, and the claims the trust policy must match. */
interface Provider {
  /** The IAM identity provider's name: the part of its ARN after `oidc-provider/` or `saml-provider/`. */
  name: string;
  kind: "oidc-provider" | "saml-provider";
  describe: string;
  condition: Record<string, Record<string, string>>;
  /** Providers AWS knows by name (Google, Cognito…) are trusted by that name, not by an IAM provider's ARN. */
  builtIn?: boolean;
}

/** The web identity providers a trust policy names as they are, with no IAM identity provider behind them. */
const BUILT_IN_PROVIDERS = new Set([
  "accounts.google.com",
  "graph.facebook.com",
  "www.amazon.com",
  "cognito-identity.amazonaws.com",
]);

const GITHUB_ISSUER = "token.actions.githubusercontent.com";
const GITHUB_HINTS = /token\.actions\.githubusercontent\.com|configure-aws-credentials|assume role with OIDC|GitHub/i;
const EKS_ISSUER = /oidc\.eks\.[a-z0-9-]{1,30}\.amazonaws\.com\/id\/[0-9A-Za-z]{1,64}/;
const SERVICE_ACCOUNT_SUBJECT = "system:serviceaccount:";
const EKS_HINTS = /serviceaccount|IRSA|\beks\b|kubernetes|karpeter|external-dns|crossplane/i;

/** The ARN prefix of an IAM OIDC provider: what follows it is the provider's name (CloudTrail may give either). */
const PROVIDER_ARN = /^arn:[\w-]+:iam::\d{12}:oidc-provider\//;
/** Issuers whose tokens carry the audience STS asks for: GitHub Actions and EKS service accounts. */
const STS_AUDIENCE_ISSUER =
  /^(?:token\.actions\.githubusercontent\.com|oidc\.eks\.[a-z0-9-]{1,30}\.amazonaws\.com\/id\/\w{1,64})$/;

/**
 * The provider a CloudTrail record names (`userIdentity.identityProvider`), with the exact subject its token carried:
 * the statement trusts that subject only.
 */
function recordedProvider(record: DenialRecord): Provider | null {
  const issuer = record.requestValues?.IdentityProvider?.replace(PROVIDER_ARN, "");
  if (!issuer) return null;
  const subject = record.requestValues?.WebIdentitySubject;
  return {
    name: issuer,
    kind: "oidc-provider",
    builtIn: BUILT_IN_PROVIDERS.has(issuer),
    describe: issuer === GITHUB_ISSUER ? "GitHub Actions" : `the identity provider ${issuer}`,
    condition: {
      StringEquals: { [`${issuer}:aud`]: STS_AUDIENCE_ISSUER.test(issuer) ? "sts.amazonaws.com" : "<AUDIENCE>" },
      ...(subject ? { StringLike: { [`${issuer}:sub`]: subject } } : {}),
    },
  };
}

/**
 * Which provider the text points to: GitHub Actions, an EKS cluster's (IRSA), or one it does not name. A subject a
 * record gave without its provider (`system:serviceaccount:…` is a Kubernetes service account's) is kept as it is.
 */
function oidcProviderOf(text: string, region: string, tokenSubject: string | undefined): Provider {
  if (GITHUB_HINTS.test(text))
    return {
      name: GITHUB_ISSUER,
      kind: "oidc-provider",
      describe: "GitHub Actions",
      condition: {
        StringEquals: { [`${GITHUB_ISSUER}:aud`]: "sts.amazonaws.com" },
        StringLike: { [`${GITHUB_ISSUER}:sub`]: "repo:<GITHUB_OWNER>/<GITHUB_REPO>:*" },
      },
    };
  const eks = EKS_ISSUER.exec(text);
  if (eks || EKS_HINTS.test(text) || tokenSubject?.startsWith(SERVICE_ACCOUNT_SUBJECT)) {
    const name = eks ? eks[0] : `oidc.eks.${region}.amazonaws.com/id/<EKS_OIDC_ID>`;
    return {
      name,
      kind: "oidc-provider",
      describe: "the EKS cluster's service account (IRSA)",
      condition: {
        StringEquals: {
          [`${name}:aud`]: "sts.amazonaws.com",
          [`${name}:sub`]: tokenSubject ?? `${SERVICE_ACCOUNT_SUBJECT}<NAMESPACE>:<SERVICE_ACCOUNT>`,
        },
      },
    };
  }
  return {
    name: "<OIDC_PROVIDER>",
    kind: "oidc-provider",
    describe: "the web identity provider",
    condition: {
      StringEquals: { "<OIDC_PROVIDER>:aud": "<AUDIENCE>" },
      StringLike: { "<OIDC_PROVIDER>:sub": tokenSubject ?? "<SUBJECT>" },
    },
  };
}

const SAML_PROVIDER: Provider = {
  name: "<SAML_PROVIDER>",
  kind: "saml-provider",
  describe: "the SAML identity provider",
  condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
};

/**
 * The trust-policy fix for AssumeRoleWithWebIdentity and AssumeRoleWithSAML: a statement trusting the identity
 * provider (a Federated principal, not an AWS one) with the claims the token must carry, added to the role's trust
 * policy. A mismatched `sub` or `aud` condition is the usual cause, so the notes say how to read the token's.
 */
export function federatedTrustFix(record: DenialRecord, subject: Subject): FixDraft {
  const saml = record.action?.toLowerCase() === "sts:assumerolewithsaml";
  const provider = saml
    ? SAML_PROVIDER
    : (recordedProvider(record) ??
      oidcProviderOf(record.excerpt, subject.region, record.requestValues?.WebIdentitySubject));
  const roleArn = subject.resourceArn?.includes(":role/") ? parseArn(subject.resourceArn) : null;
  const roleName = roleArn?.resource.split("/").pop() ?? "<ROLE_NAME>";
  const action = saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
  const statement = {
    Sid: saml ? "TrustSamlProvider" : "TrustWebIdentityProvider",
    Effect: "Allow",
    Principal: {
      Federated: provider.builtIn
        ? provider.name
        : `arn:${subject.partition}:iam::${subject.account}:${provider.kind}/${provider.name}`,
    },
    Action: action,
    Condition: provider.condition,
  };
  const rendered = prepare(statement);
  const notes = [
    "A trust policy is replaced whole on update: add the statement to the ones already there.",
    `The caller is a token from ${provider.describe}, not an IAM identity: no policy of the caller's can allow this, ` +
      "only the role's trust policy. Most often its Federated principal names another provider, or its conditions " +
      "do not match the token's claims (a sub of another repository, branch, namespace or service account).",
    saml
      ? "Check the SAML assertion's Role attribute: it must name both this role's ARN and the provider's ARN."
      : provider.builtIn
        ? `${provider.name} needs no IAM identity provider: check that the aud condition is your app's client id.`
        : `Check that the identity provider exists in this account: aws iam list-open-id-connect-providers (its URL must be ${provider.name}).`,
  ];
  return {
    layer: "trust-policy",
    title: `Let ${provider.describe} assume role ${roleName}`,
    owner: "you",
    statement,
    additionalStatements: [],
    target: `trust policy of role ${roleName}`,
    ...trustPolicyForms(
      roleName,
      rendered,
      subject.partition,
      "add to the Statement list in trust.json (or correct the Condition of the statement that is there)",
    ),
    requestText: null,
    notes,
  };
}
