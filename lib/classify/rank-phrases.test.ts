import { describe, expect, it } from "vitest";
import { subjectOf } from "../iam";
import { parseDenials } from "../parse";
import { checksFor } from "./checks";
import { rankLayers } from "./rank";

function layersOf(text: string): string[] {
  const [record] = parseDenials(text).records;
  expect(record).toBeDefined();
  return rankLayers(record!).map((candidate) => candidate.layer);
}

describe("CloudFormation's bare 'API: s3:… Access Denied' row", () => {
  it("keeps an organization's SCP among the candidates, the stack's role first", () => {
    for (const text of [
      "An error occurred: ServerlessDeploymentBucket - API: s3:SetBucketEncryption Access Denied.",
      "API: s3:PutBucketPolicy Access Denied",
      "LoggingBucket CREATE_FAILED API: s3:PutBucketVersioning Access Denied",
    ]) {
      expect(layersOf(text)).toContain("scp");
    }
    expect(layersOf("API: s3:PutBucketVersioning Access Denied")[0]).toBe("execution-role");
  });
});

describe("Bedrock's refusal with a prompt resource", () => {
  it("is not answered as the account's model access", () => {
    for (const text of [
      "AccessDeniedException: Your account is not authorized to invoke this API operation with a prompt resource.",
      "An error occurred (AccessDeniedException) when calling the InvokeModel operation: Your account is not " +
        "authorized to invoke this API operation with a prompt resource.",
    ]) {
      const layers = layersOf(text);
      expect(layers).not.toContain("account-setting");
      expect(layers.slice(0, 2)).toEqual(["execution-role", "scp"]);
    }
    const modelAccess =
      "An error occurred (AccessDeniedException) when calling the InvokeModel operation: Your account is not " +
      "authorized to invoke this API operation.";
    expect(layersOf(modelAccess)[0]).toBe("account-setting");
  });
});

describe("a service refused the role it was given", () => {
  it("leads with the trust policy for the service, the Region the call went to next", () => {
    for (const text of [
      "The principal states.amazonaws.com is not authorized to assume the provided role.",
      "An error occurred (AccessDeniedException) when calling the StartExecution operation: The principal " +
        "states.amazonaws.com is not authorized to assume the provided role.",
    ]) {
      expect(layersOf(text).slice(0, 2)).toEqual(["trust-policy", "unknown"]);
    }
  });
});

describe("the trust-policy check when a service was refused a role the message does not name", () => {
  it("reads the role's trust policy by a placeholder, never by the service principal's name", () => {
    for (const text of [
      "The principal states.amazonaws.com is not authorized to assume the provided role.",
      "The execution role you provide must allow AWS EventBridge Scheduler to assume the role.",
    ]) {
      const [record] = parseDenials(text).records;
      const commands = checksFor("trust-policy", record!, subjectOf(record!)).map((check) => check.command);
      expect(commands.join("\n")).toContain("get-role --role-name <ROLE_NAME>");
      expect(commands.join("\n")).not.toContain("--role-name states.amazonaws.com");
      expect(commands.join("\n")).not.toContain("--role-name scheduler.amazonaws.com");
    }
  });

  it("keeps the role the message names", () => {
    const [record] = parseDenials(
      "Provided role 'arn:aws:iam::123456789012:role/theRole' cannot be assumed by principal 'events.amazonaws.com'.",
    ).records;
    const commands = checksFor("trust-policy", record!, subjectOf(record!)).map((check) => check.command);
    expect(commands.join("\n")).toContain("get-role --role-name theRole");
  });
});
