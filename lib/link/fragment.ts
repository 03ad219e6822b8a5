import { fail, ok, type Result } from "../result";
import { fromBase64Url, toBase64Url } from "./base64url";
import { crc32Hex } from "./crc32";
import { deflateRaw, inflateRawBounded } from "./deflate";
import { FRAGMENT_KEY, LINK_VERSION, MAX_DECODED_BYTES, MAX_LINK_CHARS } from "./limits";

/**
 * Why a link's fragment could not be read back: not a whydenied paste link at all, written by a version this code
 * does not know, cut short (chat tools and e-mail clients clip long URLs), altered, or inflating past the paste limit.
 */
export type LinkErrorCode =
  "link.malformed" | "link.unknown-version" | "link.truncated" | "link.tampered" | "link.too-large";

/** The fragment `paste=v1.<data length>.<crc32 of the text>.<base64url deflate-raw of the text>`. */
const FRAGMENT = /^v(\d{1,4})\.(\d{1,6})\.([0-9a-f]{8})\.([A-Za-z0-9_-]*)$/;
const PREFIX = `${FRAGMENT_KEY}=`;

const MESSAGES: Record<LinkErrorCode, string> = {
  "link.malformed": "This link's diagnosis could not be read: the part after # is not one whydenied wrote.",
  "link.unknown-version":
    "This link was made by a different version of whydenied and this one cannot read it. Ask for the error text instead.",
  "link.truncated":
    "This link is cut short — chat tools and e-mail sometimes clip long links. Ask for the whole link, or a saved snapshot.",
  "link.tampered": "This link's text was changed after it was made, so it is not shown. Ask for the link again.",
  "link.too-large": `This link holds more than the ${MAX_DECODED_BYTES / 1024} KiB a paste may, so it is not opened.`,
};

/** The fragment (without `#`) that carries `text`: deflate-raw, base64url, with its length and checksum. */
export async function encodeFragment(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const data = toBase64Url(await deflateRaw(bytes));
  return `${PREFIX}${LINK_VERSION}.${data.length}.${crc32Hex(bytes)}.${data}`;
}

/** True when a fragment (with or without `#`) claims to be a paste link; anything else is some other anchor. */
export function isPasteFragment(fragment: string): boolean {
  return stripHash(fragment).startsWith(PREFIX);
}

/**
 * Reads a paste link's fragment back into its text. Never throws and never runs away: fragments longer than any link
 * we make are refused unread, and inflating stops past `maxBytes` (a decompression bomb is refused, not expanded).
 */
export async function decodeFragment(
  fragment: string,
  maxBytes = MAX_DECODED_BYTES,
): Promise<Result<string, LinkErrorCode>> {
  const body = stripHash(fragment);
  if (!body.startsWith(PREFIX)) return failure("link.malformed");
  if (body.length > MAX_LINK_CHARS) return failure("link.too-large");
  const payload = body.slice(PREFIX.length);
  const version = /^v(\d+)\./.exec(payload)?.[1];
  if (version !== undefined && `v${version}` !== LINK_VERSION) return failure("link.unknown-version");
  const match = FRAGMENT.exec(payload);
  if (!match) return failure(looksCut(payload) ? "link.truncated" : "link.malformed");
  const [, , lengthText = "", checksum = "", data = ""] = match;
  const length = Number(lengthText);
  if (data.length < length) return failure("link.truncated");
  if (data.length > length) return failure("link.tampered");
  const compressed = fromBase64Url(data);
  if (!compressed) return failure("link.tampered");
  const inflated = await inflateRawBounded(compressed, maxBytes);
  if (inflated.status === "too-large") return failure("link.too-large");
  if (inflated.status === "corrupt" || crc32Hex(inflated.bytes) !== checksum) return failure("link.tampered");
  const text = decodeUtf8(inflated.bytes);
  return text === null ? failure("link.tampered") : ok(text);
}

/** A fragment cut before its data: the header's fields so far are well-formed but stop early. */
function looksCut(payload: string): boolean {
  return /^(?:v\d{0,4}(?:\.\d{0,6}(?:\.[0-9a-f]{0,8})?)?)?$/.test(payload);
}

function stripHash(fragment: string): string {
  return fragment.startsWith("#") ? fragment.slice(1) : fragment;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function failure(code: LinkErrorCode) {
  return fail(code, MESSAGES[code]);
}
