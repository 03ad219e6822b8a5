import { describe, expect, it } from "vitest";
import type { LookupStreamEvent } from "@/lib/wire";
import { streamEvents } from "./stream";

const BUFFER_BYTES = 4096;
const TURNS = 300;

const progressOf = (eventsScanned: number) => ({
  pagesRead: 0,
  eventsScanned,
  denialsFound: 0,
  fraction: 0,
  etaSeconds: null,
  reachedBack: null,
  retries: 0,
});

const progressEvent = (eventsScanned: number): LookupStreamEvent => ({
  type: "progress",
  progress: progressOf(eventsScanned),
});

const denialEvent = (index: number): LookupStreamEvent => ({
  type: "denial",
  event: {
    id: `event-${index}`,
    time: "2026-01-01T00:00:00Z",
    region: "eu-west-1",
    source: "s3.amazonaws.com",
    name: "GetObject",
    principal: null,
    errorCode: "AccessDenied",
    groupKey: "g",
    consoleUrl: null,
  },
});

/** Endless work, one event per turn of the event loop (as reading an upload is); counts what it made. */
async function* endless(
  made: { events: number },
  eventOf: (index: number) => LookupStreamEvent = progressEvent,
): AsyncGenerator<LookupStreamEvent> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    made.events++;
    yield eventOf(made.events);
  }
}

/** An upload's answer: `groups` group tallies, re-sent `rounds` times as an upload's reading goes on, then done. */
async function* talliesThenDone(
  groups: number,
  rounds: number,
  finished: { at: number | null },
): AsyncGenerator<LookupStreamEvent> {
  const tally = (key: number, count: number) => ({
    key: `group-${key}-${"k".repeat(200)}`,
    count,
    firstSeen: "2026-01-01T00:00:00Z",
    lastSeen: "2026-01-01T00:00:00Z",
    regions: ["eu-west-1", "us-east-1"],
  });
  for (let round = 1; round <= rounds; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    yield { type: "counts", counts: Array.from({ length: groups }, (_, key) => tally(key, round)) };
    yield progressEvent(round);
  }
  finished.at = rounds;
  yield {
    type: "done",
    progress: progressOf(rounds),
    partial: false,
    cancelled: false,
    seconds: 1,
  };
}

async function spin(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe("streamEvents", () => {
  it("pauses eager work once bufferBytes wait unread, and resumes when the client reads", async () => {
    const made = { events: 0 };
    const lineBytes = `${JSON.stringify(denialEvent(100))}\n`.length;
    const response = await streamEvents(endless(made, denialEvent), new AbortController(), "test", {
      eager: true,
      bufferBytes: BUFFER_BYTES,
    });
    await spin(TURNS);
    const bound = Math.ceil(BUFFER_BYTES / lineBytes) + 2;
    expect(made.events).toBeLessThanOrEqual(bound);
    expect(made.events).toBeLessThan(TURNS / 2);

    const reader = response.body!.getReader();
    for (let read = 0; read < bound; read++) await reader.read();
    await spin(TURNS);
    expect(made.events).toBeGreaterThan(bound);
    expect(made.events).toBeLessThanOrEqual(2 * bound + 2);
    await reader.cancel();
  });

  it("keeps one copy of tallies and progress for a reader that waits, so the work never pauses on them", async () => {
    const finished: { at: number | null } = { at: null };
    const groups = 50;
    const rounds = 400;
    const response = await streamEvents(talliesThenDone(groups, rounds, finished), new AbortController(), "test", {
      eager: true,
      bufferBytes: BUFFER_BYTES,
    });
    // The reader waits for the work to end, as a browser waits for its upload to be sent.
    await spin(rounds * 3);
    expect(finished.at).toBe(rounds);
    const text = await response.text();
    const lines = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as LookupStreamEvent);
    expect(lines.at(-1)).toMatchObject({ type: "done" });
    const counts = lines.flatMap((event) => (event.type === "counts" ? event.counts : []));
    expect(new Set(counts.map((tally) => tally.key)).size).toBe(groups);
    expect(counts.filter((tally) => tally.count === rounds)).toHaveLength(groups);
    // Everything sent: the opening progress, the first tallies, and one merged copy of the rest.
    const oneRound = `${JSON.stringify({ type: "counts", counts: counts.slice(0, groups) })}\n`.length;
    expect(text.length).toBeLessThan(4 * oneRound);
  });

  it("makes one event ahead of a reader that reads nothing when not eager", async () => {
    const made = { events: 0 };
    const response = await streamEvents(endless(made), new AbortController(), "test");
    await spin(TURNS);
    expect(made.events).toBeLessThanOrEqual(3);
    await response.body!.cancel();
  });
});
