import { createReadStream } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import { diagnose } from "../../lib/catalog";
import { MAX_INPUT_BYTES } from "../../lib/parse";
import type { BatchAnswer, Diagnosis } from "../../lib/wire";
import { parseArgs, USAGE, type DiagnoseArgs } from "./args";
import { formatDiagnosis } from "./format-text";
import { MAX_BATCH_LINE_BYTES, readLines } from "./read-lines";
import { runShare } from "./share";

interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const batchLineSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string() });

function open(input: string, io: Io): Readable {
  return input === "-" ? io.stdin : createReadStream(input);
}

/** Reads a whole input, refusing to buffer more than the engine would accept. */
async function readAll(stream: Readable): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > MAX_INPUT_BYTES) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The whole input, or null (and a line on standard error) when it is larger than the engine accepts. */
async function readInput(input: string, io: Io): Promise<string | null> {
  const text = await readAll(open(input, io));
  if (text === null) io.stderr.write(`whydenied: input is larger than the ${MAX_INPUT_BYTES / 1024} KiB limit\n`);
  return text;
}

async function runSingle(args: DiagnoseArgs, io: Io): Promise<number> {
  const text = await readInput(args.input, io);
  if (text === null) return 1;
  const result = await diagnose(text);
  if (!result.ok) {
    io.stderr.write(`whydenied: ${result.error.message} (${result.error.code})\n`);
    return 1;
  }
  const diagnosis: Diagnosis = result.value;
  io.stdout.write(
    args.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : `${formatDiagnosis(diagnosis, { all: args.all })}\n`,
  );
  return 0;
}

/**
 * One output line per input line, in order; a bad line gets an error object, not a crash. A line
 * over MAX_BATCH_LINE_BYTES gets `input.too-large` and is not held in memory.
 */
async function runBatch(args: DiagnoseArgs, io: Io): Promise<number> {
  for await (const line of readLines(open(args.input, io) as AsyncIterable<Buffer | string>, MAX_BATCH_LINE_BYTES)) {
    if ("tooLarge" in line) {
      io.stdout.write(`${JSON.stringify(lineTooLarge(line.lineNumber))}\n`);
      continue;
    }
    if (!line.text.trim()) continue;
    io.stdout.write(`${JSON.stringify(await diagnoseBatchLine(line.text, line.lineNumber))}\n`);
  }
  return 0;
}

function lineTooLarge(lineNumber: number): BatchAnswer {
  return {
    id: null,
    line: lineNumber,
    error: {
      code: "input.too-large",
      message: `Line is longer than the ${MAX_BATCH_LINE_BYTES / 1024} KiB batch line limit; it was skipped.`,
    },
  };
}

async function diagnoseBatchLine(line: string, lineNumber: number): Promise<BatchAnswer> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return {
      id: null,
      line: lineNumber,
      error: { code: "request.malformed-json", message: "Line is not valid JSON." },
    };
  }
  const parsed = batchLineSchema.safeParse(value);
  if (!parsed.success) {
    return {
      id: null,
      line: lineNumber,
      error: { code: "request.invalid", message: 'Each line must be {"id": "...", "text": "..."}.' },
    };
  }
  const result = await diagnose(parsed.data.text);
  if (!result.ok)
    return { id: parsed.data.id, findings: [], error: { code: result.error.code, message: result.error.message } };
  return { id: parsed.data.id, findings: result.value.findings, nonDenials: result.value.nonDenials };
}

/** The `whydenied` command; returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === "usage-error") {
    io.stderr.write(`whydenied: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    if (parsed.kind === "share") {
      const text = await readInput(parsed.args.input, io);
      return text === null ? 1 : await runShare(parsed.args, text, io);
    }
    return parsed.args.batch ? await runBatch(parsed.args, io) : await runSingle(parsed.args, io);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      `whydenied: ${code === "ENOENT" ? `no such file: ${parsed.args.input}` : (error as Error).message}\n`,
    );
    return 1;
  }
}
