import "server-only";
import { randomUUID } from "node:crypto";
import { recordAssumeRole, type AuditEntry } from "../../history";
import { fail, type Result } from "../../result";
import { processStore } from "../../store/process";
import type { PortalAccount } from "../config";
import { stsSessionName, type AssumeRoleErrorCode, type SessionCredentials } from "../credentials";
import { roleSessions } from "./role-sessions";

/**
 * The account role's session credentials for a user, with the use written to the audit log first (who, which
 * account's role, when, for what, and whether STS granted it). The server never acts in an account unaudited: when
 * the log cannot be written, the credentials are withheld.
 */
export async function auditedCredentials(
  account: PortalAccount,
  user: string,
  purpose: AuditEntry["purpose"],
): Promise<Result<SessionCredentials, AssumeRoleErrorCode>> {
  const credentials = await roleSessions().credentialsFor(account, user);
  const store = await processStore();
  const recorded = store.ok
    ? await recordAssumeRole(store.value.history, {
        id: randomUUID(),
        at: new Date(),
        user,
        accountId: account.accountId,
        roleArn: account.roleArn,
        sessionName: stsSessionName(user),
        purpose,
        outcome: credentials.ok ? "ok" : "refused",
      })
    : store;
  if (recorded.ok) return credentials;
  console.error(`[audit] ${recorded.error.message}`);
  return fail(
    "credentials.unavailable",
    `The audit log cannot be written just now, so the role of ${account.name} was not used. Try again shortly.`,
  );
}
