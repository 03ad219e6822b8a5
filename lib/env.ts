import "server-only";
import { ENV_NAMES, parseEnv, type ServerEnv } from "./env-schema";

let parsed: { key: string; env: ServerEnv } | null = null;

/**
 * The server's checked environment, parsed once and reused while its variables stay as they are (tests change them).
 * `npm start` refuses to start with a bad value (bin/start.mjs checks the same schema before building); under
 * `next dev` a bad value throws here with the same message.
 */
export function serverEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const key = JSON.stringify(ENV_NAMES.map((name) => source[name] ?? null));
  if (parsed?.key === key) return parsed.env;
  const result = parseEnv(source);
  if (!result.ok) throw new Error(`Invalid environment: ${result.error.message}`);
  parsed = { key, env: result.value };
  return result.value;
}
