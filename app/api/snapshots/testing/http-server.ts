import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { GET } from "../[id]/route";
import { POST } from "../route";

/** The snapshot routes themselves behind a plain Node HTTP server on 127.0.0.1: no Next.js build needed. */
export interface RoutesServer {
  url: string;
  close(): Promise<void>;
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "127.0.0.1"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  const fetchRequest = new Request(url, {
    method: request.method,
    headers,
    body: request.method === "POST" ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const id = /^\/api\/snapshots\/([^/]+)$/.exec(url.pathname)?.[1];
  const reply =
    url.pathname === "/api/snapshots" && request.method === "POST"
      ? await POST(fetchRequest)
      : id && request.method === "GET"
        ? await GET(fetchRequest, { params: Promise.resolve({ id }) })
        : new Response(null, { status: 404 });
  response.writeHead(reply.status, Object.fromEntries(reply.headers));
  response.end(Buffer.from(await reply.arrayBuffer()));
}

/** Serves `POST /api/snapshots` and `GET /api/snapshots/<id>` on a free loopback port. */
export function serveSnapshotRoutes(): Promise<RoutesServer> {
  const server = createServer((request, response) => {
    answer(request, response).catch(() => response.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
