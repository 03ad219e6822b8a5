import { describe, expect, it } from "vitest";
import { denialRecordOf } from "../testing/denial-record";
import { withServiceOfOperation } from "./operation-owner";

/** A denial whose message named only its call ("when calling the X operation: None"), and maybe a service. */
const calling = (operation: string, service: string | null = null) =>
  denialRecordOf({ kind: "generic-denied", sourceFormat: "aws-cli", excerpt: "", operation, service });

describe("withServiceOfOperation", () => {
  it.each([
    ["UpdateFunctionCode", "lambda:UpdateFunctionCode"],
    ["DescribeJobDefinitions", "batch:DescribeJobDefinitions"],
    ["CreateChangeSet", "cloudformation:CreateChangeSet"],
  ])("names the one service with an IAM action called %s", async (operation, action) => {
    expect(await withServiceOfOperation(calling(operation))).toMatchObject({ service: action.split(":")[0], action });
  });

  it("leaves an operation that several services have, or none, without a service", async () => {
    for (const operation of ["GetObject", "TagResource", "FrobnicateWidget"])
      expect((await withServiceOfOperation(calling(operation))).service).toBeNull();
  });

  it("keeps the service a message named", async () => {
    const record = calling("UpdateFunctionCode", "ec2");
    expect(await withServiceOfOperation(record)).toBe(record);
  });
});
