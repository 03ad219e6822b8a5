import type { Finding } from "../../wire";
import { EVERY_SIGNED_IN_USER, type PortalAccount, type PortalConfig } from "./schema";

/** The accounts a signed-in user may see and use: those naming one of their groups, or "*". */
export function accountsVisibleTo(config: PortalConfig, groups: readonly string[]): PortalAccount[] {
  const member = new Set(groups);
  return config.accounts.filter((account) =>
    account.groups.some((group) => group === EVERY_SIGNED_IN_USER || member.has(group)),
  );
}

/** Whether a signed-in user is one of the configured admins (a member of a group in `admins`), who may export the audit log. */
export function isPortalAdmin(config: PortalConfig, groups: readonly string[]): boolean {
  // "*" is no wildcard here: a user is an admin only through a group the proxy says they are in.
  return config.admins.some((group) => group !== EVERY_SIGNED_IN_USER && groups.includes(group));
}

/** The account field of an ARN (`arn:partition:service:region:account:…`), when it holds one. */
function accountIdOfArn(arn: string): string | null {
  const parts = arn.split(":");
  const accountId = parts[0] === "arn" && parts.length >= 6 ? parts[4] : undefined;
  return accountId && /^\d{12}$/.test(accountId) ? accountId : null;
}

/**
 * The configured account an ARN from a pasted error names (its principal or resource), among `accounts` (pass
 * the ones the user may see). Null for an ARN without an account (an S3 bucket) or of an account not configured.
 */
export function accountNamedByArn<Account extends Pick<PortalAccount, "accountId">>(
  accounts: readonly Account[],
  arn: string | null,
): Account | null {
  const accountId = arn ? accountIdOfArn(arn) : null;
  return accountId ? (accounts.find((account) => account.accountId === accountId) ?? null) : null;
}

/**
 * The configured account a finding belongs to: its principal's, else its resource's, else the account it names.
 * `accounts` are the server's configured ones or the browser's view of them (`GET /api/portal`).
 */
export function accountOfFinding<Account extends Pick<PortalAccount, "accountId">>(
  finding: Pick<Finding, "principal" | "resource" | "account">,
  accounts: readonly Account[],
): Account | null {
  return (
    accountNamedByArn(accounts, finding.principal) ??
    accountNamedByArn(accounts, finding.resource) ??
    accounts.find((account) => account.accountId === finding.account) ??
    null
  );
}
