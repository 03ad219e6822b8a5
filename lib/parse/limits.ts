/** Largest paste the engine accepts, in bytes of UTF-8. */
export const MAX_INPUT_BYTES = 256 * 1024;

/** A pasted log rarely holds more distinct denials; past this the parser stops and says so. */
export const MAX_RECORDS = 500;

/** Characters of context kept around a match for the excerpt shown to the user. */
export const EXCERPT_LENGTH = 600;

/** Bytes of UTF-8 a string takes, without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
