import { cpus, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import { measureDiagnoseThroughput } from "./diagnose-throughput";

const MESSAGES = 100_000;
const TARGET = 50_000;

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

async function main(): Promise<void> {
  console.log(`Diagnosing ${MESSAGES.toLocaleString("en")} generated messages on one core…`);
  const result = await measureDiagnoseThroughput(MESSAGES);
  const rate = Math.round(result.messagesPerSecond);
  console.log(`${rate.toLocaleString("en")} messages/s (${result.seconds.toFixed(2)} s, ${result.findings.toLocaleString("en")} findings)`);
  const report = `# Benchmarks

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (\`tsx bench/run.ts\`).

Machine: ${machine()}.

## Paste diagnosis: parse + classify + fix

A deterministic mix of ${MESSAGES.toLocaleString("en")} messages (\`bench/messages.ts\`: 80% IAM "not authorized" sentences in CLI, Go, Java, JSON-log and bare wrappers with every reason variant; 20% bare S3, API Gateway, Lambda VPC, Lambda KMS and HEAD 403 messages), diagnosed one at a time in one thread, including every candidate's fix (policy JSON, CLI, Terraform, SAM). The IAM catalog is loaded and the code warmed up on 2,000 messages before timing.

| messages | findings | seconds | messages/s | target |
| ---: | ---: | ---: | ---: | ---: |
| ${MESSAGES.toLocaleString("en")} | ${result.findings.toLocaleString("en")} | ${result.seconds.toFixed(2)} | **${rate.toLocaleString("en")}** | ${TARGET.toLocaleString("en")} ${rate >= TARGET ? "(met)" : "(not met)"} |
`;
  writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), report);
  console.log("Wrote BENCHMARKS.md");
}

await main();
