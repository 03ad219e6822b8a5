import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { streamRunQuery, type StreamRun } from "./queries";

afterEach(() => {
  vi.useRealTimers();
});

describe("streamRunQuery while the server renders a page", () => {
  it("schedules no garbage-collection timer, which would keep the rendered request alive", () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const run: StreamRun = { id: "r1", kind: "lookup", request: { roleArn: "", regions: [], window: { hours: 1 } } };
    // What useQuery does while the server renders: the query is built (and never fetched).
    const observer = new QueryObserver(client, { ...streamRunQuery(run), enabled: false });
    observer.getOptimisticResult(client.defaultQueryOptions({ ...streamRunQuery(run), enabled: false }));
    expect(vi.getTimerCount()).toBe(0);
  });
});
