import "server-only";
import { parseEnv, type ServerEnv } from "./env-schema";

/**
 * The server's checked environment. `npm start` refuses to start with a bad value (bin/start.mjs checks the same
 * schema first); read per call, not at import, so a process that changes its environment (tests) is seen.
 */
export function serverEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = parseEnv(source);
  if (!parsed.ok) throw new Error(`Invalid environment: ${parsed.error.message}`);
  return parsed.value;
}
