import { anchorSet, includesAny, type AnchorSet } from "./anchors";
import type { NonDenial } from "../model";
import { REQUEST_NON_DENIALS } from "./request-non-denials";

export interface NonDenialPattern {
  code: string;
  pattern: RegExp;
  /** Literal text the pattern needs (one of), when it has such: most texts are ruled out with indexOf before the regex runs. */
  anchors?: AnchorSet;
  /**
   * For a case-insensitive pattern: lower-case text it needs (one of), looked for in the lower-cased text. Sound
   * because an ASCII letter of a non-unicode `/i` pattern matches only an ASCII letter, which lower-cases one to one.
   */
  foldedAnchors?: AnchorSet;
  explanation: string;
  /** Set when the message reads like a denial (AccessDenied code, "not authorized") but no policy edit fixes it. */
  overridesDenial?: true;
  /** Text that means the match is quoted inside a real denial (Lambda's stale KMS grant quotes the invalid token). */
  unless?: RegExp;
}

const INVALID_TOKEN_NAMES = [
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "InvalidSignatureException",
  "The security token included in the request is invalid",
];

/** Hosts of S3-compatible stores that SDKs for S3 are pointed at, whose 403 no AWS policy decides. */
const NON_AWS_S3_HOSTS = [
  "r2.cloudflarestorage.com",
  "digitaloceanspaces.com",
  "wasabisys.com",
  "backblazeb2.com",
  "linodeobjects.com",
  "storage.googleapis.com",
];

/** Errors people paste thinking they are permission problems, with what they really mean and what to do next. */
const NON_DENIALS: NonDenialPattern[] = [
  {
    code: "Throttling",
    pattern:
      /\b(?:ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded|SlowDown|Rate exceeded)\b/,
    anchors: anchorSet("Throttling", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "Rate exceeded"),
    explanation: "The request was throttled, not denied: retry with backoff or ask for a higher quota.",
  },
  {
    code: "ExpiredToken",
    pattern: /\b(?:ExpiredToken(?:Exception)?|RequestExpired|The security token included in the request is expired)\b/,
    anchors: anchorSet("ExpiredToken", "RequestExpired", "The security token included in the request is expired"),
    explanation:
      "The credentials expired: refresh them (aws sso login, or re-assume the role). No policy needs changing.",
  },
  {
    code: "InvalidToken",
    pattern: new RegExp(`\\b(?:${INVALID_TOKEN_NAMES.join("|")})\\b`),
    anchors: anchorSet(...INVALID_TOKEN_NAMES),
    explanation:
      "AWS did not recognise the credentials (wrong keys, wrong partition or a deleted role). Fix the credentials, not a policy.",
  },
  {
    code: "NotFound",
    pattern:
      /\b(?:NoSuchKey|NoSuchBucket|ResourceNotFoundException|KMS\.NotFoundException|NotFoundException|ParameterNotFound|NoSuchEntity)\b/,
    anchors: anchorSet("NoSuchKey", "NoSuchBucket", "NotFoundException", "ParameterNotFound", "NoSuchEntity"),
    explanation:
      "The resource does not exist (or is in another Region or account). Check the name and Region; permissions are not the problem.",
  },
  {
    code: "BedrockModelAccess",
    pattern: /You don't have access to the model with the specified model ID|Access to the model is denied/,
    anchors: anchorSet(
      "You don't have access to the model with the specified model ID",
      "Access to the model is denied",
    ),
    explanation:
      "The model is not enabled for this account in this Region (an account setting, not a policy): enable " +
      "it under Bedrock → Model access in the Region you call, or use its inference-profile ID.",
    overridesDenial: true,
  },
  {
    code: "BillingAccessNotActivated",
    pattern: new RegExp(
      "IAM user access (?:to billing information )?(?:is )?not activated" +
        "|Cost allocation tags are managed at the payer account level|not enabled for cost explorer",
      "i",
    ),
    foldedAnchors: anchorSet("not activated", "cost allocation tags are managed", "not enabled for cost explorer"),
    explanation:
      "Billing data is off for IAM users, or lives in the payer account (an account setting): the root user turns on " +
      '"IAM user and role access to Billing information" in Account settings, or run it from the management account.',
    overridesDenial: true,
  },
  {
    code: "SignatureProblem",
    pattern:
      /There were headers present in the request which were not signed|The request signature we calculated does not match|Invalid SigV4 credentials/,
    anchors: anchorSet(
      "There were headers present in the request",
      "The request signature we calculated",
      "Invalid SigV4 credentials",
    ),
    explanation:
      "The request was signed wrongly (headers left out of the signature, a wrong secret key or " +
      "a clock skew): fix the signing client or its credentials. No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "InvalidCredentials",
    pattern:
      /The security token included in the request is invalid|The AWS Access Key Id you provided does not exist in our records/,
    anchors: anchorSet("The security token included in the request is invalid", "The AWS Access Key Id you provided"),
    explanation:
      "AWS did not recognise the credentials (an unknown access key id, a token for another partition or a deleted " +
      "user or role): check which credentials the client loaded (aws sts get-caller-identity) and replace them.",
    overridesDenial: true,
    unless: /KMS Exception: UnrecognizedClientException/,
  },
  {
    code: "ExpiredToken",
    pattern: /The security token included in the request is expired/,
    anchors: anchorSet("The security token included in the request is expired"),
    explanation:
      "The credentials expired, whatever code the service put on it (some answer AccessDeniedException): refresh " +
      "them (aws sso login, or re-assume the role), and make a long-running client refresh its own. No policy needs changing.",
    overridesDenial: true,
    unless: /is not authorized to perform/,
  },
  // Before the API Gateway entry: the Lambda API answers an unsigned Invoke with the same words.
  {
    code: "UnsignedRequest",
    pattern: /\/2015-03-31\/functions\/[^\s"']{1,200}\/invocations[\s\S]{0,400}Missing ?Authentication ?Token/,
    anchors: anchorSet("/2015-03-31/functions/"),
    explanation:
      "The Lambda Invoke request went out unsigned: the client found no AWS credentials (no profile, environment " +
      "variables or role in its environment). Give it credentials (aws sts get-caller-identity shows what it finds). " +
      "No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "MissingAuthenticationToken",
    pattern: /Missing ?Authentication ?Token/,
    anchors: anchorSet("Missing Authentication Token", "MissingAuthenticationToken"),
    explanation:
      "API Gateway answers this when no route matches the URL (a typo, a missing stage such as /prod, a method or " +
      "resource not deployed) or when a route with IAM authorization is called unsigned: check the URL against the " +
      "stage's routes (aws apigateway get-resources) and redeploy, or sign the request with SigV4. No policy needs changing.",
    overridesDenial: true,
    unless: /\/2015-03-31\/functions\//,
  },
  // Kinesis Video's media calls (GetMedia, PutMedia) go to the endpoint GetDataEndpoint returns, not the service's.
  {
    code: "WrongEndpoint",
    pattern: /Unable to determine service\/operation name to be authorized/,
    anchors: anchorSet("Unable to determine service/operation name to be authorized"),
    explanation:
      "The endpoint the request went to has no such operation, so nothing was authorized: a data-plane call sent to " +
      "the control-plane endpoint (Kinesis Video's GetMedia and PutMedia need the URL GetDataEndpoint returns), or a " +
      "path or method the service does not know. Point the client at the right endpoint. No policy needs changing.",
    overridesDenial: true,
  },
  {
    code: "IdentityPoolGuestAccess",
    pattern: /Unauthenticated access is not supported for this identity pool/,
    anchors: anchorSet("Unauthenticated access is not supported for this identity pool"),
    explanation:
      "The Cognito identity pool took the call for a guest's and its guest access is off: send the sign-in token in " +
      "the Logins map of GetId and GetCredentialsForIdentity (a current one), or turn on unauthenticated identities " +
      "if guests are meant to get credentials. A setting of the pool, not an IAM policy.",
    overridesDenial: true,
  },
  {
    code: "ManagementAccountContext",
    pattern: /The management account can only be managed using the standalone context/,
    anchors: anchorSet("The management account can only be managed using the standalone context"),
    explanation:
      "The Account Management call named the management account's own AccountId: call it from the management account " +
      "without --account-id (the standalone context). The shape of the request, not a permission.",
    overridesDenial: true,
  },
  {
    code: "SecurityHubNotEnabled",
    pattern: /is not subscribed to AWS Security Hub/,
    anchors: anchorSet("is not subscribed to AWS Security Hub"),
    explanation:
      "Security Hub is not enabled in this account and Region: enable it (aws securityhub enable-security-hub) in the " +
      "Region you call, or call the Region where it is on. No policy is missing.",
    overridesDenial: true,
  },
  {
    code: "NotDelegatedAdministrator",
    pattern: /is not an administrator for this organization/,
    anchors: anchorSet("is not an administrator for this organization"),
    explanation:
      "The call is the organization's administrator's: make it from the delegated administrator account (or the " +
      "management account, which designates one with enable-organization-admin-account). A role, not a policy, to change.",
    overridesDenial: true,
  },
  {
    code: "CdkNotBootstrapped",
    pattern: /SSM parameter \/cdk-bootstrap\/[\w-]{1,40}\/version not found|Has the environment been bootstrapped\?/,
    anchors: anchorSet("/cdk-bootstrap/", "Has the environment been bootstrapped?"),
    explanation:
      "CDK's bootstrap stack (CDKToolkit) is missing in this account and Region, or was made with another qualifier: " +
      "run `cdk bootstrap aws://<ACCOUNT_ID>/<REGION>` (with the same --qualifier), then deploy again. Its roles " +
      "(cdk-…-deploy-role-…) exist only after that, so CDK's failure to assume them goes away too.",
    overridesDenial: true,
  },
  {
    code: "AllAccessDisabled",
    pattern: /\bAllAccessDisabled\b|All access to this object has been disabled/,
    anchors: anchorSet("AllAccessDisabled", "All access to this object has been disabled"),
    explanation:
      "AWS itself has turned off all access to this bucket or object (a suspended account, an abuse report, a bucket " +
      "AWS holds): no policy grants it back, not even the owner's. Use another bucket or ask AWS Support why it was disabled.",
    overridesDenial: true,
  },
  {
    code: "NotAwsEndpoint",
    pattern: new RegExp(`\\.(?:${NON_AWS_S3_HOSTS.map((host) => host.replaceAll(".", "\\.")).join("|")})\\b`),
    anchors: anchorSet(...NON_AWS_S3_HOSTS),
    explanation:
      "The request went to an S3-compatible store that is not AWS (Cloudflare R2, DigitalOcean Spaces, Wasabi, " +
      "Backblaze B2, Linode, Google Cloud Storage): its own access keys and token permissions decide, no AWS policy " +
      "applies. Check the key's permissions on that provider's side for the bucket.",
    overridesDenial: true,
  },
  {
    code: "SecurityFinding",
    // GuardDuty's finding JSON, and Security Hub's copy of it, name the API call they report as awsApiCallAction.
    pattern: /"[aA]wsApiCallAction"\s?:/,
    anchors: anchorSet('"awsApiCallAction"', '"AwsApiCallAction"'),
    explanation:
      "This is a GuardDuty security finding: the AccessDenied in it is the call GuardDuty reports as suspicious, not " +
      "a denial to fix. Investigate the finding (who made the call, from where, with which credentials) and, if it " +
      "was not you, rotate or disable those credentials. Do not add a permission for it.",
    overridesDenial: true,
  },
  {
    code: "KMSKeyUnusable",
    pattern:
      /\bis (?:disabled|pending deletion)\b.{0,80}\bKMS|\bKMS key .{0,120}\bis (?:disabled|pending deletion)|KMS key is disabled/,
    anchors: anchorSet("disabled", "pending deletion"),
    explanation:
      "The KMS key is disabled or scheduled for deletion: re-enable it (aws kms enable-key) or " +
      "cancel the deletion (aws kms cancel-key-deletion). Its key policy is not the problem.",
    overridesDenial: true,
  },
  {
    code: "KMS.DisabledException",
    pattern: /\b(?:DisabledException|KMSInvalidStateException|KMS\.KMSInvalidStateException)\b/,
    anchors: anchorSet("DisabledException", "KMSInvalidStateException"),
    explanation: "The KMS key is disabled or pending deletion: re-enable it. Its key policy is not the problem.",
  },
  ...REQUEST_NON_DENIALS,
];

/** Names the non-permission errors in a piece of text, at most one entry per code. */
export function findNonDenials(text: string): NonDenial[] {
  return findAmong(NON_DENIALS, text);
}

const OVERRIDING = NON_DENIALS.filter((entry) => entry.overridesDenial);

/**
 * The non-denials that a denial-looking excerpt really is (Bedrock model access, billing settings, bad
 * signatures): the record they come from is dropped in their favour.
 */
export function nonDenialsOverriding(excerpt: string): NonDenial[] {
  return findAmong(OVERRIDING, excerpt);
}

function findAmong(entries: NonDenialPattern[], text: string): NonDenial[] {
  const found: NonDenial[] = [];
  let folded: string | null = null;
  for (const { code, pattern, anchors, foldedAnchors, explanation, unless } of entries) {
    if (anchors && !includesAny(text, anchors)) continue;
    if (foldedAnchors && !includesAny((folded ??= text.toLowerCase()), foldedAnchors)) continue;
    const match = pattern.exec(text);
    if (!match || unless?.test(text)) continue;
    const start = text.lastIndexOf("\n", match.index) + 1;
    const end = text.indexOf("\n", match.index);
    const line = text.slice(start, end === -1 ? undefined : end).trim();
    found.push({ code, explanation, excerpt: line.length > 300 ? `${line.slice(0, 300)}…` : line });
  }
  return found;
}
