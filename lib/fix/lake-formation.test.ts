import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { subjectOf } from "../iam";
import { parseDenials } from "../parse";
import { lakeFormationGrantFix } from "./lake-formation";

function grantFix(text: string) {
  const [record] = parseDenials(text).records;
  if (record?.kind !== "lake-formation") throw new Error(`no Lake Formation denial in: ${text}`);
  return lakeFormationGrantFix(record, subjectOf(record));
}

describe("the Lake Formation grant a refusal needs", () => {
  it("grants CREATE_TABLE on the database the message names", () => {
    const fix = grantFix(
      "Insufficient Lake Formation permission(s): Required Create Table on analytics (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException)",
    );
    expect(fix.cli).toContain(`--permissions CREATE_TABLE --resource '{"Database":{"Name":"analytics"}}'`);
    expect(fix.terraform).toContain('database {\n    name = "analytics"\n  }');
    expect(fix.statement).toBeNull();
  });

  it("grants CREATE_DATABASE on the catalog", () => {
    const fix = grantFix(
      "Insufficient Lake Formation permission(s): Required Create Database on Catalog (Service: AWSGlue; Status Code: 400; Proxy: null)",
    );
    expect(fix.cli).toContain(`--permissions CREATE_DATABASE --resource '{"Catalog":{}}'`);
    expect(fix.terraform).toContain("catalog_resource = true");
    expect(fix.sam).toContain("Catalog: {}");
  });

  it("names the permission Lake Formation calls it (DESCRIBE for GetTable), never the Glue call's name", () => {
    const fix = grantFix(
      "An error occurred (AccessDeniedException) when calling the GetTable operation: Insufficient Lake Formation permission(s) on orders",
    );
    expect(fix.cli).toContain("--permissions DESCRIBE");
    expect(fix.cli).not.toContain("GET_TABLE");
    expect(fix.cli).toContain(`{"Table":{"DatabaseName":"<DATABASE>","Name":"orders"}}`);
  });

  it("takes a permission the message requires as it is, and a database named as the target as a database", () => {
    const required = grantFix("Insufficient Lake Formation permission(s): Required Describe on orders");
    expect(required.cli).toContain("--permissions DESCRIBE");
    const database = grantFix(
      "Insufficient Lake Formation permission(s) on sales-db (Database name: sales-db) (Service: AWSGlue; Status Code: 400)",
    );
    expect(database.cli).toContain(`{"Database":{"Name":"sales-db"}}`);
    expect(database.cli).toContain("--permissions <PERMISSION>");
    expect(database.notes.join(" ")).toMatch(/names no permission/);
  });

  it("is confirmed by listing the caller's Lake Formation permissions, not by reading a resource policy", async () => {
    const diagnosis = await diagnose("Insufficient Lake Formation permission(s): Required Describe on orders");
    const [finding] = diagnosis.ok ? diagnosis.value.findings : [];
    expect(finding?.candidates[0]?.checks[0]?.command).toContain("aws lakeformation list-permissions");
  });
});
