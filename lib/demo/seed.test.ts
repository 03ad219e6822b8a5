import { describe, expect, it } from "vitest";
import { encodedMessageOf } from "../model";
import { cloudTrailRecordSchema, denialFromRecord, isDenialRecord } from "../parse";
import { DEMO_ACCOUNT, DEMO_ROLES, seedDemoEvents } from "./index";
import { parseEventTime, trailRecordSchema, type TrailRecord } from "../trail-record";

const now = new Date("2026-11-23T12:00:00Z");
const records = seedDemoEvents({ now });
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

interface Identity {
  type?: string;
  arn?: string;
  accountId?: string;
  sessionContext?: { sessionIssuer?: { arn?: string } };
}

const identityOf = (record: TrailRecord): Identity => record.userIdentity ?? {};
const issuerOf = (record: TrailRecord): string | undefined => identityOf(record).sessionContext?.sessionIssuer?.arn;
const roleArn = (name: string): string => `arn:aws:iam::${DEMO_ACCOUNT}:role/${name}`;

const denials = records
  .map((record) => ({ record, parsed: cloudTrailRecordSchema.parse(record) }))
  .filter(({ parsed }) => isDenialRecord(parsed))
  .map(({ record, parsed }) => ({ record, denial: denialFromRecord(parsed) }));

/** The "action policy-type reason" of a role's denials, sorted. */
const layersOf = (role: string): string[] => Object.keys(denialLayers(role)).sort();

/** "action policy-type reason" → count, for the denials of one role. */
function denialLayers(role: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { denial } of denials.filter(({ record }) => issuerOf(record) === roleArn(role))) {
    const key = `${denial.action} ${denial.statedPolicyType ?? "unstated"} ${denial.statedReason}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("seedDemoEvents", () => {
  it("is deterministic for the same inputs and varies with the seed", () => {
    expect(seedDemoEvents({ now })).toEqual(records);
    expect(seedDemoEvents({ now, seed: 2 })).not.toEqual(records);
  });

  it("spreads a few thousand events over the last `days` days, oldest first", () => {
    expect(records.length).toBeGreaterThan(4000);
    expect(records.length).toBeLessThan(8000);
    const times = records.map((record) => parseEventTime(record.eventTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(now.getTime() - WEEK_MS);
    expect(times.at(-1)).toBeLessThanOrEqual(now.getTime());
    const oneDay = seedDemoEvents({ now, days: 1 });
    expect(oneDay.length).toBeLessThan(records.length / 4);
  });

  it("refuses a bad `now` or `days`", () => {
    expect(() => seedDemoEvents({ now: new Date("nope") })).toThrow(RangeError);
    expect(() => seedDemoEvents({ now, days: 0 })).toThrow(RangeError);
    expect(() => seedDemoEvents({ now, days: 91 })).toThrow(RangeError);
  });

  it("writes records shaped like CloudTrail's, in one account and two Regions", () => {
    const eventIds = new Set<string>();
    for (const record of records) {
      expect(trailRecordSchema.safeParse(record).success).toBe(true);
      expect(record).toMatchObject({
        managementEvent: true,
        eventCategory: "Management",
        recipientAccountId: DEMO_ACCOUNT,
      });
      expect(["us-east-1", "eu-west-1"]).toContain(record.awsRegion);
      expect(record.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      eventIds.add(record.eventID ?? "");
      expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (["iam.amazonaws.com", "signin.amazonaws.com"].includes(record.eventSource))
        expect(record.awsRegion).toBe("us-east-1");
      const identity = identityOf(record);
      if (identity.type === "AssumedRole") {
        expect(identity.accountId).toBe(DEMO_ACCOUNT);
        expect(issuerOf(record)).toMatch(/^arn:aws:iam::123456789012:role\//);
      }
    }
    expect(eventIds.size).toBe(records.length);
  });

  it("holds only management events, never the data events LookupEvents cannot return", () => {
    const dataEvents = new Set([
      "s3.amazonaws.com GetObject",
      "s3.amazonaws.com PutObject",
      "dynamodb.amazonaws.com GetItem",
      "dynamodb.amazonaws.com PutItem",
      "dynamodb.amazonaws.com Query",
      "lambda.amazonaws.com Invoke",
      "sqs.amazonaws.com SendMessage",
      "sns.amazonaws.com Publish",
    ]);
    expect(records.filter((record) => dataEvents.has(`${record.eventSource} ${record.eventName}`))).toEqual([]);
    expect(records.some((record) => record.eventSource === "s3.amazonaws.com")).toBe(false);
  });

  it("tells each function's story with the denials of the right layers", () => {
    expect(layersOf("orders-api-role")).toEqual([
      "kms:Decrypt resource-based no-allow",
      "secretsmanager:GetSecretValue identity-based no-allow",
    ]);
    expect(layersOf("reports-fn-role")).toEqual([
      "kms:Decrypt resource-based no-allow",
      "logs:CreateLogStream identity-based no-allow",
      "ssm:GetParameter identity-based no-allow",
      "ssm:GetParameters identity-based no-allow",
    ]);
    expect(layersOf("image-resizer-role")).toEqual(["ec2:CreateNetworkInterface identity-based no-allow"]);
    expect(layersOf("billing-sync-role")).toEqual([
      "kms:GenerateDataKey service-control explicit-deny",
      "secretsmanager:GetSecretValue resource-based no-allow",
      "sts:AssumeRole role-trust no-allow",
    ]);
    for (const role of ["orders-api-role", "reports-fn-role", "image-resizer-role", "billing-sync-role"]) {
      for (const count of Object.values(denialLayers(role))) expect(count).toBeGreaterThanOrEqual(5);
    }
  });

  it("has the sessions Lambda really uses: the function's name, awslambda_… and the log worker", () => {
    const imageResizerDenials = denials.filter(({ record }) => issuerOf(record) === roleArn("image-resizer-role"));
    for (const { record, denial } of imageResizerDenials) {
      expect(identityOf(record).arn).toMatch(/assumed-role\/image-resizer-role\/awslambda_\d{3}_\d{17}$/);
      expect(record.errorCode).toBe("Client.UnauthorizedOperation");
      expect(encodedMessageOf(denial)).toBeTruthy();
    }
    const logDenials = denials.filter(({ record }) => record.eventName === "CreateLogStream");
    expect(logDenials.length).toBeGreaterThan(0);
    for (const { record } of logDenials) expect(record.userAgent).toBe("awslambda-worker");
    const ordersCalls = records.filter((record) => issuerOf(record) === roleArn("orders-api-role"));
    expect(new Set(ordersCalls.map((record) => identityOf(record).arn))).toEqual(
      new Set(["arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api"]),
    );
  });

  it("lets every denial's errorMessage be read by the parser", () => {
    for (const { record, denial } of denials) {
      if (record.errorCode === "InvalidParameterValueException") {
        expect(denial.kind).toBe("lambda-role-missing-permission");
        continue;
      }
      expect(denial.kind).toBe("iam-authorization");
      expect(denial.principal).toBe(identityOf(record).arn);
      expect(denial.action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
      expect(denial.resource).toBeTruthy();
    }
  });

  it("adds denials by other principals and errors that are not denials", () => {
    const others = new Set(denials.map(({ record }) => issuerOf(record) ?? identityOf(record).arn));
    for (const principal of [
      roleArn("deploy-ci-role"),
      roleArn("DatadogIntegrationRole"),
      "arn:aws:iam::123456789012:user/alice",
    ]) {
      expect(others).toContain(principal);
    }
    const notDenials = records.filter(
      (record) => record.errorCode && !isDenialRecord(cloudTrailRecordSchema.parse(record)),
    );
    expect(new Set(notDenials.map((record) => record.errorCode))).toEqual(
      new Set([
        "ThrottlingException",
        "Client.RequestLimitExceeded",
        "ResourceNotFoundException",
        "NoSuchEntityException",
        "InvalidParameterValueException",
      ]),
    );
  });

  it("describes the four functions in DEMO_ROLES, each with denials in its Region", () => {
    // image-resizer's denials are in Lambda's awslambda_* sessions: its preset searches the whole role.
    expect(DEMO_ROLES.map((role) => role.functionName)).toEqual(["orders-api", "nightly-report", null, "billing-sync"]);
    for (const role of DEMO_ROLES) {
      const own = denials.filter(({ record }) => issuerOf(record) === role.roleArn);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map(({ record }) => record.awsRegion))).toEqual(new Set([role.region]));
      expect(role.summary.length).toBeGreaterThan(20);
    }
  });
});
