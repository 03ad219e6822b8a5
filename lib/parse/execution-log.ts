import type { DenialRecord } from "../model";
import { withLocation } from "./text-records";

/**
 * What an API Gateway execution log says beside "Invalid permissions on Lambda function": the function it called
 * ("Endpoint request URI: https://lambda.<region>.amazonaws.com/2015-03-31/functions/<function ARN>/invocations"),
 * the method and resource path ("HTTP Method: GET, Resource Path: /pets/{id}"), and the API and stage of its log
 * group ("API-Gateway-Execution-Logs_<api id>/<stage>"). Each is read with one indexOf and a short anchored match.
 */

const FUNCTION_ARN = /^arn:[\w-]+:lambda:[a-z0-9-]+:\d{12}:function:[\w-]{1,64}(?::[\w$-]{1,128})?$/;
const METHOD_AND_PATH = /^HTTP Method: ([A-Z]{3,7}), Resource Path: (\/[^\s,]{0,1024})/;
const LOG_GROUP = /^API-Gateway-Execution-Logs_(\w{1,32})\/([\w-]{1,128})/;
const INVOCATIONS = "/invocations";
const FUNCTIONS = "/functions/";

function functionArnIn(text: string): string | null {
  const end = text.indexOf(INVOCATIONS);
  if (end === -1) return null;
  const start = text.lastIndexOf(FUNCTIONS, end);
  if (start === -1 || end - start > 300) return null;
  const arn = text.slice(start + FUNCTIONS.length, end);
  return FUNCTION_ARN.test(arn) ? arn : null;
}

function matchAt(text: string, phrase: string, pattern: RegExp): RegExpExecArray | null {
  const at = text.indexOf(phrase);
  return at === -1 ? null : pattern.exec(text.slice(at, at + 1200));
}

/** A resource path as an execute-api ARN writes it: no leading "/", a `{param}` segment matching any value. */
function arnPath(path: string): string {
  return path
    .slice(1)
    .split("/")
    .map((segment) => (segment.startsWith("{") ? "*" : segment))
    .join("/");
}

/** The API Gateway denial with the function, API, stage, method and path its execution log names filled in. */
export function withExecutionLog(record: DenialRecord, text: string): DenialRecord {
  const functionArn = record.resource ? null : functionArnIn(text);
  const request = matchAt(text, "HTTP Method: ", METHOD_AND_PATH);
  const group = matchAt(text, "API-Gateway-Execution-Logs_", LOG_GROUP);
  if (!functionArn && !request && !group) return record;
  const requestValues: Record<string, string> = { ...record.requestValues };
  if (group) {
    requestValues.ApiId = group[1]!;
    requestValues.Stage = group[2]!;
  }
  if (request) {
    requestValues.Method = request[1]!;
    requestValues.ApiSpecificResourcePath = arnPath(request[2]!);
  }
  return withLocation({ ...record, resource: record.resource ?? functionArn, requestValues });
}
