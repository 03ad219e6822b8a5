import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { seededRandom, trailRecord } from "./trail-records";

/** Bump when trail-records.ts changes what it writes, so a cached file is not reused. */
const GENERATOR_VERSION = 1;
const OUT = fileURLToPath(new URL("./out/", import.meta.url));

export interface TrailFileSpec {
  records: number;
  recordsPerFile: number;
  seed: number;
}

export interface TrailFile extends TrailFileSpec {
  path: string;
  compressedBytes: number;
  uncompressedBytes: number;
  /** Records with an errorCode: what `select(.errorCode != null)` matches. */
  recordsWithErrorCode: number;
}

/**
 * The benchmark's trail: `records` records as trail files of `recordsPerFile` records each
 * (`{"Records":[…]}`), each gzipped on its own and the members concatenated, as `cat *.json.gz`
 * of a day of CloudTrail delivery would give. Written once into bench/out/ and reused.
 */
export function ensureTrailFile(spec: TrailFileSpec): TrailFile {
  const name = `trail-${spec.records}-per-${spec.recordsPerFile}-seed-${spec.seed}-v${GENERATOR_VERSION}`;
  const path = `${OUT}${name}.json.gz`;
  const metaPath = `${OUT}${name}.meta.json`;
  if (existsSync(path) && existsSync(metaPath)) return JSON.parse(readFileSync(metaPath, "utf8")) as TrailFile;
  mkdirSync(OUT, { recursive: true });
  const random = seededRandom(spec.seed);
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let compressedBytes = 0;
  let uncompressedBytes = 0;
  let recordsWithErrorCode = 0;
  for (let first = 0; first < spec.records; first += spec.recordsPerFile) {
    const lines: string[] = [];
    for (let index = first; index < Math.min(first + spec.recordsPerFile, spec.records); index++) {
      const record = trailRecord(random, index);
      if (record.errorCode) recordsWithErrorCode++;
      lines.push(JSON.stringify(record));
    }
    const text = `{"Records":[${lines.join(",")}]}`;
    const member = gzipSync(text);
    writeSync(fd, member);
    compressedBytes += member.length;
    uncompressedBytes += Buffer.byteLength(text);
  }
  closeSync(fd);
  renameSync(partial, path);
  const file: TrailFile = { ...spec, path, compressedBytes, uncompressedBytes, recordsWithErrorCode };
  writeFileSync(metaPath, JSON.stringify(file, null, 2));
  return file;
}
