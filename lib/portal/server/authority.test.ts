import { describe, expect, it } from "vitest";
import { diagnose } from "../../catalog";
import { HeldClock } from "../../local-aws/testing/held-clock";
import { VirtualClock } from "../../lookup/testing/virtual-clock";
import { fail, ok } from "../../result";
import type { AuthorizationDetailsDocument } from "../../toolbox";
import { parsePortalConfig } from "../config";
import { askAuthority, MAX_AUTHORIZATION_IDS, type AuthorityDeps } from "./authority";

const config = parsePortalConfig(`
accounts:
  - name: production
    accountId: "222222222222"
    roleArn: arn:aws:iam::222222222222:role/whydenied-reader
    regions: [eu-west-1]
    groups: [sre]
`);
if (!config.ok) throw new Error(config.error.message);
const ACCOUNTS = config.value.accounts;

/** A denial in `account` carrying `id`, as AWS words it. */
const denial = (id: string, account = "222222222222") =>
  `User: arn:aws:iam::${account}:user/jane is not authorized to perform: s3:GetObject on resource: ` +
  `arn:aws:s3:::reports/${id} with an explicit deny in an identity-based policy: arn:aws:iam::${account}:policy/Deny. ` +
  `Go to the console for complete details, or call the GetRequestAuthorizationDetails API with the following ` +
  `authorization id: ${id}`;

async function diagnosisOf(...messages: string[]) {
  const result = await diagnose(messages.join("\n"));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const SESSION = { accessKeyId: "ASIA", secretAccessKey: "s", sessionToken: "t", expiresAt: Number.MAX_SAFE_INTEGER };
const DENIED: AuthorizationDetailsDocument = {
  evaluations: [
    {
      action: "s3:GetObject",
      resource: "arn:aws:s3:::reports/a1",
      evaluatedEffect: "EXPLICIT_DENY",
      matchedPolicies: [
        {
          uri: "arn:aws:iam::222222222222:policy/Deny",
          matchedStatements: [{ sid: "NoReports", evaluatedEffect: "DENY" }],
        },
      ],
    },
  ],
  policies: [{ uri: "arn:aws:iam::222222222222:policy/Deny" }],
};

const DENY_POLICY = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Reads", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
    { Sid: "NoReports", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::reports/*" },
  ],
};

const deps = (overrides: Partial<AuthorityDeps> = {}): AuthorityDeps => ({
  credentialsFor: () => Promise.resolve(ok(SESSION)),
  authorizationDetails: () => Promise.resolve(ok(DENIED)),
  authorizationPolicy: (_, __, policyUri) =>
    Promise.resolve(
      policyUri === "arn:aws:iam::222222222222:policy/Deny"
        ? ok(DENY_POLICY)
        : fail("toolbox.not-found", "no such policy"),
    ),
  // Time stands still: the 4 s limit never cuts an answer short here.
  clock: new HeldClock(0),
  ...overrides,
});

describe("askAuthority", () => {
  it("names the denying statement and policy of a proven id, and keeps the records AWS proved", async () => {
    const answer = await askAuthority(await diagnosisOf(denial("a1")), ACCOUNTS, deps());
    expect(answer.outcomes).toEqual([
      {
        authorizationId: "a1",
        account: "production",
        status: "proven",
        message:
          "Proven by AWS: the authorization details in account production show s3:GetObject on arn:aws:s3:::reports/a1 " +
          'denied by statement "NoReports" of arn:aws:iam::222222222222:policy/Deny.',
        deniedBy: {
          policyUri: "arn:aws:iam::222222222222:policy/Deny",
          sid: "NoReports",
          statement: DENY_POLICY.Statement[1],
        },
      },
    ]);
    expect(answer.proven.get("a1")).toMatchObject([
      { authorizationId: "a1", account: "222222222222", principal: "arn:aws:iam::222222222222:user/jane" },
    ]);
  });

  it("stays proven, without the statement, when AWS does not hand the policy over", async () => {
    const refusing = deps({ authorizationPolicy: () => Promise.resolve(fail("toolbox.refused", "no")) });
    const answer = await askAuthority(await diagnosisOf(denial("a1")), ACCOUNTS, refusing);
    expect(answer.outcomes[0]).toMatchObject({
      status: "proven",
      deniedBy: { policyUri: "arn:aws:iam::222222222222:policy/Deny", sid: "NoReports", statement: null },
    });
  });

  it("does not ask about a denial in an account the user has not configured", async () => {
    const answer = await askAuthority(await diagnosisOf(denial("b2", "333333333333")), ACCOUNTS, deps());
    expect(answer.outcomes).toMatchObject([{ authorizationId: "b2", account: null, status: "not-configured" }]);
    expect(answer.outcomes[0]?.message).toContain("account 333333333333");
    expect(answer.proven.size).toBe(0);
  });

  it.each([
    [
      "STS refuses the role",
      { credentialsFor: () => Promise.resolve(fail("credentials.refused", "STS refused.")) },
      "refused",
    ],
    [
      "STS cannot be reached",
      { credentialsFor: () => Promise.resolve(fail("credentials.unavailable", "No STS.")) },
      "unavailable",
    ],
    [
      "AWS refuses the details",
      { authorizationDetails: () => Promise.resolve(fail("toolbox.refused", "No.")) },
      "refused",
    ],
    [
      "the id has expired",
      { authorizationDetails: () => Promise.resolve(fail("toolbox.not-found", "Gone.")) },
      "expired",
    ],
    [
      "AWS throttles",
      { authorizationDetails: () => Promise.resolve(fail("toolbox.throttled", "Slow down.")) },
      "unavailable",
    ],
    [
      "AWS never answers",
      // The limit's sleep passes at once: the answer that never comes is cut off.
      { authorizationDetails: () => new Promise<never>(() => undefined), clock: new VirtualClock(0) },
      "unavailable",
    ],
  ] satisfies [string, Partial<AuthorityDeps>, string][])("says so in words when %s", async (_, overrides, status) => {
    const answer = await askAuthority(await diagnosisOf(denial("c3")), ACCOUNTS, deps(overrides));
    expect(answer.outcomes).toMatchObject([{ authorizationId: "c3", account: "production", status }]);
    expect(answer.outcomes[0]?.message).toContain("whydenied's own reading");
    expect(answer.proven.size).toBe(0);
  });

  it("asks about at most five ids, once each, and reports the rest as not asked", async () => {
    const ids = ["d1", "d2", "d3", "d4", "d5", "d6"];
    const asked: string[] = [];
    const diagnosis = await diagnosisOf(...ids.map((id) => denial(id)), denial("d1"));
    const answer = await askAuthority(
      diagnosis,
      ACCOUNTS,
      deps({
        authorizationDetails: (_, id) => {
          asked.push(id);
          return Promise.resolve(fail("toolbox.not-found", "Gone."));
        },
      }),
    );
    expect(asked.sort()).toEqual(ids.slice(0, MAX_AUTHORIZATION_IDS));
    expect(answer.outcomes.map((outcome) => outcome.status)).toEqual([
      "expired",
      "expired",
      "expired",
      "expired",
      "expired",
      "unavailable",
    ]);
    expect(answer.outcomes[5]?.message).toContain("at most 5");
  });
});
