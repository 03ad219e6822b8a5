import type { DenialRecord, FixDraft } from "../model";
import { consoleUrl, isAccountId, parseArn } from "../iam";
import type { Subject } from "../iam";
import { identifier, hclQuote, sid, toYaml } from "./render";
import { shellWord } from "./shell";

interface Invoker {
  principal: string;
  policyPrincipal: Record<string, string>;
  sourceArn: string | null;
  sourceAccount: string | null;
  describe: string;
}

/**
 * The API methods the permission lets in: the API, stage, method and path its execution log named (any stage
 * when the log names none), else every method of the API.
 */
function apiSourcePath(record: DenialRecord): string {
  const values = record.requestValues ?? {};
  const api = values.ApiId ?? "<API_ID>";
  const method = values.Method;
  if (!method) return `${api}/*`;
  const path = values.ApiSpecificResourcePath;
  return `${api}/${values.Stage ?? "*"}/${method}/${path ?? "*"}`;
}

/** Who is knocking on the function's door, from the kind of denial. */
function invokerOf(record: DenialRecord, subject: Subject): Invoker {
  if (record.kind === "apigw-invalid-permissions") {
    return {
      principal: "apigateway.amazonaws.com",
      policyPrincipal: { Service: "apigateway.amazonaws.com" },
      sourceArn: `arn:${subject.partition}:execute-api:${subject.region}:${subject.account}:${apiSourcePath(record)}`,
      sourceAccount: null,
      describe: "API Gateway",
    };
  }
  if (record.kind === "s3-notification-destination") {
    return {
      principal: "s3.amazonaws.com",
      policyPrincipal: { Service: "s3.amazonaws.com" },
      sourceArn: `arn:${subject.partition}:s3:::<BUCKET_NAME>`,
      sourceAccount: subject.account,
      describe: "Amazon S3 event notifications",
    };
  }
  return {
    principal: subject.principalArn,
    policyPrincipal: { AWS: subject.principalArn },
    sourceArn: null,
    sourceAccount: null,
    describe: `${subject.identityKind} ${subject.identityName}`,
  };
}

/** The function's name, ARN and account (when its ARN names one), from its ARN or, failing that, placeholders. */
function functionOf(record: DenialRecord, subject: Subject): { name: string; arn: string; account: string | null } {
  const arn = record.resource ? parseArn(record.resource) : null;
  if (arn?.service === "lambda") {
    const name = arn.resource.replace(/^function:/, "");
    return { name, arn: record.resource!, account: isAccountId(arn.account) ? arn.account : null };
  }
  return {
    name: "<FUNCTION_NAME>",
    arn: `arn:${subject.partition}:lambda:${subject.region}:${subject.account}:function:<FUNCTION_NAME>`,
    account: null,
  };
}

/** Lambda's invoke actions, which `add-permission` grants; a layer's or a function's configuration is another policy. */
const INVOKE_ACTIONS = new Set(["lambda:invokefunction", "lambda:invokeasync", "lambda:invokefunctionurl"]);

/** True when the denied call is an inbound call to a Lambda function, whose resource policy `add-permission` edits. */
export function invokesLambda(record: DenialRecord): boolean {
  return (
    (record.service === "lambda" && (record.action === null || INVOKE_ACTIONS.has(record.action.toLowerCase()))) ||
    record.kind === "apigw-invalid-permissions" ||
    (record.kind === "s3-notification-destination" && record.service === "lambda")
  );
}

/** The resource-policy fix for an inbound call: `lambda add-permission` for the caller. */
export function lambdaPermissionFix(record: DenialRecord, subject: Subject): FixDraft {
  const invoker = invokerOf(record, subject);
  const fn = functionOf(record, subject);
  const statementId = `whydenied-${identifier(invoker.principal.split("/").pop() ?? "caller", "-")}`;
  const condition: Record<string, unknown> = {};
  if (invoker.sourceArn) condition.ArnLike = { "AWS:SourceArn": invoker.sourceArn };
  if (invoker.sourceAccount) condition.StringEquals = { "AWS:SourceAccount": invoker.sourceAccount };
  const statement = {
    Sid: sid("Allow", invoker.describe, "Invoke"),
    Effect: "Allow",
    Principal: invoker.policyPrincipal,
    Action: "lambda:InvokeFunction",
    Resource: fn.arn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
  const sourceFlags = [
    invoker.sourceArn ? ` --source-arn ${shellWord(invoker.sourceArn)}` : "",
    invoker.sourceAccount ? ` --source-account ${shellWord(invoker.sourceAccount)}` : "",
  ].join("");
  const terraformSource = [
    invoker.sourceArn ? `\n  source_arn     = ${hclQuote(invoker.sourceArn)}` : "",
    invoker.sourceAccount ? `\n  source_account = ${hclQuote(invoker.sourceAccount)}` : "",
  ].join("");
  const permission = {
    Type: "AWS::Lambda::Permission",
    Properties: {
      Action: "lambda:InvokeFunction",
      FunctionName: fn.name,
      Principal: invoker.principal,
      ...(invoker.sourceArn ? { SourceArn: invoker.sourceArn } : {}),
      ...(invoker.sourceAccount ? { SourceAccount: invoker.sourceAccount } : {}),
    },
  };
  const notes = [
    "Permissions apply to the function, a version or an alias separately: add the qualifier (--qualifier) if the caller invokes an alias.",
  ];
  const callerAccount = invoker.policyPrincipal.AWS ? (subject.principal?.account ?? null) : null;
  const crossAccount = fn.account !== null && callerAccount !== null && fn.account !== callerAccount;
  if (crossAccount) {
    notes.push(
      `Function ${fn.name} belongs to account ${fn.account}: run the command with that account's credentials, or send its owner this fix.`,
      `Across accounts the caller's own ${subject.identityKind} must also allow lambda:InvokeFunction on this function.`,
    );
  }
  if (invoker.sourceArn?.includes("<"))
    notes.push("Replace the <placeholders> in --source-arn so only your API / bucket may invoke the function.");
  return {
    layer: "resource-policy",
    title: `Let ${invoker.describe} invoke function ${fn.name}`,
    owner: crossAccount ? "resource-owner" : "you",
    statement,
    additionalStatements: [],
    target: `resource-based policy of Lambda function ${fn.name}`,
    cli:
      `aws lambda add-permission --function-name ${shellWord(fn.name)} --statement-id ${shellWord(statementId)} ` +
      `--action lambda:InvokeFunction --principal ${shellWord(invoker.principal)}${sourceFlags} ` +
      `--region ${shellWord(subject.region)}`,
    terraform:
      `resource "aws_lambda_permission" "${identifier(statementId)}" {\n` +
      `  statement_id   = ${hclQuote(statementId)}\n  action         = "lambda:InvokeFunction"\n` +
      `  function_name  = ${hclQuote(fn.name)}\n  principal      = ` +
      `${hclQuote(invoker.principal)}${terraformSource}\n}`,
    sam: `# CloudFormation / SAM\n${toYaml({ WhyDeniedInvokePermission: permission })}`,
    consoleUrl: consoleUrl(
      { partition: subject.partition, region: subject.region },
      `/lambda/home?region=${subject.region}#/functions/${encodeURIComponent(fn.name)}?tab=permissions`,
    ),
    requestText: null,
    notes,
  };
}
