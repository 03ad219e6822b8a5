/**
 * whydenied's trail pipeline over one file, run as its own process by the trail benchmark so that
 * its peak RSS is its own: `node --import tsx bench/trail-pipeline.ts <file>` prints one JSON line.
 */
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { actionKeys, diagnoseRecord } from "../lib/diagnose";
import { loadCatalog } from "../lib/catalog";
import { denialFromRecord, isDenialRecord } from "../lib/parse";
import { readTrail, type TrailResult } from "../lib/trail";

export interface PipelineRun {
  result: TrailResult;
  seconds: number;
  /** Records with an errorCode, to compare with jq's `select(.errorCode != null)`. */
  withErrorCode: number;
  findings: number;
  maxRssBytes: number;
}

const READ_CHUNK_BYTES = 64 * 1024;

/** readTrail → isDenialRecord → denialFromRecord → diagnoseRecord (classify and fix) over the whole file. */
export async function runPipeline(path: string): Promise<PipelineRun> {
  const started = process.hrtime.bigint();
  const batches = readTrail(createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }));
  let withErrorCode = 0;
  let findings = 0;
  for (let next = await batches.next(); ; next = await batches.next()) {
    if (next.done) {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return {
        result: next.value,
        seconds,
        withErrorCode,
        findings,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      };
    }
    const { records } = next.value;
    withErrorCode += records.filter((record) => record.errorCode != null).length;
    const denials = records.filter(isDenialRecord).map(denialFromRecord);
    const catalog = await loadCatalog(actionKeys(denials));
    for (const denial of denials) diagnoseRecord(denial, catalog, `finding-${++findings}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) throw new Error("Usage: node --import tsx bench/trail-pipeline.ts <trail file>");
  console.log(JSON.stringify(await runPipeline(path)));
}
