import "server-only";
import { ENV_NAMES, parseEnv, type ServerEnv } from "./env-schema";

/**
 * A production server's variables never change once it runs, and reading `process.env` costs about a third of a
 * microsecond per name, paid on every check of every request; tests change variables between cases.
 */
const variablesAreFixed = process.env.NODE_ENV === "production";

let parsed: { source: NodeJS.ProcessEnv; key: string; env: ServerEnv } | null = null;

/**
 * The server's checked environment, parsed once and reused while its variables stay as they are. `npm start` refuses
 * to start with a bad value (bin/start.mjs checks the same schema before building); under `next dev` a bad value
 * throws here with the same message.
 */
export function serverEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  if (variablesAreFixed && parsed?.source === source) return parsed.env;
  const key = JSON.stringify(ENV_NAMES.map((name) => source[name] ?? null));
  if (parsed?.source === source && parsed.key === key) return parsed.env;
  const result = parseEnv(source);
  if (!result.ok) throw new Error(`Invalid environment: ${result.error.message}`);
  parsed = { source, key, env: result.value };
  return result.value;
}
