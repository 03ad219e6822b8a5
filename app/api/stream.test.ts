import { describe, expect, it } from "vitest";
import type { LookupStreamEvent } from "@/lib/wire";
import { streamEvents } from "./stream";

const BUFFER_BYTES = 4096;
const TURNS = 300;

const progressEvent = (eventsScanned: number): LookupStreamEvent => ({
  type: "progress",
  progress: {
    pagesRead: 0,
    eventsScanned,
    denialsFound: 0,
    fraction: 0,
    etaSeconds: null,
    reachedBack: null,
    retries: 0,
  },
});

/** Endless work, one event per turn of the event loop (as reading an upload is); counts what it made. */
async function* endless(made: { events: number }): AsyncGenerator<LookupStreamEvent> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    made.events++;
    yield progressEvent(made.events);
  }
}

async function spin(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe("streamEvents", () => {
  it("pauses eager work once bufferBytes wait unread, and resumes when the client reads", async () => {
    const made = { events: 0 };
    const lineBytes = `${JSON.stringify(progressEvent(100))}\n`.length;
    const response = await streamEvents(endless(made), new AbortController(), "test", {
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

  it("makes one event ahead of a reader that reads nothing when not eager", async () => {
    const made = { events: 0 };
    const response = await streamEvents(endless(made), new AbortController(), "test");
    await spin(TURNS);
    expect(made.events).toBeLessThanOrEqual(3);
    await response.body!.cancel();
  });
});
