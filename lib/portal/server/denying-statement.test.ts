import { describe, expect, it } from "vitest";
import { statementWithSid } from "./denying-statement";

const DENY = { Sid: "DenyOutsideDeploys", Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: "*" };

describe("statementWithSid", () => {
  it("finds the named statement in a list, a single statement, or the document's JSON text", () => {
    const listed = { Version: "2012-10-17", Statement: [{ Sid: "Other", Effect: "Allow" }, DENY] };
    expect(statementWithSid(listed, "DenyOutsideDeploys")).toEqual(DENY);
    expect(statementWithSid({ Statement: DENY }, "DenyOutsideDeploys")).toEqual(DENY);
    expect(statementWithSid(JSON.stringify(listed), "DenyOutsideDeploys")).toEqual(DENY);
  });

  it("is null for a Sid the document lacks and for anything that is not a policy document", () => {
    expect(statementWithSid({ Statement: [DENY] }, "Missing")).toBeNull();
    for (const document of [null, 42, "not json", { Statement: "x" }, []])
      expect(statementWithSid(document, "DenyOutsideDeploys")).toBeNull();
  });
});
