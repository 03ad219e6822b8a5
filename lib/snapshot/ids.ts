/** Random bytes on demand: `crypto.getRandomValues` in the app, a seeded sequence in tests. */
export type RandomSource = (size: number) => Uint8Array;

/** The platform's CSPRNG (Web Crypto, in Node and in browsers). */
export const systemRandom: RandomSource = (size) => crypto.getRandomValues(new Uint8Array(size));

/** 16 bytes: 128 bits, so an id cannot be guessed or enumerated. */
const ID_BYTES = 16;
/** 32 bytes: the owner's delete token. */
const TOKEN_BYTES = 32;

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Bytes as unpadded base64url (RFC 4648 §5), without Buffer so the browser can use it too. */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new snapshot id: 128 random bits as 22 base64url characters. */
export function newSnapshotId(random: RandomSource): string {
  return base64url(random(ID_BYTES));
}

/** A new delete token: 256 random bits as 43 base64url characters. Only its hash is stored. */
export function newDeleteToken(random: RandomSource): string {
  return base64url(random(TOKEN_BYTES));
}

/** Whether text has the shape of a snapshot id; anything else is answered 404 without a database read. */
export function isSnapshotId(text: string): boolean {
  return ID_PATTERN.test(text);
}
