import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES, MAX_RECORDS } from "../parse";
import { fuzzRuns, withinInputBudget } from "../testing/fuzz";
import { diagnosisSchema } from "../wire";
import { diagnose } from "./diagnose";

/** A finding takes a few KiB; MAX_RECORDS of them bound the answer (3,000 records once came back as 35.6 MB). */
const MAX_ANSWER_CHARS = MAX_RECORDS * 16 * 1024;

const FRAGMENTS = [
  "User: arn:aws:sts::123456789012:assumed-role/r/s",
  " is not authorized to perform: ",
  "s3:GetObject",
  " on resource: arn:aws:s3:::b/k",
  " because no identity-based policy allows the s3:GetObject action",
  " with an explicit deny in a service control policy",
  "An error occurred (AccessDenied) when calling the GetObject operation: ",
  "<Code>AccessDenied</Code>",
  "Encoded authorization failure message: ",
  "\n",
  '"',
  "{",
  "}",
];

const pastedText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 300 }).map((parts) => parts.join("")),
);

/** A CloudTrail-shaped record whose fields may hold anything JSON can. */
const recordLike = fc.record(
  {
    eventSource: fc.oneof(fc.constantFrom("s3.amazonaws.com", "kms.amazonaws.com", "sqs.amazonaws.com"), fc.string()),
    eventName: fc.oneof(fc.constantFrom("GetObject", "Decrypt", "SendMessage"), fc.string()),
    errorCode: fc.oneof(
      fc.constantFrom("AccessDenied", "AccessDeniedException", "UnauthorizedOperation"),
      fc.jsonValue(),
    ),
    errorMessage: fc.oneof(
      fc.array(fc.constantFrom(...FRAGMENTS)).map((parts) => parts.join("")),
      fc.jsonValue(),
    ),
    awsRegion: fc.oneof(fc.constant("eu-west-1"), fc.string()),
    userIdentity: fc.oneof(fc.constant({ arn: "arn:aws:iam::123456789012:user/a" }), fc.jsonValue({ maxDepth: 3 })),
    resources: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);

const denialRecord = (index: number) => ({
  eventSource: "s3.amazonaws.com",
  eventName: "GetObject",
  errorCode: "AccessDenied",
  errorMessage: `User: arn:aws:iam::123456789012:user/u${index} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b${index}/k`,
});

/** CloudTrail JSON as people paste it: one record, an array, a trail file, lookup-events output; up to the size limit. */
const pastedCloudTrail = fc.oneof(
  { arbitrary: recordLike.map((record) => JSON.stringify(record)), weight: 4 },
  {
    arbitrary: fc.array(recordLike, { maxLength: 20 }).map((records) => JSON.stringify({ Records: records })),
    weight: 4,
  },
  {
    arbitrary: fc
      .array(recordLike, { maxLength: 10 })
      .map((records) =>
        JSON.stringify({ Events: records.map((record) => ({ CloudTrailEvent: JSON.stringify(record) })) }),
      ),
    weight: 2,
  },
  fc.integer({ min: 1, max: 3000 }).map((count) => {
    const records: object[] = [];
    for (let index = 0; index < count; index++) records.push(denialRecord(index));
    return JSON.stringify(records).slice(0, MAX_INPUT_BYTES);
  }),
  fc.integer({ min: 1, max: 120_000 }).map((depth) => `{"Records":[${"[".repeat(depth)}${"]".repeat(depth)}]}`),
);

describe("diagnose (with the IAM catalog), fuzzed", () => {
  it.each([
    ["pasted text", pastedText, 300],
    ["pasted CloudTrail JSON", pastedCloudTrail, 100],
  ])(
    "answers any %s with a diagnosis or a typed input error, bounded in size, within the budget",
    async (_name, input, runs) => {
      await fc.assert(
        fc.asyncProperty(input, async (text) => {
          const result = await withinInputBudget(() => diagnose(text));
          if (!result.ok) {
            expect(result.error.code).toMatch(/^input\./);
            return;
          }
          const answer = JSON.stringify(diagnosisSchema.parse(result.value));
          expect(answer.length).toBeLessThan(MAX_ANSWER_CHARS);
        }),
        { numRuns: fuzzRuns(runs) },
      );
    },
  );
});
