import { parseRoleTarget } from "@/lib/lookup";
import type { Finding, PortalAccountView } from "@/lib/wire";
import { lookupLinkFor } from "./lookup-link";

/** A lookup a pasted error points at: a role (when the error names one) in one of the user's accounts. */
export interface AccountOffer {
  label: string;
  href: string;
}

type Denial = Pick<Finding, "principal" | "resource" | "account" | "region">;

/** The account field of an ARN (`arn:partition:service:region:account:…`), when it holds a 12-digit id. */
function accountIdOfArn(arn: string | null): string | null {
  const accountId = arn?.split(":")[4];
  return arn?.startsWith("arn:") && accountId && /^\d{12}$/.test(accountId) ? accountId : null;
}

function offerFor(denial: Denial, accounts: readonly PortalAccountView[]): AccountOffer | null {
  const named = [accountIdOfArn(denial.principal), accountIdOfArn(denial.resource), denial.account];
  const account = named
    .map((accountId) => accounts.find((candidate) => candidate.accountId === accountId))
    .find((candidate) => candidate !== undefined);
  if (!account) return null;
  const role = denial.principal ? parseRoleTarget(denial.principal) : null;
  const roleArn = role?.ok ? denial.principal : null;
  return {
    label: `Look up ${role?.ok ? role.value.roleName : "a role"} in ${account.name}`,
    href: lookupLinkFor({
      account: account.accountId,
      roleArn: roleArn ?? "",
      regions: denial.region ?? account.regions.join(", "),
    }),
  };
}

/**
 * Portal mode: for each denial whose principal, resource or account is one of the user's accounts, the lookup of
 * its role there (a principal that is no role leaves the role to fill in). One offer per distinct lookup, in order.
 */
export function accountOffers(denials: readonly Denial[], accounts: readonly PortalAccountView[]): AccountOffer[] {
  const offers = new Map<string, AccountOffer>();
  for (const denial of denials) {
    const offer = offerFor(denial, accounts);
    if (offer && !offers.has(offer.href)) offers.set(offer.href, offer);
  }
  return [...offers.values()];
}
