import { createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import { FORWARDED_HEADERS, IDENTITY_HEADERS } from "../../lib/auth";
import { listen } from "../../lib/http/ports";

/** The user the simulated proxy vouches for, as oauth2-proxy would after a sign-in. */
export interface SimulatedUser {
  /** X-Forwarded-User: the user id; X-Forwarded-Email too when it is an address. */
  user: string;
  groups: readonly string[];
}

export interface SignInProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Headers that describe one hop's connection, not the request, so a proxy never passes them on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** The browser's headers without hop-by-hop ones or any identity header it sent, plus the simulated user's. */
function upstreamHeaders(incoming: IncomingHttpHeaders, who: SimulatedUser): IncomingHttpHeaders {
  const identity = new Set<string>(IDENTITY_HEADERS);
  const headers = Object.fromEntries(
    Object.entries(incoming).filter(([name]) => !HOP_BY_HOP.has(name) && !identity.has(name)),
  );
  headers[FORWARDED_HEADERS.user] = who.user;
  if (who.user.includes("@")) headers[FORWARDED_HEADERS.email] = who.user;
  if (who.groups.length > 0) headers[FORWARDED_HEADERS.groups] = who.groups.join(",");
  return headers;
}

/**
 * A reverse proxy standing in for oauth2-proxy on a laptop: every request to it reaches `target` as signed in by
 * `who` (X-Forwarded-User/-Email/-Groups), whatever identity headers the browser sent. Answers stream through, and a
 * browser hanging up (a cancelled lookup) hangs up the request to the app too. For demos and tests only: it asks
 * nobody who the user is.
 */
export async function startSignInProxy(options: {
  target: string;
  who: SimulatedUser;
  host?: string;
  port?: number;
}): Promise<SignInProxy> {
  const target = new URL(options.target);
  const server = createServer((request, response) => {
    const upstream = forward(
      {
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: upstreamHeaders(request.headers, options.who),
      },
      (answer) => {
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      response.end("The whydenied app behind this sign-in proxy is not answering: is it still starting?\n");
    });
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
