import type { Subject } from "../iam";
import type { DenialRecord, FixDraft } from "../model";
import { ownEntry } from "../own";
import { shellWord, singleQuoted } from "./shell";

type LakeFormationRecord = Extract<DenialRecord, { kind: "lake-formation" }>;

/** What a grant is made on: Lake Formation's four kinds of Data Catalog resource. */
type GrantTarget =
  | { kind: "catalog" }
  | { kind: "database"; database: string }
  | { kind: "table"; database: string; table: string }
  | { kind: "data-location"; arn: string };

/** The permission a Glue call needs, for the calls whose permission Lake Formation's reference names. */
const PERMISSION_OF_GLUE_ACTION: Record<string, string> = {
  CreateDatabase: "CREATE_DATABASE",
  CreateTable: "CREATE_TABLE",
  GetDatabase: "DESCRIBE",
  GetDatabases: "DESCRIBE",
  GetTable: "DESCRIBE",
  GetTables: "DESCRIBE",
  GetTableVersions: "DESCRIBE",
  SearchTables: "DESCRIBE",
  UpdateDatabase: "ALTER",
  UpdateTable: "ALTER",
  DeleteDatabase: "DROP",
  DeleteTable: "DROP",
};

/** Permissions granted on a database (or the catalog) rather than on a table. */
const DATABASE_PERMISSIONS = new Set(["CREATE_TABLE"]);
const DATABASE_CALLS = new Set(["GetDatabase", "GetDatabases", "UpdateDatabase", "DeleteDatabase"]);

function permissionOf(record: LakeFormationRecord): string | null {
  if (record.requiredPermission) return record.requiredPermission;
  const call = record.action?.split(":")[1];
  return call ? (ownEntry(PERMISSION_OF_GLUE_ACTION, call) ?? null) : null;
}

function s3ArnOf(location: string): string {
  return location.startsWith("s3://") ? `arn:aws:s3:::${location.slice("s3://".length)}` : location;
}

function grantTargetOf(record: LakeFormationRecord, permission: string | null, name: string): GrantTarget {
  if (permission === "CREATE_DATABASE") return { kind: "catalog" };
  if (record.resource?.startsWith("s3://") || record.resource?.startsWith("arn:aws:s3:::"))
    return { kind: "data-location", arn: s3ArnOf(record.resource) };
  const database = record.databaseName ?? "<DATABASE>";
  const call = record.action?.split(":")[1] ?? "";
  const onDatabase =
    (permission !== null && DATABASE_PERMISSIONS.has(permission)) ||
    DATABASE_CALLS.has(call) ||
    (record.databaseName !== null && record.databaseName === record.resource);
  return onDatabase ? { kind: "database", database } : { kind: "table", database, table: name };
}

function describe(target: GrantTarget): string {
  switch (target.kind) {
    case "catalog":
      return "the Data Catalog";
    case "database":
      return `database ${target.database}`;
    case "table":
      return `table ${target.database}.${target.table}`;
    case "data-location":
      return `data location ${target.arn}`;
  }
}

function cliResource(target: GrantTarget): string {
  switch (target.kind) {
    case "catalog":
      return JSON.stringify({ Catalog: {} });
    case "database":
      return JSON.stringify({ Database: { Name: target.database } });
    case "table":
      return JSON.stringify({ Table: { DatabaseName: target.database, Name: target.table } });
    case "data-location":
      return JSON.stringify({ DataLocation: { ResourceArn: target.arn } });
  }
}

function terraformResource(target: GrantTarget): string {
  switch (target.kind) {
    case "catalog":
      return "  catalog_resource = true";
    case "database":
      return `  database {\n    name = "${target.database}"\n  }`;
    case "table":
      return `  table {\n    database_name = "${target.database}"\n    name          = "${target.table}"\n  }`;
    case "data-location":
      return `  data_location {\n    arn = "${target.arn}"\n  }`;
  }
}

function templateResource(target: GrantTarget, account: string): string {
  switch (target.kind) {
    case "catalog":
      return "    Catalog: {}";
    case "database":
      return `    Database:\n      CatalogId: "${account}"\n      Name: ${target.database}`;
    case "table":
      return `    Table:\n      CatalogId: "${account}"\n      DatabaseName: ${target.database}\n      Name: ${target.table}`;
    case "data-location":
      return `    DataLocation:\n      CatalogId: "${account}"\n      ResourceArn: ${target.arn}`;
  }
}

/**
 * Lake Formation refuses with its own grants, whatever IAM and Glue's resource policy allow: the fix is the grant a
 * data lake administrator makes, with the permission the message (or the call) names, on the resource it is
 * granted on (CREATE_DATABASE on the catalog, CREATE_TABLE on a database, the rest on a table).
 */
export function lakeFormationGrantFix(record: LakeFormationRecord, subject: Subject): FixDraft {
  const permission = permissionOf(record);
  const permissionWord = permission ?? "<PERMISSION>";
  const target = grantTargetOf(record, permission, subject.resourceName);
  const where = describe(target);
  const principal = subject.principalArn;
  return {
    layer: "resource-policy",
    title: `Ask a data lake administrator to grant ${permissionWord} on ${where} in Lake Formation`,
    owner: "resource-owner",
    statement: null,
    additionalStatements: [],
    target: `Lake Formation permissions on ${where} (not an IAM or Glue policy)`,
    cli:
      `aws lakeformation list-permissions --principal ${shellWord(`DataLakePrincipalIdentifier=${principal}`)}\n` +
      `aws lakeformation grant-permissions --principal ${shellWord(`DataLakePrincipalIdentifier=${principal}`)} ` +
      `--permissions ${permissionWord} --resource ${singleQuoted(cliResource(target))}`,
    terraform:
      `resource "aws_lakeformation_permissions" "this" {\n  principal   = "${principal}"\n` +
      `  permissions = ["${permissionWord}"]\n${terraformResource(target)}\n}`,
    sam:
      `Type: AWS::LakeFormation::PrincipalPermissions\nProperties:\n  Principal:\n    DataLakePrincipalIdentifier: ${principal}\n` +
      `  Permissions: [${permissionWord}]\n  PermissionsWithGrantOption: []\n  Resource:\n${templateResource(target, subject.account)}`,
    consoleUrl: null,
    requestText: `Please grant ${principal} the Lake Formation permission ${permissionWord} on ${where}.`,
    notes: [
      ...(permission === null
        ? [
            "The message names no permission: DESCRIBE lets the caller see a database or table, SELECT read a table's " +
              "data, INSERT and DELETE change it, ALTER and DROP change or remove the definition, CREATE_TABLE (on the " +
              "database) create tables in it.",
          ]
        : []),
      "Creating a table on a registered S3 location also needs DATA_LOCATION_ACCESS on that location, and the " +
        "caller's IAM policy needs lakeformation:GetDataAccess and the Glue action.",
    ],
  };
}
