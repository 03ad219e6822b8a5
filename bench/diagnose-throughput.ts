import { actionKeys, diagnoseParsed } from "../lib/diagnose";
import { loadCatalog } from "../lib/catalog";
import { parseDenials } from "../lib/parse";
import { generateMessages } from "./messages";
import { tableRow, type BenchSection } from "./report";

const MESSAGES = 100_000;
const TARGET = 50_000;

interface ThroughputResult {
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

export const diagnoseThroughputSection: BenchSection = {
  id: "paste",
  async run() {
    console.log(`Diagnosing ${MESSAGES.toLocaleString("en")} generated messages on one core…`);
    const result = await measureDiagnoseThroughput(MESSAGES);
    const rate = Math.round(result.messagesPerSecond);
    console.log(
      `${rate.toLocaleString("en")} messages/s (${result.seconds.toFixed(2)} s, ${result.findings.toLocaleString("en")} findings)`,
    );
    return `## Paste diagnosis: parse + classify + fix

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- paste\`.

A deterministic mix of ${MESSAGES.toLocaleString("en")} messages (\`bench/messages.ts\`: 80% IAM "not authorized"
sentences in CLI, Go, Java, JSON-log and bare wrappers with every reason variant; 20% bare S3, API Gateway, Lambda VPC,
Lambda KMS and HEAD 403 messages), diagnosed one at a time in one thread, including every candidate's fix (policy JSON,
CLI, Terraform, SAM). The IAM catalog is loaded and the code warmed up on 2,000 messages before timing.

| messages | findings | seconds | messages/s | target |
| ---: | ---: | ---: | ---: | ---: |
${tableRow([
  MESSAGES.toLocaleString("en"),
  result.findings.toLocaleString("en"),
  result.seconds.toFixed(2),
  `**${rate.toLocaleString("en")}**`,
  `${TARGET.toLocaleString("en")} ${rate >= TARGET ? "(met)" : "(not met)"}`,
])}`;
  },
};
