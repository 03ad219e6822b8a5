import type { PortalSession } from "../../wire";
import type { RequestContext } from "./context";

/** What `GET /api/portal` tells the browser: the user and their accounts (never a role or an external id). */
export function portalSessionOf(context: RequestContext): PortalSession {
  if (context.mode === "single") return { mode: "single" };
  const { user, email, groups } = context.identity;
  return {
    mode: "portal",
    user: { user, email, groups },
    accounts: context.accounts.map(({ name, accountId, regions }) => ({ name, accountId, regions })),
  };
}
