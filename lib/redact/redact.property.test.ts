import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { createRedactor } from "./index";
import { reading } from "./test-support";

/** Names with no hyphen, so none can be a mask (`role-1`) or a word of the surrounding text. */
const nameArbitrary = fc.stringMatching(/^[a-z]{2,6}[0-9]{1,3}[a-z]{1,6}$/);
/** Random ids, and ids the masks themselves would take, to prove a mask never equals an original. */
const accountArbitrary = fc.oneof(fc.stringMatching(/^[0-9]{12}$/), fc.constantFrom("000000000001", "000000000002"));

type Fill = (index: number) => string;
type Fragment = (name: Fill, account: Fill) => string;

/** Every form a secret takes in a pasted error: principals, resource ARNs, URLs, prose, JSON fields, e-mail. */
const FRAGMENTS: Fragment[] = [
  (n, a) =>
    `User: arn:aws:sts::${a(0)}:assumed-role/${n(0)}/${n(1)} is not authorized to perform: s3:GetObject ` +
    `on resource: "arn:aws:s3:::${n(2)}/${n(3)}/${n(4)}" because no identity-based policy allows the s3:GetObject action`,
  (n, a) => `arn:aws:iam::${a(0)}:role/${n(0)}/${n(1)}`,
  (n, a) => `arn:aws:iam::${a(0)}:user/${n(0)}`,
  (n, a) => `arn:aws:lambda:us-east-1:${a(0)}:function:${n(0)}:${n(1)}`,
  (n, a) => `arn:aws:dynamodb:eu-west-1:${a(0)}:table/${n(0)}/index/${n(1)}`,
  (n, a) => `arn:aws:kms:us-east-1:${a(0)}:alias/${n(0)}`,
  (n, a) => `arn:aws:sqs:us-west-2:${a(0)}:${n(0)}`,
  (n, a) => `arn:aws:secretsmanager:us-east-1:${a(0)}:secret:${n(0)}-AbCdEf`,
  (n, a) => `arn:aws:logs:us-east-1:${a(0)}:log-group:/aws/lambda/${n(0)}:*`,
  (n) => `s3://${n(0)}/${n(1)}`,
  (n) => `https://${n(0)}.s3.us-east-1.amazonaws.com/${n(1)}`,
  (n) => `https://s3.amazonaws.com/${n(0)}/${n(1)}`,
  (n, a) => `https://sqs.us-east-1.amazonaws.com/${a(0)}/${n(0)}`,
  (_n, a) => `account ${a(0)}`,
  (_n, a) => `https://${a(0)}.signin.aws.amazon.com/console`,
  (n) => `${n(0)}@${n(1)}.com`,
  (n) => `{"userName":"${n(0)}","requestParameters":{"bucketName":"${n(1)}","key":"${n(2)}"}}`,
  (n) => `on resource: ${n(0)} because`,
];

const pasteArbitrary = fc.record({
  names: fc.uniqueArray(nameArbitrary, { minLength: 5, maxLength: 8 }),
  accounts: fc.uniqueArray(accountArbitrary, { minLength: 1, maxLength: 3 }),
  parts: fc.array(
    fc.record({
      fragment: fc.integer({ min: 0, max: FRAGMENTS.length - 1 }),
      nameOffset: fc.nat(),
      account: fc.nat(),
      separator: fc.constantFrom(" ", "\n", ". ", '"', ", "),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

type PasteCase = typeof pasteArbitrary extends fc.Arbitrary<infer T> ? T : never;

function pasteText({ names, accounts, parts }: PasteCase): string {
  return parts
    .map(({ fragment, nameOffset, account, separator }) => {
      const build = FRAGMENTS[fragment % FRAGMENTS.length] ?? (() => "");
      const name = (index: number) => names[(nameOffset + index) % names.length] ?? "";
      return build(name, () => accounts[account % accounts.length] ?? "") + separator;
    })
    .join("");
}

/** Forms of one bucket or role name, each with the pattern that reads its mask back out of the redacted form. */
const FORMS: { write: (name: string) => string; read: RegExp }[] = [
  { write: (name) => `s3://${name}/k`, read: /^s3:\/\/([^/]+)\// },
  { write: (name) => `arn:aws:s3:::${name}/k`, read: /^arn:aws:s3:::([^/]+)\// },
  { write: (name) => `https://${name}.s3.amazonaws.com/k`, read: /^https:\/\/([^.]+)\.s3\./ },
  { write: (name) => `{"bucketName":"${name}"}`, read: /"bucketName":"([^"]+)"/ },
  { write: (name) => `arn:aws:iam::123456789012:role/${name}`, read: /:role\/(.+)$/ },
  { write: (name) => `arn:aws:sts::123456789012:assumed-role/${name}/s`, read: /:assumed-role\/([^/]+)\// },
];

const ACTIONS = ["s3:GetObject", "dynamodb:PutItem", "kms:Decrypt", "sqs:SendMessage", "lambda:InvokeFunction"];
const REASONS = [
  "because no identity-based policy allows the ACTION action",
  "because no resource-based policy allows the ACTION action",
  "with an explicit deny in a service control policy",
  "with an explicit deny in a permissions boundary",
  "",
];

describe("redaction, property-based", () => {
  it("leaves no original account id or name in the text", () => {
    fc.assert(
      fc.property(pasteArbitrary, (paste) => {
        const text = pasteText(paste);
        const redacted = createRedactor().redactText(text);
        for (const original of [...paste.names, ...paste.accounts]) {
          if (text.includes(original)) expect(redacted).not.toContain(original);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("masks one name the same way in every form, and two names differently", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nameArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ form: fc.nat(FORMS.length - 1), name: fc.nat() }), { minLength: 2, maxLength: 12 }),
        (names, uses) => {
          const items = uses.map(({ form, name }) => ({
            form: FORMS[form] ?? FORMS[0]!,
            name: names[name % names.length] ?? "",
          }));
          const redacted = createRedactor()
            .redactText(items.map(({ form, name }) => form.write(name)).join(" "))
            .split(" ");
          const masks = items.map(({ form }, index) => form.read.exec(redacted[index] ?? "")?.[1]);
          items.forEach((first, i) =>
            items.forEach((second, j) => expect(masks[i] === masks[j]).toBe(first.name === second.name)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives a generated denial the same diagnosis once redacted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          names: fc.uniqueArray(nameArbitrary, { minLength: 3, maxLength: 3 }),
          accounts: fc.uniqueArray(accountArbitrary, { minLength: 2, maxLength: 2 }),
          action: fc.constantFrom(...ACTIONS),
          reason: fc.constantFrom(...REASONS),
          sameAccount: fc.boolean(),
          lambdaSession: fc.boolean(),
        }),
        async ({ names: [role = "", session = "", resource = ""], accounts: [caller = "", owner = ""], ...facts }) => {
          const resourceAccount = facts.sameAccount ? caller : owner;
          const sessionName = facts.lambdaSession ? session : `botocore-session-${session.length}`;
          const text =
            `An error occurred (AccessDenied) when calling the Op operation: User: arn:aws:sts::${caller}:assumed-role/` +
            `${role}/${sessionName} is not authorized to perform: ${facts.action} on resource: ` +
            `arn:aws:${facts.action.split(":")[0]}:us-east-1:${resourceAccount}:thing/${resource} ` +
            facts.reason.replace("ACTION", facts.action);
          const [original, masked] = await Promise.all([diagnose(text), diagnose(createRedactor().redactText(text))]);
          expect(original.ok && masked.ok).toBe(true);
          if (original.ok && masked.ok) expect(reading(masked.value)).toEqual(reading(original.value));
        },
      ),
      { numRuns: 100 },
    );
  });
});
