import "server-only";
import type { LookupErrorCode } from "../lookup";
import { fail, type AppError } from "../result";

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RateExceeded",
  "SlowDown",
]);
const EXPIRED = new Set(["ExpiredTokenException", "ExpiredToken", "RequestExpired", "TokenRefreshRequired"]);
const INVALID = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignatureException",
]);
const DENIED = new Set([
  "AccessDeniedException",
  "AccessDenied",
  "UnauthorizedOperation",
  "OperationNotPermittedException",
]);
const NETWORK = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "TimeoutError",
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Turns whatever the SDK threw into one of our codes, with a message in our own words: neither
 * the SDK's message (which can quote request details) nor anything about the credentials leaves.
 * Returns null for an abort, which the caller treats as a cancelled lookup.
 */
export function lookupErrorOf(error: unknown, region: string): AppError<LookupErrorCode> | null {
  const shape = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const name = shape.name ?? "";
  const status = shape.$metadata?.httpStatusCode;
  if (name === "AbortError") return null;
  if (name === "CredentialsProviderError") {
    return /expired/i.test(shape.message ?? "")
      ? expired()
      : code(
          "lookup.no-credentials",
          "whydenied found no AWS credentials. Configure them as for the AWS CLI (environment variables, aws configure, " +
            "aws sso login, or a container or instance role) and try again, or use the demo data.",
        );
  }
  if (EXPIRED.has(name)) return expired();
  if (THROTTLING.has(name) || status === 429)
    return code("lookup.throttled", `CloudTrail in ${region} is throttling requests.`);
  if (DENIED.has(name))
    return code(
      "lookup.denied",
      "The credentials whydenied runs with may not call cloudtrail:LookupEvents. Attach the policy below to that identity, then try again.",
    );
  if (INVALID.has(name))
    return code(
      "lookup.invalid-credentials",
      `AWS did not accept the credentials in ${region}. If ${region} is an opt-in Region, enable it for the account; otherwise check the access key.`,
    );
  // The SDK's deserializer throws a plain SyntaxError for a body cut off or garbled on the way (a proxy's HTML page too).
  if (name === "SyntaxError")
    return code(
      "lookup.unavailable",
      `CloudTrail in ${region} sent an answer that could not be read${status ? ` (HTTP ${status})` : ""}.`,
    );
  if ((status !== undefined && status >= 500) || NETWORK.has(name) || NETWORK.has(shape.code ?? "")) {
    return code("lookup.unavailable", `CloudTrail in ${region} did not answer${status ? ` (HTTP ${status})` : ""}.`);
  }
  if (status !== undefined && status >= 400)
    return code("lookup.bad-request", `CloudTrail in ${region} refused the request (${name || `HTTP ${status}`}).`);
  return code("lookup.unavailable", `Could not reach CloudTrail in ${region}.`);
}

function expired(): AppError<LookupErrorCode> {
  return code(
    "lookup.expired-credentials",
    "The AWS credentials whydenied runs with have expired. Refresh them (aws sso login, or assume the role again) and retry.",
  );
}

function code(errorCode: LookupErrorCode, message: string): AppError<LookupErrorCode> {
  return fail(errorCode, message).error;
}
