import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { AUTHORIZATION_RETENTION_MS, startLocalAws, type AuthorizationSeed, type LocalAws } from "../local-aws";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { stsRoleAssumer } from "../portal/credentials";
import { provenReading, toolboxClient } from "./index";

type Document = { requestContext: Record<string, unknown>; evaluations: unknown[]; policies: unknown[] };
const cases = JSON.parse(
  readFileSync(new URL("../parse/cases/authorization-details.json", import.meta.url), "utf8"),
) as Record<"scpExplicitDeny" | "kmsKeyPolicyDeny", Document>;

const DENIED_AT = "2026-12-01T12:00:00Z";
const ID = "example1a2b3c4d5e6f7g8h9i0j";
const SCP = "arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd";
const SCP_DOCUMENT = {
  Version: "2012-10-17",
  Statement: [{ Sid: "DenyInstanceProfileChanges", Effect: "Deny", Action: "iam:*InstanceProfile", Resource: "*" }],
};
const DENIAL_ROLE = "arn:aws:iam::123456789012:role/whydenied-reader";
const OTHER_ROLE = "arn:aws:iam::111111111111:role/whydenied-reader";

/** Three evaluations (two denied, one allowed), so the endpoint answers them over two pages. */
const seed: AuthorizationSeed = {
  authorizationId: ID,
  accountId: "123456789012",
  deniedAt: DENIED_AT,
  details: {
    requestContext: cases.scpExplicitDeny.requestContext,
    evaluations: [...cases.scpExplicitDeny.evaluations, ...cases.kmsKeyPolicyDeny.evaluations],
    policies: [...cases.scpExplicitDeny.policies, ...cases.kmsKeyPolicyDeny.policies],
  },
  policies: { [SCP]: SCP_DOCUMENT },
};

const clock = new VirtualClock(Date.parse(DENIED_AT));
let endpoint: LocalAws;

beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [],
    clock,
    roles: [{ roleArn: DENIAL_ROLE }, { roleArn: OTHER_ROLE }],
    authorizations: [seed],
  });
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

async function clientAs(roleArn: string) {
  const assumed = await stsRoleAssumer({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: { accessKeyId: "portal", secretAccessKey: "portal" },
  })({ roleArn, roleSessionName: "jane", sourceIdentity: "jane", durationSeconds: 3600 });
  if (!assumed.ok) throw new Error(assumed.error.message);
  return toolboxClient({ endpoint: endpoint.url, region: "us-east-1", credentials: assumed.value });
}

describe("IAM Toolbox through the signed client against the local endpoint", () => {
  it("joins every page of the details and reads them as proof, ranked Proven by AWS", async () => {
    const details = await (await clientAs(DENIAL_ROLE)).authorizationDetails(ID);
    if (!details.ok) throw new Error(details.error.message);
    expect(details.value.evaluations).toHaveLength(3);
    expect(details.value.policies.map((policy) => policy.uri)).toEqual([
      "arn:aws:iam::123456789012:policy/AllowIamAdmin",
      SCP,
      "key-policy-7d1e",
    ]);
    const parsed = provenReading(details.value);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const diagnosis = diagnoseParsed(parsed.value, await loadCatalog(actionKeys(parsed.value.records)));
    expect(diagnosis.findings.map((finding) => [finding.action, finding.layer, finding.certainty.label])).toEqual([
      ["iam:CreateInstanceProfile", "scp", "Proven by AWS"],
      ["kms:Decrypt", "kms-key-policy", "Proven by AWS"],
    ]);
  });

  it("fetches a matched policy as it was at denial time", async () => {
    const client = await clientAs(DENIAL_ROLE);
    expect(await client.authorizationPolicy(ID, SCP)).toEqual({ ok: true, value: SCP_DOCUMENT });
    const missing = await client.authorizationPolicy(ID, "arn:aws:iam::123456789012:policy/Other");
    expect(missing.ok ? null : missing.error.code).toBe("toolbox.not-found");
  });

  it("says refused when the caller's account is not the denial's", async () => {
    const details = await (await clientAs(OTHER_ROLE)).authorizationDetails(ID);
    expect(details.ok ? null : details.error.code).toBe("toolbox.refused");
    expect(details.ok ? "" : details.error.message).toContain("iam:GetRequestAuthorizationDetails");
  });

  it("says not found for an unknown id, and for a known one once AWS no longer keeps it", async () => {
    const client = await clientAs(DENIAL_ROLE);
    const unknown = await client.authorizationDetails("nosuchid");
    expect(unknown.ok ? null : unknown.error.code).toBe("toolbox.not-found");
    const later = new VirtualClock(Date.parse(DENIED_AT) + AUTHORIZATION_RETENTION_MS);
    const expiredEndpoint = await startLocalAws({
      events: [],
      clock: later,
      roles: [{ roleArn: DENIAL_ROLE }],
      authorizations: [seed],
    });
    try {
      const assumed = await stsRoleAssumer({
        region: "us-east-1",
        endpoint: expiredEndpoint.url,
        credentials: { accessKeyId: "p", secretAccessKey: "p" },
      })({
        roleArn: DENIAL_ROLE,
        roleSessionName: "jane",
        sourceIdentity: "jane",
        durationSeconds: 3600,
      });
      if (!assumed.ok) throw new Error(assumed.error.message);
      const expired = await toolboxClient({
        endpoint: expiredEndpoint.url,
        region: "us-east-1",
        credentials: assumed.value,
      }).authorizationDetails(ID);
      expect(expired.ok ? null : expired.error.code).toBe("toolbox.not-found");
      expect(expired.ok ? "" : expired.error.message).toContain("expired");
    } finally {
      await expiredEndpoint.close();
    }
  });

  it("says invalid for an id AWS's pattern refuses, and refused for credentials STS never issued", async () => {
    const invalid = await (await clientAs(DENIAL_ROLE)).authorizationDetails("EXAMPLE1a2b");
    expect(invalid.ok ? null : invalid.error.code).toBe("toolbox.invalid-request");
    const stranger = toolboxClient({
      endpoint: endpoint.url,
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAFAKE", secretAccessKey: "x" },
    });
    const refused = await stranger.authorizationDetails(ID);
    expect(refused.ok ? null : refused.error.code).toBe("toolbox.refused");
  });

  it("says unavailable when nothing answers", async () => {
    const nowhere = toolboxClient({
      endpoint: "http://127.0.0.1:9",
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    const result = await nowhere.authorizationDetails(ID);
    expect(result).toEqual({
      ok: false,
      error: { code: "toolbox.unavailable", message: "IAM Toolbox could not be reached: fetch failed" },
    });
  });
});
