import type { SourceFormat } from "../model";
import { serviceFromSdkLabel } from "../iam/operations";

/** What the SDK, CLI or tool wrapped around an AWS error tells us. */
export interface WrapperFacts {
  errorCode: string | null;
  operation: string | null;
  service: string | null;
  sourceFormat: SourceFormat | null;
  region: string | null;
}

const CLI = /An error occurred \(([\w.]{1,80})\) when calling the (\w{1,80}) operation/;
const JAVA = /\(Service: ([^;,)]{1,60})[;,] Status Code: \d{3}[;,] Error Code: ([\w.]{1,80})/;
const GO_OPERATION = /operation error ([\w ]{1,40}): (\w{1,80}), https response error/;
const GO_API_ERROR = /api error ([\w.]{1,80}):/;
const JS_NAME = /\bname: ['"]([\w.]{1,80})['"]/;
const JSON_ERROR_TYPE = /"(?:errorType|__type|code|Code)"\s?:\s?"(?:[\w.]{1,80}#)?([\w.]{1,80})"/;
const EXCEPTION_PREFIX = /\b([A-Z][\w.]{1,80}(?:Exception|Error|Denied|Forbidden|Operation))[:\s]/;
const XML_CODE = /<Code>([\w.]{1,80})<\/Code>/;
const REGIONAL_HOST = /\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com/;

function detectFormat(line: string): SourceFormat | null {
  if (line.includes("Calling the invoke API action failed")) return "lambda-console";
  if (line.includes("Execution failed due to configuration error")) return "api-gateway-log";
  if (/Resource handler returned message|CREATE_FAILED|UPDATE_FAILED|UPDATE_ROLLBACK/.test(line)) return "cloudformation";
  if (/botocore|ClientError:|Traceback/.test(line)) return "sdk-python";
  return null;
}

/** Reads the error code, operation and service that an SDK or CLI wrapper put around a message. */
export function readWrapper(line: string): WrapperFacts {
  const facts: WrapperFacts = { errorCode: null, operation: null, service: null, sourceFormat: detectFormat(line), region: null };
  const cli = CLI.exec(line);
  if (cli) {
    facts.errorCode = cli[1] ?? null;
    facts.operation = cli[2] ?? null;
    facts.sourceFormat ??= "aws-cli";
  }
  const java = JAVA.exec(line);
  if (java) {
    facts.service = serviceFromSdkLabel(java[1] ?? "");
    facts.errorCode ??= java[2] ?? null;
    facts.sourceFormat ??= "sdk-java";
  }
  const go = GO_OPERATION.exec(line);
  if (go) {
    facts.service = serviceFromSdkLabel(go[1] ?? "");
    facts.operation ??= go[2] ?? null;
    facts.errorCode ??= GO_API_ERROR.exec(line)?.[1] ?? null;
    facts.sourceFormat ??= "sdk-go";
  }
  const xml = XML_CODE.exec(line);
  if (xml) {
    facts.errorCode ??= xml[1] ?? null;
    facts.sourceFormat ??= "s3-xml";
  }
  const jsName = JS_NAME.exec(line);
  if (jsName) {
    facts.errorCode ??= jsName[1] ?? null;
    facts.sourceFormat ??= "sdk-js";
  }
  facts.errorCode ??= JSON_ERROR_TYPE.exec(line)?.[1] ?? null;
  if (!facts.errorCode) {
    const prefix = EXCEPTION_PREFIX.exec(line);
    if (prefix) facts.errorCode = prefix[1] ?? null;
  }
  facts.region = REGIONAL_HOST.exec(line)?.[1] ?? null;
  return facts;
}

/** Fills the gaps in `facts` from a neighbouring line's wrapper (multi-line tracebacks, XML). */
export function mergeWrapper(facts: WrapperFacts, fallback: WrapperFacts): WrapperFacts {
  return {
    errorCode: facts.errorCode ?? fallback.errorCode,
    operation: facts.operation ?? fallback.operation,
    service: facts.service ?? fallback.service,
    sourceFormat: facts.sourceFormat ?? fallback.sourceFormat,
    region: facts.region ?? fallback.region,
  };
}
