import { actionKeys, diagnoseParsed } from "../lib/diagnose";
import { loadCatalog } from "../lib/iam/load-catalog";
import { parseDenials } from "../lib/parse";
import { generateMessages } from "./messages";

export interface ThroughputResult {
  messages: number;
  findings: number;
  seconds: number;
  messagesPerSecond: number;
}

/** Parse + classify + fix over a generated mix, one message at a time, on one core. */
export async function measureDiagnoseThroughput(count: number): Promise<ThroughputResult> {
  const messages = generateMessages(count);
  const catalog = await loadCatalog(messages.slice(0, 2000).flatMap((text) => actionKeys(parseDenials(text).records)));
  for (const text of messages.slice(0, 2000)) diagnoseParsed(parseDenials(text), catalog);
  let findings = 0;
  const started = process.hrtime.bigint();
  for (const text of messages) findings += diagnoseParsed(parseDenials(text), catalog).findings.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { messages: count, findings, seconds, messagesPerSecond: count / seconds };
}
