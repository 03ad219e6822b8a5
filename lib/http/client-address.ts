/**
 * The address a request came from, for per-client limits: the last `X-Forwarded-For` entry, which Next.js sets from
 * the socket when the header is absent and which an appending proxy (nginx's `$proxy_add_x_forwarded_for`) sets to
 * the address it saw. A proxy in front must overwrite or append the header, or clients could pick their own.
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").at(-1)?.trim();
  return last || "unknown";
}
