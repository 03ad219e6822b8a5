import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const REGION_WORD =
  "arn:aws:sts::xxxxxxxxxxxx:assumed-role/QuicksightEmbedStack-LambdaExecutionRole-5Z4UVE5XMDBG/GetDashboardEmbedURL is not " +
  "authorized to perform: quicksight:GetAuthCode on resource: arn:aws:quicksight:region:xxxxxxxxxxxxxxx:user/default/username";

const MASKED_PART_OF_NAME =
  "API: iam:CreateUser User: arn:aws:iam::<snip>:user/<snip> is not authorized to perform: iam:CreateUser on resource: " +
  "arn:aws:iam::<snip>:user/vault_<region>-18f431c6";

const OTHER_ACCOUNTS_CATALOG =
  "..Admin is not authorized to perform: glue:GetDatabases on resource: arn:aws:glue:us-east-2:913550007193:catalog because " +
  "no resource-based policy allows the glue:GetDatabases action (Service: AmazonDataCatalog; Status Code: 400; Error Code: " +
  "AccessDeniedException...";

const TEXTS = [REGION_WORD, MASKED_PART_OF_NAME, OTHER_ACCOUNTS_CATALOG];
let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(TEXTS.flatMap((text) => actionKeys(parseDenials(text).records)));
});

function findingOf(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  expect(finding).toBeDefined();
  return finding!;
}

describe("values a writer masked in a resource ARN", () => {
  it("a Region written as the word 'region' becomes <REGION>, as the masked account becomes <ACCOUNT_ID>", () => {
    expect(findingOf(REGION_WORD).fix.statement).toMatchObject({
      Resource: "arn:aws:quicksight:<REGION>:<ACCOUNT_ID>:user/default/username",
    });
  });

  it("a name masked in part keeps what it shows, the masked part a wildcard", () => {
    expect(findingOf(MASKED_PART_OF_NAME).fix.statement).toMatchObject({
      Resource: "arn:aws:iam::<ACCOUNT_ID>:user/vault_*-18f431c6",
    });
  });
});

describe("a caller of another account than the resource's", () => {
  it("no resource-based policy allows: the Principal is in the caller's account, never the resource owner's", () => {
    const finding = findingOf(OTHER_ACCOUNTS_CATALOG);
    expect(finding.layer).toBe("resource-policy");
    const principal = (finding.fix.statement?.Principal as { AWS: string }).AWS;
    expect(principal).toBe("arn:aws:iam::<CALLER_ACCOUNT_ID>:role/<ROLE_NAME>");
    expect(finding.fix.notes.join(" ")).toContain("belongs to account 913550007193");
  });
});

const ENDED_SESSION =
  "An error occurred (AccessDeniedException) when calling the TerminateSession operation: User: " +
  "arn:aws:sts::738893429783:assumed-role/AWSReservedSSO_editage-developer-prod-access_0199cd46a537ce07/user is not " +
  "authorized to perform: ssm:TerminateSession on resource: arn:aws:ssm:ap-southeast-1:738893429783:session/user-037a2e2586edc1ad4 " +
  "because no identity-based policy allows the ssm:TerminateSession action";

describe("a resource whose id is made anew for each use", () => {
  beforeAll(async () => {
    catalog = await loadCatalog(actionKeys(parseDenials(ENDED_SESSION).records));
  });

  it("a Session Manager session: the statement names sessions, not the one id that was denied", () => {
    const finding = findingOf(ENDED_SESSION);
    expect(finding.fix.statement).toMatchObject({ Resource: "arn:aws:ssm:ap-southeast-1:738893429783:session/*" });
    expect(finding.fix.notes.join(" ")).toContain("session-manager-plugin");
  });
});
