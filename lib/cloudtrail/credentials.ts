import "server-only";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { LookupStatus } from "../wire";

export type CredentialStatus = LookupStatus["credentials"];

const CHECK_TIMEOUT_MS = 5_000;
const CACHE_MS = 30_000;

let cached: { status: CredentialStatus; at: number } | null = null;

/**
 * Whether the SDK's default credential chain finds credentials, without calling AWS. Only the
 * answer leaves this function, never a key; it is cached briefly because the chain can be slow.
 */
export async function credentialStatus(): Promise<CredentialStatus> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.status;
  const client = new CloudTrailClient({ region: "us-east-1" });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("credential check timed out")), CHECK_TIMEOUT_MS);
  });
  let status: CredentialStatus;
  try {
    await Promise.race([client.config.credentials(), timeout]);
    status = "available";
  } catch {
    status = "missing";
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
  cached = { status, at: Date.now() };
  return status;
}
