import { parseRoleTarget } from "@/lib/lookup";
// By its path: the configuration's index also holds the YAML file reader, which the browser has no use for.
import { accountOfFinding } from "@/lib/portal/config/access";
import type { Finding, PortalAccountView } from "@/lib/wire";
import { lookupLinkFor } from "./lookup-link";

/** A lookup a pasted error points at: a role (when the error names one) in one of the user's accounts. */
export interface AccountOffer {
  label: string;
  href: string;
}

type Denial = Pick<Finding, "principal" | "resource" | "account" | "region">;

function offerFor(denial: Denial, accounts: readonly PortalAccountView[]): AccountOffer | null {
  const account = accountOfFinding(denial, accounts);
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
