import "server-only";
import type { AccountScope } from "../../cloudtrail";
import { fail, ok, type Result } from "../../result";
import type { LookupRequest } from "../../wire";
import type { RequestContext } from "./context";
import { roleSessions } from "./role-sessions";

export type LookupAccountErrorCode = "portal.account-required" | "portal.account-forbidden";

/**
 * The account a lookup reads in portal mode: the request's `account`, which must be one the user may use; its
 * role is assumed on their behalf once the lookup has passed its own checks. Null in single mode and for the demo
 * data, which need no account.
 */
export function lookupAccount(
  context: RequestContext,
  request: Pick<LookupRequest, "account" | "source">,
): Result<AccountScope | null, LookupAccountErrorCode> {
  if (context.mode === "single" || request.source === "demo") return ok(null);
  if (request.account === null)
    return fail(
      "portal.account-required",
      "Choose one of your accounts: the portal reads CloudTrail in a configured account, through its role.",
    );
  const account = context.accounts.find((candidate) => candidate.accountId === request.account);
  if (!account)
    return fail(
      "portal.account-forbidden",
      `Account ${request.account} is not one of the accounts you may use. Ask the portal's administrators to add ` +
        "one of your groups to it.",
    );
  const { user } = context.identity;
  return ok({ accountId: account.accountId, credentials: () => roleSessions().credentialsFor(account, user) });
}
