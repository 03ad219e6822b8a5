import "server-only";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { fail, ok, type Result } from "../../result";
import type { SessionCredentials } from "./cache";

/** Why a role could not be assumed, as values the routes turn into answers. */
export type AssumeRoleErrorCode =
  "credentials.refused" | "credentials.invalid-request" | "credentials.no-portal-identity" | "credentials.unavailable";

/** One AssumeRole call, as the portal makes it. */
export interface AssumeRoleRequest {
  roleArn: string;
  externalId?: string;
  roleSessionName: string;
  sourceIdentity: string;
  durationSeconds: number;
}

/** Assumes a role; injected so the session cache is tested without STS. */
export type RoleAssumer = (request: AssumeRoleRequest) => Promise<Result<SessionCredentials, AssumeRoleErrorCode>>;

const REFUSED = new Set(["AccessDenied", "AccessDeniedException", "RegionDisabledException"]);
const INVALID = new Set(["ValidationError", "MalformedPolicyDocument", "PackedPolicyTooLarge"]);
/** The portal's own identity is missing or not accepted: nothing about the account's role is known yet. */
const NO_IDENTITY = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "UnrecognizedClientException",
]);

/** What STS (or the SDK before it) threw, as one of the typed codes, naming the role and what to check. */
export function assumeRoleFailure(
  error: unknown,
  roleArn: string,
): { ok: false; error: { code: AssumeRoleErrorCode; message: string } } {
  const name = error instanceof Error ? error.name : "Error";
  const said = error instanceof Error ? error.message : String(error);
  if (REFUSED.has(name))
    return fail(
      "credentials.refused",
      `STS refused to let the portal assume ${roleArn} (${name}: ${said}). Check the role's trust policy: the portal's ` +
        "principal, the sts:ExternalId condition, and sts:SetSourceIdentity.",
    );
  if (INVALID.has(name))
    return fail("credentials.invalid-request", `STS refused the AssumeRole request for ${roleArn}: ${said}`);
  if (NO_IDENTITY.has(name))
    return fail(
      "credentials.no-portal-identity",
      `The portal's own AWS credentials are missing or not accepted (${name}: ${said}).`,
    );
  return fail("credentials.unavailable", `STS could not be reached to assume ${roleArn}: ${said}`);
}

interface StsOptions {
  /** The STS Region (its regional endpoint); the role is global either way. */
  region: string;
  /** Another STS endpoint (the local one, a VPC endpoint); default AWS's. */
  endpoint?: string;
  /** Tests against the local endpoint pass dummy keys; the server leaves this out and uses the default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * A RoleAssumer over `@aws-sdk/client-sts`, the portal's own identity coming from the SDK's default credential
 * chain. Each answer becomes our type at once; each failure one of AssumeRoleErrorCode.
 */
export function stsRoleAssumer(options: StsOptions): RoleAssumer {
  const client = new STSClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
  });
  return async (request) => {
    try {
      const answer = await client.send(
        new AssumeRoleCommand({
          RoleArn: request.roleArn,
          ExternalId: request.externalId,
          RoleSessionName: request.roleSessionName,
          SourceIdentity: request.sourceIdentity,
          DurationSeconds: request.durationSeconds,
        }),
      );
      const credentials = answer.Credentials;
      if (
        !credentials?.AccessKeyId ||
        !credentials.SecretAccessKey ||
        !credentials.SessionToken ||
        !credentials.Expiration
      )
        return fail("credentials.unavailable", `STS answered AssumeRole for ${request.roleArn} without credentials.`);
      return ok({
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiresAt: credentials.Expiration.getTime(),
      });
    } catch (error) {
      return assumeRoleFailure(error, request.roleArn);
    }
  };
}
