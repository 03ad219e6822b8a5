import type { RawRequest } from "autocannon";
import { generateMessages } from "../messages";

/** One thing the load benchmark fires at: a name for the report and the requests each connection sends in turn. */
export interface LoadTarget {
  name: string;
  requests: (RawRequest & { setupRequest?: (request: RawRequest) => RawRequest })[];
}

const JSON_HEADERS = { "content-type": "application/json" };

/** Messages cycled through, so the mix repeats as a real portal's traffic does (the same few errors, often). */
const MIX_SIZE = 2000;

/** Each request takes the next message of the mix, whichever connection sends it. */
function cycling(bodies: string[]): () => string {
  let next = 0;
  return () => bodies[next++ % bodies.length]!;
}

/** The static route: the cheapest answer the server gives (prerendered, and like the API outside proxy.ts). */
export const CEILING: LoadTarget = {
  name: "GET /healthz (static ceiling)",
  requests: [{ method: "GET", path: "/healthz" }],
};

/** `POST /api/diagnose` with bench/messages.ts's mix of IAM sentences and other families, in assorted wrappers. */
export function diagnoseMix(): LoadTarget {
  const body = cycling(generateMessages(MIX_SIZE).map((text) => JSON.stringify({ text })));
  return {
    name: "POST /api/diagnose (message mix)",
    requests: [
      {
        method: "POST",
        path: "/api/diagnose",
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  };
}

/**
 * `POST /api/diagnose` with a sentence that names no AWS error: the route's whole path (admission, body, parse) with
 * nothing to classify or fix and a small answer, so what the framework costs for a POST stands apart from the engine.
 */
export const NOTHING_TO_DIAGNOSE: LoadTarget = {
  name: "POST /api/diagnose (text with no AWS error)",
  requests: [
    {
      method: "POST",
      path: "/api/diagnose",
      headers: JSON_HEADERS,
      body: JSON.stringify({ text: "The nightly report finished late again; nothing failed." }),
    },
  ],
};

export const PAGES: LoadTarget[] = ["/", "/lookup", "/trail"].map((path) => ({
  name: `GET ${path}`,
  requests: [{ method: "GET", path }],
}));

/**
 * `POST /api/diagnose` where every request names a service and action never seen before: the input that made the IAM
 * catalog's caches grow without end, so memory that stays flat under it shows the caches are bounded.
 */
export function everNewActions(): LoadTarget {
  let serial = 0;
  const body = () => {
    serial++;
    const text =
      `User: arn:aws:iam::123456789012:user/load-${serial} is not authorized to perform: ` +
      `madeup${serial}:Invent${serial}Thing on resource: arn:aws:madeup${serial}:us-east-1:123456789012:thing/${serial}`;
    return JSON.stringify({ text });
  };
  return {
    name: "POST /api/diagnose (a new made-up action every request)",
    requests: [
      {
        method: "POST",
        path: "/api/diagnose",
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  };
}
