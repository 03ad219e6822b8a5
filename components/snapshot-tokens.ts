import { z } from "zod";

/** Where this browser keeps the delete tokens of the snapshots it created: id → token. */
const STORAGE_KEY = "whydenied-snapshot-tokens";

const tokensSchema = z.record(z.string(), z.string());

function readTokens(): Record<string, string> {
  try {
    const parsed = tokensSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function writeTokens(tokens: Record<string, string>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  } catch {
    // Storage full or off: the snapshot still exists, this browser just cannot delete it later.
  }
}

/** Keeps the token that deletes a snapshot this browser created: its owner is whoever holds it. */
export function rememberDeleteToken(id: string, token: string): void {
  writeTokens({ ...readTokens(), [id]: token });
}

/** The delete token of a snapshot this browser created, if it did. */
export function deleteTokenFor(id: string): string | null {
  return readTokens()[id] ?? null;
}

export function forgetDeleteToken(id: string): void {
  const tokens = readTokens();
  delete tokens[id];
  writeTokens(tokens);
}
