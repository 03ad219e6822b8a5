import type { TextFormat } from "../model";
import { serviceFromEventSource, serviceFromSdkLabel } from "../iam";
import { anchored, anchorSet, execAnchored, includesAny } from "./anchors";
import { withGapsFilled, type NamedCall } from "./named-call";
import { readSdkFrames } from "./sdk-frames";
import { readTerraformAddress, readTerraformSubject } from "./terraform";
import { readToolLog } from "./tool-logs";

/** What the SDK, CLI or tool wrapped around an AWS error tells us. */
export interface WrapperFacts {
  errorCode: string | null;
  operation: string | null;
  service: string | null;
  sourceFormat: TextFormat | null;
  region: string | null;
  /** The resource a tool named around the error (Terraform's id in parentheses). */
  resource: string | null;
}

// PynamoDB puts the request id and the table between the code and the operation: "… (AccessDeniedException) on request
// (…) on table (orders) when calling the DescribeTable operation".
const CLI = anchored(
  /An error occurred \(([\w.]{1,80})\)(?: on request \([^)]{0,200}\) on table \(([\w.-]{1,255})\))? when calling the (\w{1,80}) operation/,
  "An error occurred (",
);
// SDK v1 names the code; v2 leaves it out of a body-less 403 ("S3Exception: null (Service: S3, Status Code: 403, Request ID: …").
const JAVA = anchored(
  /\(Service: ([^;,)]{1,60})[;,] Status Code: \d{3}[;,] (?:Error Code: ((?:403 )?[\w.]{1,80})|Request ID)/,
  "(Service: ",
);
// Anchored on the comma phrase: "operation error " starts with a letter, and its "o" occurs all over a line. A wrapped
// paste may leave "operation" at the end of the line before.
const GO_OPERATION = anchored(
  /(?:operation )?\berror ([A-Z][\w ]{0,39}): (\w{1,80}), https response error/,
  ", https response error",
);
const GO_API_ERROR = anchored(/api error ([\w.]{1,80}):/, "api error ");
const JS_NAME = anchored(/\bname: ['"]([\w.]{1,80})['"]/, "name: ");
const JSON_ERROR_TYPE = anchored(/"(?:errorType|__type|code|Code)"\s?:\s?"(?:[\w.]{1,80}#)?([\w.]{1,80})"/, '"');
const EXCEPTION_PREFIX = anchored(
  /\b([A-Z][\w.]{1,80}(?:Exception|Error|Denied|Forbidden|Operation))[:\s]/,
  "Exception",
  "Error",
  "Denied",
  "Forbidden",
  "Operation",
);
const XML_CODE = anchored(/<Code>([\w.]{1,80})<\/Code>/, "<Code>");
const REGIONAL_HOST = anchored(/\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com/, ".amazonaws.com");
// A CloudTrail console row copied as text: "… ec2.amazonaws.com  CreateNetworkInterface  Client.UnauthorizedOperation …".
const CLOUDTRAIL_ROW = anchored(
  /\b([a-z0-9-]{2,40})\.amazonaws\.com[ \t]+([A-Z][A-Za-z0-9]{2,80})[ \t]+((?:Client\.)?[A-Z]\w{1,60}(?:Denied|Operation|Exception|Error|Forbidden))\b/,
  ".amazonaws.com",
);

/** A line of a CloudTrail record pasted as text (not whole, so not read as JSON): the call's Region. */
const CLOUDTRAIL_REGION_KEY = anchored(/"awsRegion"\s?:\s?"([a-z]{2}(?:-gov)?-[a-z]+-\d)"/, '"awsRegion"');
/** A CDK environment, `aws://<account>/<region>`: where the stack (and its calls) goes. */
const CDK_ENVIRONMENT = anchored(/aws:\/\/[^\s/]{1,40}\/([a-z]{2}(?:-gov)?-[a-z]+-\d)\b/, "aws://");

const CLOUDFORMATION_PHRASES = anchorSet(
  "Resource handler returned message",
  "CREATE_FAILED",
  "UPDATE_FAILED",
  "UPDATE_ROLLBACK",
);
const PYTHON_PHRASES = anchorSet("botocore", "ClientError:", "Traceback");

function detectFormat(line: string): TextFormat | null {
  if (line.includes("Calling the invoke API action failed")) return "lambda-console";
  if (line.includes("Execution failed due to configuration error")) return "api-gateway-log";
  if (includesAny(line, CLOUDFORMATION_PHRASES)) return "cloudformation";
  if (includesAny(line, PYTHON_PHRASES)) return "sdk-python";
  return null;
}

function knowsCodeAndFormat(facts: WrapperFacts): boolean {
  return facts.errorCode !== null && facts.sourceFormat !== null;
}

/** Reads the error code, operation and service that an SDK or CLI wrapper put around a message. */
export function readWrapper(line: string): WrapperFacts {
  const facts: WrapperFacts = {
    errorCode: null,
    operation: null,
    service: null,
    sourceFormat: detectFormat(line),
    region: null,
    resource: null,
  };
  const cli = execAnchored(CLI, line);
  if (cli) {
    facts.errorCode = cli[1] ?? null;
    facts.operation = cli[3] ?? null;
    if (cli[2]) {
      facts.service = "dynamodb";
      facts.resource = cli[2];
    }
    facts.sourceFormat ??= "aws-cli";
  }
  const java = execAnchored(JAVA, line);
  if (java) {
    facts.service = serviceFromSdkLabel(java[1] ?? "");
    facts.errorCode ??= java[2] ?? null;
    facts.sourceFormat ??= "sdk-java";
  }
  const go = execAnchored(GO_OPERATION, line);
  if (go) {
    facts.service = serviceFromSdkLabel(go[1] ?? "");
    facts.operation ??= go[2] ?? null;
    facts.errorCode ??= execAnchored(GO_API_ERROR, line)?.[1] ?? null;
    facts.sourceFormat ??= "sdk-go";
  }
  fillFromCall(facts, withGapsFilled(readSdkFrames(line) ?? {}, readToolLog(line)));
  // The XML and JavaScript shapes only fill gaps: once code and format are known, they are not looked for.
  const xml = knowsCodeAndFormat(facts) ? null : execAnchored(XML_CODE, line);
  if (xml) {
    facts.errorCode ??= xml[1] ?? null;
    facts.sourceFormat ??= "s3-xml";
  }
  const jsName = knowsCodeAndFormat(facts) ? null : execAnchored(JS_NAME, line);
  if (jsName) {
    facts.errorCode ??= jsName[1] ?? null;
    facts.sourceFormat ??= "sdk-js";
  }
  facts.errorCode ??= execAnchored(JSON_ERROR_TYPE, line)?.[1] ?? null;
  if (!facts.errorCode) {
    const prefix = execAnchored(EXCEPTION_PREFIX, line);
    if (prefix) facts.errorCode = prefix[1] ?? null;
  }
  const row = facts.operation ? null : execAnchored(CLOUDTRAIL_ROW, line);
  if (row) {
    facts.service ??= serviceFromEventSource(row[1] ?? "");
    facts.operation = row[2] ?? null;
    facts.errorCode ??= row[3] ?? null;
  }
  const terraform = readTerraformSubject(line) ?? readTerraformAddress(line);
  if (terraform) {
    facts.service ??= terraform.service;
    facts.operation ??= terraform.operation;
    facts.resource = terraform.resource ?? facts.resource;
    facts.sourceFormat ??= "terraform";
  }
  facts.region =
    execAnchored(REGIONAL_HOST, line)?.[1] ??
    execAnchored(CDK_ENVIRONMENT, line)?.[1] ??
    execAnchored(CLOUDTRAIL_REGION_KEY, line)?.[1] ??
    null;
  return facts;
}

function fillFromCall(facts: WrapperFacts, call: NamedCall): void {
  facts.operation ??= call.operation ?? null;
  facts.service ??= call.service ?? null;
  facts.resource ??= call.resource ?? null;
  facts.errorCode ??= call.errorCode ?? null;
  facts.sourceFormat ??= call.sourceFormat ?? null;
}

/** Fills the gaps in `facts` from a neighbouring line's wrapper (multi-line tracebacks, XML). */
export function mergeWrapper(facts: WrapperFacts, fallback: WrapperFacts): WrapperFacts {
  return {
    errorCode: facts.errorCode ?? fallback.errorCode,
    operation: facts.operation ?? fallback.operation,
    service: facts.service ?? fallback.service,
    sourceFormat: facts.sourceFormat ?? fallback.sourceFormat,
    region: facts.region ?? fallback.region,
    resource: facts.resource ?? fallback.resource,
  };
}
