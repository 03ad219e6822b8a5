/** How much compressed input goes in at a time: with deflate's ~1,000:1 ceiling, 512 bytes inflate to at most ~0.5 MiB. */
const INPUT_SLICE_BYTES = 512;

/** Compresses bytes with raw DEFLATE (RFC 1951) through the platform's CompressionStream. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `corrupt` covers every stream the inflater refuses: cut short, bit-flipped, or with bytes after its end. */
export type InflateResult = { status: "ok"; bytes: Uint8Array } | { status: "too-large" } | { status: "corrupt" };

/**
 * Inflates raw DEFLATE, stopping as soon as the output passes `maxBytes`: input goes in small slices and output is
 * counted as it comes, so a decompression bomb costs at most `maxBytes` plus one slice's output, never its full size.
 */
export async function inflateRawBounded(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const feeding = feed(writer, bytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await Promise.all([reader.cancel().catch(ignore), writer.abort().catch(ignore)]);
        return { status: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    await feeding;
    return { status: "corrupt" };
  }
  if ((await feeding) !== "closed") return { status: "corrupt" };
  return { status: "ok", bytes: concat(chunks, total) };
}

/** Writes the input slice by slice, each after the inflater has taken the last (backpressure), then closes. */
async function feed(
  writer: WritableStreamDefaultWriter<BufferSource>,
  bytes: Uint8Array,
): Promise<"closed" | "failed"> {
  try {
    for (let at = 0; at < bytes.length; at += INPUT_SLICE_BYTES) {
      await writer.ready;
      await writer.write(bytes.slice(at, at + INPUT_SLICE_BYTES));
    }
    await writer.close();
    return "closed";
  } catch {
    return "failed";
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function ignore(): void {}
