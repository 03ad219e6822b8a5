import { loadavg } from "node:os";
import type { BenchSection } from "./report";
import { ensureTrailFile, type TrailFile } from "./trail-file";
import { JQ_FILTER, jqVersion, measureJq, measurePipeline, type JqRun, type Measured } from "./trail-measure";
import type { PipelineRun } from "./trail-pipeline";
import { DENIAL_SHARE, OTHER_ERROR_SHARE } from "./trail-records";

const SPEC = { records: 1_000_000, recordsPerFile: 1_000, seed: 7 };
/** A tenth of the file, to show that peak memory does not follow the file's size. */
const SMALL_SPEC = { ...SPEC, records: SPEC.records / 10 };
const PIPELINE_RUNS = 3;
const JQ_RUNS = 2;
const RSS_TARGET_BYTES = 300e6;

const count = (value: number) => Math.round(value).toLocaleString("en");
const megabytes = (bytes: number) => `${count(bytes / 1e6)} MB`;
const load = () => loadavg()[0]!.toFixed(2);

async function fastestOf<T>(runs: number, label: string, measure: () => Promise<Measured<T>>): Promise<Measured<T>> {
  let fastest: Measured<T> | null = null;
  for (let run = 1; run <= runs; run++) {
    const measured = await measure();
    console.log(`${label} run ${run}/${runs}: ${measured.seconds.toFixed(2)} s (load ${load()})`);
    if (!fastest || measured.seconds < fastest.seconds) fastest = measured;
  }
  return fastest!;
}

interface Context {
  jq: string;
  loadBefore: string;
  loadAfter: string;
  smallFileMaxRssBytes: number;
}

function report(file: TrailFile, ours: Measured<PipelineRun>, jq: Measured<JqRun>, context: Context): string {
  const result = ours.run.result;
  if (!result.ok) throw new Error(`readTrail failed on the benchmark file: ${result.error.message}`);
  const oursRate = file.records / ours.seconds;
  const jqRate = file.records / jq.seconds;
  const faster = ours.seconds < jq.seconds;
  const underMemory = ours.run.maxRssBytes < RSS_TARGET_BYTES;
  const sameRecords = ours.run.withErrorCode === jq.run.matches;
  return `## Trail upload: streaming a gzip trail, against jq

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- trail\`; load average ${context.loadBefore}
before and ${context.loadAfter} after (2 cores, shared with other work).

**The file** (\`bench/trail-file.ts\`, \`bench/trail-records.ts\`, written once into \`bench/out/\`):
${count(file.records)} generated CloudTrail records, ${count(file.uncompressedBytes / file.records)} bytes each on
average, from IAM users, Lambda execution roles, SSO and EC2 roles and AWS services calling S3, DynamoDB, KMS, Secrets
Manager, CloudWatch Logs, SQS, SNS, EC2, STS, IAM, Lambda and CloudWatch; ${DENIAL_SHARE * 100}% denials across the IAM
message families (no identity-based, resource-based, permissions-boundary, session or VPC endpoint policy allows;
explicit deny in an SCP, RCP or identity policy; no reason; EC2's encoded message; S3's bare "Access Denied") and
${OTHER_ERROR_SHARE * 100}% other errors (throttling, not found, validation). They are written as
${count(file.records / file.recordsPerFile)} trail files of ${count(file.recordsPerFile)} records (\`{"Records":[…]}\`),
each gzipped on its own and the gzip members concatenated, as \`cat\` of a day's \`*.json.gz\` deliveries gives:
**${megabytes(file.compressedBytes)} compressed, ${megabytes(file.uncompressedBytes)} uncompressed**.

**whydenied**: \`readTrail\` (\`lib/trail\`) → \`isDenialRecord\` → \`denialFromRecord\` → \`diagnoseRecord\`
(classification and every candidate's fix, catalog from \`loadCatalog(actionKeys(…))\`) over the whole file, read from
disk in 64 KiB chunks, in a child process of its own (\`bench/trail-pipeline.ts\`; peak RSS is its
\`process.resourceUsage().maxRSS\`). **jq** (${context.jq}): \`zcat <file> | jq -c '${JQ_FILTER}'\`, output counted with
\`wc -l\` rather than sent to /dev/null, peak RSS of jq from GNU \`time -f %M\`. Seconds are wall-clock from spawning to
exit (start-up included), the fastest of ${PIPELINE_RUNS} runs for whydenied and ${JQ_RUNS} for jq.

| | whydenied | zcat \\| jq |
| --- | ---: | ---: |
| seconds | **${ours.seconds.toFixed(2)}** | ${jq.seconds.toFixed(2)} |
| records/s | **${count(oursRate)}** | ${count(jqRate)} |
| records with an errorCode | ${count(ours.run.withErrorCode)} | ${count(jq.run.matches)} |
| denials diagnosed (classify + fix) | ${count(ours.run.findings)} | — |
| peak RSS | ${megabytes(ours.run.maxRssBytes)} | ${megabytes(jq.run.maxRssBytes)} (jq alone) |

Both found ${sameRecords ? "the same" : "**different**"} records with an
errorCode${sameRecords ? "" : " (a bug to look at)"}; whydenied read ${count(result.recordsScanned)} records in all,
${count(result.malformed)} malformed. Its peak memory does not grow with the file: on a tenth of the file
(${count(SMALL_SPEC.records)} records) it peaks at ${megabytes(context.smallFileMaxRssBytes)}.

Targets: whydenied faster than jq — **${faster ? "met" : "not met"}** (${(jq.seconds / ours.seconds).toFixed(1)}× jq's
speed); whydenied peak memory under 300 MB — **${underMemory ? "met" : "not met"}**
(${megabytes(ours.run.maxRssBytes)}).`;
}

export const trailThroughputSection: BenchSection = {
  id: "trail",
  async run() {
    console.log(`Writing (or reusing) a gzip trail of ${count(SPEC.records)} records in bench/out/…`);
    const file = ensureTrailFile(SPEC);
    const loadBefore = load();
    const ours = await fastestOf(PIPELINE_RUNS, "whydenied", () => measurePipeline(file.path));
    const jq = await fastestOf(JQ_RUNS, "jq", () => measureJq(file.path));
    const small = await measurePipeline(ensureTrailFile(SMALL_SPEC).path);
    const section = report(file, ours, jq, {
      jq: await jqVersion(),
      loadBefore,
      loadAfter: load(),
      smallFileMaxRssBytes: small.run.maxRssBytes,
    });
    console.log(
      `whydenied ${ours.seconds.toFixed(2)} s, ${megabytes(ours.run.maxRssBytes)}; jq ${jq.seconds.toFixed(2)} s`,
    );
    return section;
  },
};
