import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { fuzzRuns, withinInputBudget } from "../testing/fuzz";
import { shellWord } from "./shell";

/** How the shell reads each character of a command line. */
type Context = "bare" | "single" | "double" | "escaped" | "comment";

/** A POSIX shell's quoting rules, enough to tell for each character whether anything could expand or split it. */
function contexts(command: string): Context[] {
  const out: Context[] = [];
  let state: "bare" | "single" | "double" | "comment" = "bare";
  let atWordStart = true;
  for (let index = 0; index < command.length; index++) {
    const char = command[index]!;
    if (state === "single") {
      out.push(char === "'" ? "bare" : "single");
      if (char === "'") state = "bare";
    } else if (state === "double") {
      out.push("double");
      if (char === "\\") {
        out.push("escaped");
        index++;
      } else if (char === '"') state = "bare";
    } else if (state === "comment") {
      out.push(char === "\n" ? "bare" : "comment");
      if (char === "\n") {
        state = "bare";
        atWordStart = true;
      }
    } else if (char === "#" && atWordStart) {
      out.push("comment");
      state = "comment";
    } else {
      out.push("bare");
      if (char === "\\") {
        out.push("escaped");
        index++;
      } else if (char === "'") state = "single";
      else if (char === '"') state = "double";
      atWordStart = /[\s;|&()<>]/.test(char);
    }
  }
  return out;
}

/** The words a shell splits `command` into, for commands without expansions (what shellWord must give). */
function words(command: string): string[] {
  const kinds = contexts(command);
  const found: string[] = [];
  let current: string | null = null;
  for (let index = 0; index < command.length; index++) {
    const char = command[index]!;
    const kind = kinds[index]!;
    const syntax = kind === "bare" && (char === "'" || char === "\\");
    if (kind === "bare" && /\s/.test(char)) {
      if (current !== null) found.push(current);
      current = null;
    } else if (!syntax) current = (current ?? "") + char;
    else current ??= "";
  }
  if (current !== null) found.push(current);
  return found;
}

/** Characters that mean something to a shell outside quotes. */
const SPECIAL = [
  ";",
  "|",
  "&",
  "$(",
  "`",
  "'",
  '"',
  " ",
  "\n",
  ">",
  "<",
  "*",
  "?",
  "$",
  "\\",
  "(",
  ")",
  "{",
  "}",
  "#",
  "~",
  "!",
];
const MARK = "PWN";
const payload = fc.constantFrom(...SPECIAL).map((special) => `${MARK}${special}${MARK}`);

describe("shellWord", () => {
  it("turns any string into exactly one shell word that no shell expands", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        const word = shellWord(value);
        expect(words(word)).toEqual([value]);
        contexts(word).forEach((kind, index) => {
          if (kind === "bare") expect(/[A-Za-z0-9_@%+=:,./<>'-]/.test(word[index]!)).toBe(true);
        });
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it("leaves plain names and whole placeholders as they are", () => {
    expect(shellWord("arn:aws:iam::123456789012:role/app-role")).toBe("arn:aws:iam::123456789012:role/app-role");
    expect(shellWord("<BUCKET_NAME>")).toBe("<BUCKET_NAME>");
    expect(shellWord("arn:aws:iam::<ACCOUNT_ID>:role/x")).toBe("'arn:aws:iam::<ACCOUNT_ID>:role/x'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});

const SERVICES = ["sqs", "s3", "kms", "lambda", "secretsmanager", "sns", "execute-api", "ec2", "sts", "iam"];
const LAYERS = [
  "because no resource-based policy allows the",
  "because no identity-based policy allows the",
  "with an explicit deny in a service control policy",
  "because no VPC endpoint policy allows the",
  "with an explicit deny in a permissions boundary",
  "because no session policy allows the",
];

/** A denied CloudTrail record whose names, Region and operation may be hostile. */
const hostileRecord = fc
  .record({
    service: fc.constantFrom(...SERVICES),
    region: fc.oneof(fc.constant("eu-west-1"), payload),
    role: fc.oneof(fc.constant("app-role"), payload),
    resourceName: fc.oneof(fc.constant("orders"), payload),
    operation: fc.oneof(fc.constant("SendMessage"), payload),
    layer: fc.constantFrom(...LAYERS),
    encoded: fc.oneof(
      fc.constant(""),
      payload.map((text) => ` Encoded authorization failure message: ${text}`),
    ),
  })
  .map(({ service, region, role, resourceName, operation, layer, encoded }) => {
    const principal = `arn:aws:sts::123456789012:assumed-role/${role}/session`;
    const resource = `arn:aws:${service}:${region}:123456789012:${resourceName}`;
    const action = `${service}:${operation}`;
    return JSON.stringify({
      eventSource: `${service}.amazonaws.com`,
      eventName: operation,
      awsRegion: region,
      recipientAccountId: "123456789012",
      errorCode: "AccessDenied",
      errorMessage: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${layer} ${action} action${encoded}`,
      userIdentity: { type: "AssumedRole", arn: principal, accountId: "123456789012" },
      resources: [{ ARN: resource }],
    });
  });

describe("suggested commands built from hostile input", () => {
  it("hold every hostile value inside single quotes (or a comment), so it cannot run, expand or redirect", async () => {
    await fc.assert(
      fc.asyncProperty(hostileRecord, async (text) => {
        const result = await withinInputBudget(() => diagnose(text));
        if (!result.ok) return;
        for (const finding of result.value.findings) {
          for (const { fix } of finding.candidates) {
            const kinds = contexts(fix.cli);
            for (const special of SPECIAL) {
              const injected = `${MARK}${special}${MARK}`;
              for (let at = fix.cli.indexOf(injected); at !== -1; at = fix.cli.indexOf(injected, at + 1)) {
                const around = kinds.slice(at, at + injected.length);
                expect(
                  around.every((kind) => kind === "single" || kind === "comment"),
                  fix.cli,
                ).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
