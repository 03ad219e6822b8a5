import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PipelineRun } from "./trail-pipeline";

const JQ = "/usr/bin/jq";
export const JQ_FILTER = ".Records[] | select(.errorCode != null)";
const GNU_TIME = "/usr/bin/time";
const PIPELINE = fileURLToPath(new URL("./trail-pipeline.ts", import.meta.url));

export interface Measured<T> {
  /** Wall-clock seconds from spawning the process to its exit, start-up included. */
  seconds: number;
  run: T;
}

export interface JqRun {
  matches: number;
  maxRssBytes: number;
}

function timedProcess(command: string, args: string[]): Promise<{ seconds: number; stdout: string }> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout });
    });
  });
}

/** whydenied's pipeline over the file in a child process of its own, so that its peak RSS is its own. */
export async function measurePipeline(path: string): Promise<Measured<PipelineRun>> {
  const { seconds, stdout } = await timedProcess(process.execPath, ["--import", "tsx", PIPELINE, path]);
  return { seconds, run: JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as PipelineRun };
}

/**
 * `zcat <file> | jq -c '<filter>'`, with jq's output counted by `wc -l` (instead of going to /dev/null)
 * to show both found the same records, and jq's peak RSS from GNU time.
 */
export async function measureJq(path: string): Promise<Measured<JqRun>> {
  const scratch = mkdtempSync(join(tmpdir(), "trail-jq-"));
  const rssFile = join(scratch, "max-rss-kib");
  try {
    const script = `zcat "$1" | ${GNU_TIME} -f %M -o "$2" ${JQ} -c '${JQ_FILTER}' | wc -l`;
    const { seconds, stdout } = await timedProcess("sh", ["-c", script, "sh", path, rssFile]);
    return {
      seconds,
      run: {
        matches: Number(stdout.trim()),
        maxRssBytes: Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) * 1024,
      },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** jq's version line, e.g. `jq-1.6`. */
export async function jqVersion(): Promise<string> {
  return (await timedProcess(JQ, ["--version"])).stdout.trim();
}
