import type { AuthorizationSeed, RoleSeed } from "../local-aws";
import type { TrailRecord } from "../trail-record";
import { DEMO_ACCOUNT, EU_WEST_1 } from "./account";
import { seedDemoEvents } from "./seed";

/** What the demo needs of a configured portal account (a PortalAccount has these fields). */
interface PortalDemoAccount {
  accountId: string;
  roleArn: string;
  externalId?: string;
  sessionDurationSeconds: number;
}

/** What the local endpoint serves for the configured accounts. */
export interface PortalDemoData {
  /** Each account's own demo story, recorded in that account. */
  events: TrailRecord[];
  /** The portal's read-only role in each account, with its external id. */
  roles: RoleSeed[];
  /** One authorization id per account, answered "Proven by AWS" (see portalDemoDenial). */
  authorizations: AuthorizationSeed[];
}

/** IAM's default maximum session duration; a role allows at least what its account's configuration asks for. */
const DEFAULT_MAX_SESSION_SECONDS = 3_600;

/** The deny-listed secret of the demo's explicit deny, and the policy and statement that deny it. */
const secretOf = (accountId: string) =>
  `arn:aws:secretsmanager:${EU_WEST_1}:${accountId}:secret:orders/db-credentials-Xk3P9q`;
const denyPolicyOf = (accountId: string) => `arn:aws:iam::${accountId}:policy/DenyOrdersSecrets`;
const DENY_STATEMENT = "DenyOrdersSecretsOutsideDeploys";

/**
 * The demo story of `seedDemoEvents`, recorded in `accountId` instead of the demo account: every ARN, account field
 * and recipient names it, so a session of that account sees it as its own event history.
 */
function seedAccountEvents(options: { now: Date; accountId: string; days?: number; seed?: number }): TrailRecord[] {
  const records = seedDemoEvents(options);
  return JSON.parse(JSON.stringify(records).replaceAll(DEMO_ACCOUNT, options.accountId)) as TrailRecord[];
}

/**
 * A denial of orders-api in `accountId` as AWS words it with an authorization id, and that id: the local endpoint
 * seeded by seedPortalDemo answers its details, so pasting the message in the portal shows "Proven by AWS".
 */
export function portalDemoDenial(accountId: string): { authorizationId: string; message: string } {
  const authorizationId = `whydenieddemo${accountId}`;
  return {
    authorizationId,
    message:
      `User: arn:aws:sts::${accountId}:assumed-role/orders-api-role/orders-api is not authorized to perform: ` +
      `secretsmanager:GetSecretValue on resource: ${secretOf(accountId)} with an explicit deny in an identity-based ` +
      `policy: ${denyPolicyOf(accountId)}. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/` +
      `authorization-details/${authorizationId} for complete details, or call the GetRequestAuthorizationDetails API ` +
      `with the following authorization id: ${authorizationId}`,
  };
}

function authorizationFor(accountId: string, now: Date): AuthorizationSeed {
  const policyUri = denyPolicyOf(accountId);
  return {
    authorizationId: portalDemoDenial(accountId).authorizationId,
    accountId,
    deniedAt: now.toISOString(),
    details: {
      requestContext: {
        "aws:PrincipalArn": `arn:aws:sts::${accountId}:assumed-role/orders-api-role/orders-api`,
        "aws:PrincipalAccount": accountId,
        "aws:RequestedRegion": EU_WEST_1,
      },
      evaluations: [
        {
          action: "secretsmanager:GetSecretValue",
          resource: secretOf(accountId),
          context: {},
          evaluatedEffect: "EXPLICIT_DENY",
          matchedPolicies: [{ uri: policyUri, matchedStatements: [{ sid: DENY_STATEMENT, evaluatedEffect: "DENY" }] }],
        },
      ],
      policies: [{ type: "IDENTITY_BASED_POLICY", inline: false, uri: policyUri, attachedTo: [] }],
    },
    policies: {
      [policyUri]: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: DENY_STATEMENT,
            Effect: "Deny",
            Action: "secretsmanager:GetSecretValue",
            Resource: secretOf(accountId),
          },
        ],
      },
    },
  };
}

/**
 * The local endpoint's data for a portal's configured accounts: each account's own demo week (a seed of its own,
 * so the accounts' histories differ), the portal's role in each (external id and session length as configured),
 * and one authorization id per account denied at `now`.
 */
export function seedPortalDemo(
  accounts: readonly PortalDemoAccount[],
  options: { now: Date; days?: number },
): PortalDemoData {
  return {
    events: accounts.flatMap((account, index) =>
      seedAccountEvents({ now: options.now, days: options.days, accountId: account.accountId, seed: index + 2 }),
    ),
    roles: accounts.map((account) => ({
      roleArn: account.roleArn,
      externalId: account.externalId,
      maxSessionSeconds: Math.max(DEFAULT_MAX_SESSION_SECONDS, account.sessionDurationSeconds),
    })),
    authorizations: accounts.map((account) => authorizationFor(account.accountId, options.now)),
  };
}
