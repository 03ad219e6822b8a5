import "server-only";
import { loadCatalog } from "../../catalog";
import { serverEnv } from "../../env";
import { systemClock } from "../../lookup";
import type { Diagnosis } from "../../model";
import { toolboxClient } from "../../toolbox";
import { askAuthority, type AuthorityDeps } from "./authority";
import type { RequestContext } from "./context";
import { withProvenFindings } from "./proven-diagnosis";
import { auditedCredentials } from "./audited-sessions";

/** IAM Toolbox is global; its calls go to us-east-1, the Region AWS's own console link in the message names. */
const TOOLBOX_REGION = "us-east-1";

/** Asking AWS from this server: the process's role sessions for the user, IAM Toolbox at WHYDENIED_TOOLBOX_ENDPOINT. */
function serverAuthorityDeps(user: string): AuthorityDeps {
  const endpoint = serverEnv().WHYDENIED_TOOLBOX_ENDPOINT;
  return {
    credentialsFor: (account) => auditedCredentials(account, user, "authority"),
    authorizationDetails: (credentials, authorizationId) =>
      toolboxClient({ endpoint, region: TOOLBOX_REGION, credentials }).authorizationDetails(authorizationId),
    authorizationPolicy: (credentials, authorizationId, policyUri) =>
      toolboxClient({ endpoint, region: TOOLBOX_REGION, credentials }).authorizationPolicy(authorizationId, policyUri),
    clock: systemClock,
  };
}

/**
 * A pasted text's diagnosis as the portal answers it: each authorization id asked of AWS in the user's account,
 * the findings it proves ranked "Proven by AWS", and `authority` saying what became of each id. Single mode
 * answers the diagnosis as it is, with no `authority` field.
 */
export async function withAuthority(diagnosis: Diagnosis, context: RequestContext): Promise<Diagnosis> {
  if (context.mode === "single") return diagnosis;
  const answer = await askAuthority(diagnosis, context.accounts, serverAuthorityDeps(context.identity.user));
  const proven = await withProvenFindings(diagnosis, answer.proven, loadCatalog);
  return { ...proven, authority: answer.outcomes };
}
