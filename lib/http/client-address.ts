import { isIP } from "node:net";

/** The client every request counts as when the server cannot tell clients apart. */
export const SHARED_CLIENT = "shared";

/**
 * The client a request counts against in the per-client limits, from its X-Forwarded-For header and the number of
 * reverse proxies in front (`WHYDENIED_TRUSTED_PROXIES`). Each trusted proxy appends the address it saw, so the
 * entry `trustedProxies` places from the right is the one the outermost trusted proxy saw; entries left of it are
 * whatever the client wrote. With no trusted proxy the header proves nothing: Next.js fills it from the socket only
 * when the client sent none, a route handler cannot reach the socket, and a client could pick a new address per
 * request to escape its limit. So every request then counts as the one shared client, as does a header with too few
 * entries or one that is not an IP address.
 */
export function clientKeyOf(forwardedFor: string | null, trustedProxies: number): string {
  if (trustedProxies === 0 || forwardedFor === null) return SHARED_CLIENT;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  if (entries.length < trustedProxies) return SHARED_CLIENT;
  const address = entries[entries.length - trustedProxies] ?? "";
  return isIP(address) === 0 ? SHARED_CLIENT : address.toLowerCase();
}
