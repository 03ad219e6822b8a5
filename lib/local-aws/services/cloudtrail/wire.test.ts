import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAws, type LocalAws } from "../../index";
import { testRecord } from "../../testing/clients";

const SIGNED =
  "AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/cloudtrail/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

let endpoint: LocalAws;
beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [testRecord({ eventID: "only", eventTime: new Date().toISOString() })],
    ratePerSecond: Number.POSITIVE_INFINITY,
  });
});
afterAll(async () => {
  await endpoint.close();
});

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "CloudTrail_20131101.LookupEvents",
      authorization: SIGNED,
      ...headers,
    },
    body,
  });
}

async function errorOf(
  response: Response,
): Promise<{ status: number; type: string | null; code: unknown; requestId: string | null }> {
  const body = (await response.json()) as { __type?: unknown };
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype"),
    code: body.__type,
    requestId: response.headers.get("x-amzn-requestid"),
  };
}

describe("the JSON 1.1 wire format", () => {
  it("answers a signed LookupEvents with application/x-amz-json-1.1 and a request id", async () => {
    const response = await post("{}");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { Events: { EventId: string; EventTime: unknown }[] };
    expect(body.Events.map((event) => event.EventId)).toEqual(["only"]);
    expect(typeof body.Events[0]?.EventTime).toBe("number");
  });

  it("accepts the fully qualified target", async () => {
    const response = await post("{}", {
      "x-amz-target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["an unknown target", "{}", { "x-amz-target": "CloudTrail_20131101.DescribeTrails" }, "UnknownOperationException"],
    ["no Authorization header", "{}", { authorization: "" }, "MissingAuthenticationTokenException"],
    [
      "a credential scope without a Region",
      "{}",
      { authorization: "AWS4-HMAC-SHA256 Signature=00" },
      "IncompleteSignatureException",
    ],
    ["a body that is not JSON", "{", {}, "SerializationException"],
    ["a body of the wrong shape", '{"MaxResults":"ten"}', {}, "SerializationException"],
    ["a JSON array", "[]", {}, "SerializationException"],
  ])("refuses %s with a 400 and the error in body and header", async (_, body, headers, code) => {
    const error = await errorOf(await post(body, headers));
    expect(error).toMatchObject({ status: 400, type: code, code });
    expect(error.requestId).toBeTruthy();
  });

  it("routes only POST / and the control paths", async () => {
    expect((await fetch(endpoint.url)).status).toBe(405);
    expect((await fetch(`${endpoint.url}/v1/events`, { method: "POST" })).status).toBe(404);
  });

  it("refuses a body over 1 MiB without reading it all", async () => {
    const response = await post(JSON.stringify({ NextToken: "x".repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it("keeps serving after garbage", async () => {
    const garbage = [
      "\u0000\u0001",
      "null",
      "1e999",
      '{"LookupAttributes":[null]}',
      '{"LookupAttributes":{}}',
      '{"StartTime":"yesterday"}',
      "{".repeat(10_000),
    ];
    for (const body of garbage) expect((await post(body)).status).toBe(400);
    expect((await post("{}")).status).toBe(200);
  });

  it("listens on 127.0.0.1 by default", () => {
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}`);
  });
});
