// Prerendered at build time and served from Next's cache without running any of our code: the cheapest answer this
// server can give, so it is both the liveness check and the load benchmark's ceiling for the routes that do work.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
