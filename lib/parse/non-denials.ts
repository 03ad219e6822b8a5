import type { NonDenial } from "../model";

/** Errors people paste thinking they are permission problems, with what they really mean. */
const NON_DENIALS: { code: string; pattern: RegExp; explanation: string }[] = [
  {
    code: "Throttling",
    pattern:
      /\b(?:ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded|SlowDown|Rate exceeded)\b/,
    explanation: "The request was throttled, not denied: retry with backoff or ask for a higher quota.",
  },
  {
    code: "ExpiredToken",
    pattern: /\b(?:ExpiredToken(?:Exception)?|RequestExpired|The security token included in the request is expired)\b/,
    explanation:
      "The credentials expired: refresh them (aws sso login, or re-assume the role). No policy needs changing.",
  },
  {
    code: "InvalidToken",
    pattern: new RegExp(
      `\\b(?:${[
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidSignatureException",
        "The security token included in the request is invalid",
      ].join("|")})\\b`,
    ),
    explanation:
      "AWS did not recognise the credentials (wrong keys, wrong partition or a deleted role). Fix the credentials, not a policy.",
  },
  {
    code: "NotFound",
    pattern:
      /\b(?:NoSuchKey|NoSuchBucket|ResourceNotFoundException|KMS\.NotFoundException|NotFoundException|ParameterNotFound|NoSuchEntity)\b/,
    explanation:
      "The resource does not exist (or is in another Region or account). Check the name and Region; permissions are not the problem.",
  },
  {
    code: "KMS.DisabledException",
    pattern: /\b(?:DisabledException|KMSInvalidStateException|KMS\.KMSInvalidStateException)\b/,
    explanation: "The KMS key is disabled or pending deletion: re-enable it. Its key policy is not the problem.",
  },
];

/** Names the non-permission errors in a piece of text, at most one entry per code. */
export function findNonDenials(text: string): NonDenial[] {
  const found: NonDenial[] = [];
  for (const { code, pattern, explanation } of NON_DENIALS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = text.lastIndexOf("\n", match.index) + 1;
    const end = text.indexOf("\n", match.index);
    const line = text.slice(start, end === -1 ? undefined : end).trim();
    found.push({ code, explanation, excerpt: line.length > 300 ? `${line.slice(0, 300)}…` : line });
  }
  return found;
}
