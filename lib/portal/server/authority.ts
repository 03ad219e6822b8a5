import "server-only";
import type { Clock } from "../../lookup";
import { proofOf, type DenialRecord, type Diagnosis, type Finding } from "../../model";
import type { Result } from "../../result";
import { provenReading, type AuthorizationDetailsDocument, type ToolboxErrorCode } from "../../toolbox";
import type { AuthorityOutcome } from "../../wire";
import { accountOfFinding, type PortalAccount } from "../config";
import { statementWithSid } from "./denying-statement";
import type { AssumeRoleErrorCode, SessionCredentials } from "../credentials";

/** At most this many authorization ids are asked about per diagnosis; the rest are reported as not asked. */
export const MAX_AUTHORIZATION_IDS = 5;
/** How long one id may take, assuming the role included; the ids are asked at the same time. */
const AUTHORITY_TIMEOUT_MS = 4_000;

/** How AWS is asked: the account's role session, and GetRequestAuthorizationDetails with it. */
export interface AuthorityDeps {
  credentialsFor(account: PortalAccount): Promise<Result<SessionCredentials, AssumeRoleErrorCode>>;
  authorizationDetails(
    credentials: SessionCredentials,
    authorizationId: string,
  ): Promise<Result<AuthorizationDetailsDocument, ToolboxErrorCode>>;
  /** GetRequestAuthorizationPolicy: a matched policy's document as it was at the time of the denial. */
  authorizationPolicy(
    credentials: SessionCredentials,
    authorizationId: string,
    policyUri: string,
  ): Promise<Result<unknown, ToolboxErrorCode>>;
  clock: Pick<Clock, "sleep">;
  timeoutMs?: number;
}

/** What asking about the ids found: an outcome per id, and the denial records AWS proved, by id. */
export interface AuthorityAnswer {
  outcomes: AuthorityOutcome[];
  proven: Map<string, DenialRecord[]>;
}

const OWN_READING = "This diagnosis is whydenied's own reading.";

/** The proven records, filled with what the pasted denial said and the details left out (they name no account). */
function provenRecords(document: AuthorizationDetailsDocument, finding: Finding, authorizationId: string) {
  const reading = provenReading(document);
  if (!reading.ok) return reading;
  return {
    ok: true as const,
    value: reading.value.records.map((record) => ({
      ...record,
      authorizationId,
      principal: record.principal ?? finding.principal,
      region: record.region ?? finding.region,
      account: record.account ?? finding.account,
    })),
  };
}

/** "Proven by AWS: …" naming the denying statement and policy of the first proven denial. */
function provenMessage(account: PortalAccount, records: DenialRecord[]): string {
  const [first] = records;
  const proof = first ? proofOf(first) : null;
  const what = first ? `${first.action ?? "the request"} on ${first.resource ?? "its resource"}` : "the request";
  const why =
    proof?.policyUri != null
      ? `denied by ${proof.statementSid ? `statement "${proof.statementSid}" of ` : ""}${proof.policyUri}`
      : "denied because no policy allowed it";
  return `Proven by AWS: the authorization details in account ${account.name} show ${what} ${why}.`;
}

type Asked = { outcome: AuthorityOutcome; records: DenialRecord[] | null };

async function askOne(
  authorizationId: string,
  finding: Finding,
  account: PortalAccount,
  deps: AuthorityDeps,
): Promise<Asked> {
  const outcome = (status: AuthorityOutcome["status"], message: string): Asked => ({
    outcome: { authorizationId, account: account.name, status, message, deniedBy: null },
    records: null,
  });
  const credentials = await deps.credentialsFor(account);
  if (!credentials.ok)
    return outcome(
      credentials.error.code === "credentials.refused" ? "refused" : "unavailable",
      `${credentials.error.message} ${OWN_READING}`,
    );
  const details = await deps.authorizationDetails(credentials.value, authorizationId);
  if (!details.ok) {
    const { code, message } = details.error;
    const status = code === "toolbox.not-found" ? "expired" : code === "toolbox.refused" ? "refused" : "unavailable";
    return outcome(status, `${message} ${OWN_READING}`);
  }
  const records = provenRecords(details.value, finding, authorizationId);
  if (!records.ok) return outcome("unavailable", `${records.error.message} ${OWN_READING}`);
  if (records.value.length === 0)
    return outcome(
      "unavailable",
      `AWS's authorization details for ${authorizationId} show no denied request. ${OWN_READING}`,
    );
  const proven = outcome("proven", provenMessage(account, records.value));
  proven.outcome.deniedBy = await denyingStatement(records.value, authorizationId, credentials.value, deps);
  return { ...proven, records: records.value };
}

/** The statement AWS names as denying (an explicit deny's), fetched as it was at the time of the denial. */
async function denyingStatement(
  records: DenialRecord[],
  authorizationId: string,
  credentials: SessionCredentials,
  deps: AuthorityDeps,
): Promise<AuthorityOutcome["deniedBy"]> {
  const proof = records.map(proofOf).find((candidate) => candidate?.policyUri && candidate.statementSid);
  if (!proof?.policyUri || !proof.statementSid) return null;
  const policy = await deps.authorizationPolicy(credentials, authorizationId, proof.policyUri);
  const statement = policy.ok ? statementWithSid(policy.value, proof.statementSid) : null;
  return { policyUri: proof.policyUri, sid: proof.statementSid, statement };
}

/** The answer of `askOne`, or "unavailable" once the time is up (the call is left to finish on its own). */
async function withinTime(
  asking: Promise<Asked>,
  authorizationId: string,
  account: PortalAccount,
  deps: AuthorityDeps,
) {
  const timeoutMs = deps.timeoutMs ?? AUTHORITY_TIMEOUT_MS;
  const stop = new AbortController();
  const late = deps.clock.sleep(timeoutMs, stop.signal).then(
    (): Asked => ({
      outcome: {
        authorizationId,
        account: account.name,
        status: "unavailable",
        message: `AWS did not answer about ${authorizationId} within ${timeoutMs / 1000} s. ${OWN_READING}`,
        deniedBy: null,
      },
      records: null,
    }),
    () => new Promise<never>(() => undefined),
  );
  try {
    return await Promise.race([asking, late]);
  } finally {
    stop.abort();
  }
}

/**
 * Asks AWS (IAM Access Troubleshooter) about each authorization id the diagnosis's findings carry, in the
 * configured account the denial belongs to (among `accounts`, the user's): an outcome per id, in words, and the
 * records AWS proved. At most MAX_AUTHORIZATION_IDS ids, each within AUTHORITY_TIMEOUT_MS; nothing here fails.
 */
export async function askAuthority(
  diagnosis: Diagnosis,
  accounts: readonly PortalAccount[],
  deps: AuthorityDeps,
): Promise<AuthorityAnswer> {
  const firstFinding = new Map<string, Finding>();
  for (const finding of diagnosis.findings)
    if (finding.authorizationId && !firstFinding.has(finding.authorizationId))
      firstFinding.set(finding.authorizationId, finding);
  const asked = await Promise.all(
    [...firstFinding].map(async ([authorizationId, finding], index): Promise<Asked> => {
      const account = accountOfFinding(finding, accounts);
      const named = account?.name ?? null;
      if (index >= MAX_AUTHORIZATION_IDS)
        return {
          outcome: {
            authorizationId,
            account: named,
            status: "unavailable",
            message: `Not asked: AWS is asked about at most ${MAX_AUTHORIZATION_IDS} authorization ids per diagnosis. ${OWN_READING}`,
            deniedBy: null,
          },
          records: null,
        };
      if (!account)
        return {
          outcome: {
            authorizationId,
            account: null,
            status: "not-configured",
            message:
              `The denial is in ${finding.account ? `account ${finding.account}` : "an account it does not name"}, ` +
              `which is not one of your configured accounts, so AWS was not asked. ${OWN_READING}`,
            deniedBy: null,
          },
          records: null,
        };
      return withinTime(askOne(authorizationId, finding, account, deps), authorizationId, account, deps);
    }),
  );
  return {
    outcomes: asked.map(({ outcome }) => outcome),
    proven: new Map(
      asked.flatMap(({ outcome, records }) => (records ? [[outcome.authorizationId, records] as const] : [])),
    ),
  };
}
