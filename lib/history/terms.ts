import { describePrincipal } from "../iam";
import type { HistoryQuery } from "../wire";
import type { RunEntry } from "./entry";

/**
 * A run's search terms, `kind:value` in lower case, kept in one indexed array column so that the role, action and
 * layer filters are one containment test: `role:` the role's ARN and its name, `action:` the action and its service
 * prefix, `layer:` the layer. The filter side (`queryTerms`) spells them the same way.
 */
export function searchTermsOf(entry: Pick<RunEntry, "roles" | "actions" | "layers">): string[] {
  const terms = new Set<string>();
  for (const role of entry.roles) {
    terms.add(`role:${role.toLowerCase()}`);
    const name = nameOfRole(role);
    if (name) terms.add(`role:${name.toLowerCase()}`);
  }
  for (const action of entry.actions) {
    terms.add(`action:${action.toLowerCase()}`);
    const service = action.split(":")[0];
    if (service && service !== action) terms.add(`action:${service.toLowerCase()}`);
  }
  for (const layer of entry.layers) terms.add(`layer:${layer}`);
  return [...terms];
}

/** The name at the end of a role's or user's ARN (`…:role/service/orders-api` → `orders-api`). */
function nameOfRole(arn: string): string | null {
  const info = describePrincipal(arn);
  return info?.name ?? null;
}

/** The role the filter means: an assumed-role session ARN stands for its role; a name or role ARN as given. */
function roleFilterOf(role: string): string {
  const info = describePrincipal(role);
  return (info?.kind === "assumed-role" ? info.policyArn : null) ?? role;
}

/** The terms a query's role, action and layer filters ask for; a run matches when it has every one. */
export function queryTerms(query: Pick<HistoryQuery, "role" | "action" | "layer">): string[] {
  const terms: string[] = [];
  if (query.role) terms.push(`role:${roleFilterOf(query.role).toLowerCase()}`);
  if (query.action) terms.push(`action:${query.action.toLowerCase()}`);
  if (query.layer) terms.push(`layer:${query.layer}`);
  return terms;
}

/** What free text (`q`) is looked for in, lower case: the user, the account, the roles, actions and layers. */
export function searchTextOf(entry: Pick<RunEntry, "user" | "account" | "roles" | "actions" | "layers">): string {
  const account = entry.account ? [entry.account.name, entry.account.id] : [];
  return [entry.user, ...account, ...entry.roles, ...entry.actions, ...entry.layers].join("\n").toLowerCase();
}
