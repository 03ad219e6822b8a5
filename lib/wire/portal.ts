import { z } from "zod";

/** The signed-in user as the browser may see them (never a token or a header value other than these). */
const portalUserSchema = z.object({
  /** Who they are in history, audit and CloudTrail: the email when the proxy sends one, else its user id. */
  user: z.string(),
  email: z.string().nullable(),
  groups: z.array(z.string()),
});

/** A configured account as the picker shows it; the role and external id stay on the server. */
const portalAccountSchema = z.object({
  name: z.string(),
  accountId: z.string(),
  /** The Regions a lookup in this account starts with; the first is the default. */
  regions: z.array(z.string()).min(1),
});

/**
 * The answer of `GET /api/portal`: "single" when no portal configuration is given (the app as one user runs it),
 * "portal" with the signed-in user and the accounts their groups may use.
 */
export const portalSessionSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("single") }),
  z.object({ mode: z.literal("portal"), user: portalUserSchema, accounts: z.array(portalAccountSchema) }),
]);

/**
 * What became of asking AWS itself (IAM Access Troubleshooter) about a pasted authorization id, in portal mode:
 * "proven" when its details were fetched (the findings then carry "Proven by AWS"); otherwise why not, in words, and
 * the diagnosis falls back to the engine's reading.
 */
export const authorityOutcomeSchema = z.object({
  authorizationId: z.string(),
  /** The configured account asked, by name; null when no configured account matched the denial. */
  account: z.string().nullable(),
  status: z.enum(["proven", "not-configured", "refused", "expired", "unavailable"]),
  message: z.string(),
  /**
   * When proven by an explicit deny: the denying policy and its statement as they were at the time of the denial
   * (GetRequestAuthorizationPolicy); `statement` is null when AWS did not hand the document over.
   */
  deniedBy: z
    .object({ policyUri: z.string(), sid: z.string(), statement: z.record(z.string(), z.unknown()).nullable() })
    .nullable()
    .default(null),
});

export type PortalAccountView = z.infer<typeof portalAccountSchema>;
export type PortalSession = z.infer<typeof portalSessionSchema>;
export type AuthorityOutcome = z.infer<typeof authorityOutcomeSchema>;
