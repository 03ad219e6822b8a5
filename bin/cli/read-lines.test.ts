import { describe, expect, it } from "vitest";
import { readLines, type BatchLine } from "./read-lines";

const CHUNK = Buffer.alloc(64 * 1024);

/** Like /dev/zero: zero bytes, never a newline; fails the test instead of running forever. */
async function* zeros(counter: { chunks: number }, limit = 1000): AsyncGenerator<Buffer> {
  for (;;) {
    if (counter.chunks >= limit) throw new Error("the reader kept reading a line it had already refused");
    counter.chunks++;
    await Promise.resolve();
    yield CHUNK;
  }
}

async function collect(lines: AsyncGenerator<BatchLine>): Promise<BatchLine[]> {
  const all: BatchLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe("readLines", () => {
  it("splits LF and CRLF lines across chunk boundaries, multi-byte characters included", async () => {
    const bytes = Buffer.from('{"a":1}\r\n{"é":"ü"}\n\nlast');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    expect(await collect(readLines(chunks, 100))).toEqual([
      { lineNumber: 1, text: '{"a":1}' },
      { lineNumber: 2, text: '{"é":"ü"}' },
      { lineNumber: 3, text: "" },
      { lineNumber: 4, text: "last" },
    ]);
  });

  it("refuses a line as soon as it passes the limit, without waiting for a newline that never comes", async () => {
    const counter = { chunks: 0 };
    const lines = readLines(zeros(counter), 256 * 1024);
    expect((await lines.next()).value).toEqual({ lineNumber: 1, tooLarge: true });
    expect(counter.chunks).toBe(5);
    await lines.return(undefined);
  });

  it("skips the rest of a long line and goes on with the next", async () => {
    const long = Buffer.alloc(10_000, 0x61);
    const chunks = [long, long, Buffer.from("\nnext\n")];
    expect(await collect(readLines(chunks, 4096))).toEqual([
      { lineNumber: 1, tooLarge: true },
      { lineNumber: 2, text: "next" },
    ]);
  });
});
