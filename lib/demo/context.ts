import type { TrailRecord } from "../trail-record";
import { createRandom, UPPER_ALPHANUMERIC, type Random } from "./prng";
import { buildRecord, type ApiCall } from "./records";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What every actor in the demo story writes into. */
export interface SeedContext {
  random: Random;
  /** The window the events fall in: (startMs, endMs]. */
  startMs: number;
  endMs: number;
  record(call: ApiCall): void;
  /** The temporary access key (ASIA…) of a session, the same for every call of that session. */
  sessionKey(session: string): string;
  /** Creates a value once per `key` (recording whatever events that takes) and returns it ever after. */
  memo<T>(key: string, create: () => T): T;
}

export function createSeedContext(
  seed: number,
  startMs: number,
  endMs: number,
): { context: SeedContext; records: () => TrailRecord[] } {
  const random = createRandom(seed);
  const records: TrailRecord[] = [];
  const keys = new Map<string, string>();
  const memos = new Map<string, unknown>();
  const context: SeedContext = {
    random,
    startMs,
    endMs,
    record: (call) => records.push(buildRecord(call, random)),
    sessionKey: (session) => {
      const existing = keys.get(session);
      if (existing) return existing;
      const created = `ASIA${random.string(UPPER_ALPHANUMERIC, 16)}`;
      keys.set(session, created);
      return created;
    },
    memo: <T>(key: string, create: () => T): T => {
      if (memos.has(key)) return memos.get(key) as T;
      const created = create();
      memos.set(key, created);
      return created;
    },
  };
  return { context, records: () => records };
}

/** Times `periodMs` apart (aligned to the epoch, shifted by `phaseMs`) inside the window, each moved by up to `jitterMs`. */
export function* periodic(
  context: SeedContext,
  periodMs: number,
  options: { phaseMs?: number; jitterMs?: number } = {},
): Generator<number> {
  const phase = options.phaseMs ?? 0;
  const first = Math.floor((context.startMs - phase) / periodMs) * periodMs + phase;
  for (let slot = first; slot <= context.endMs; slot += periodMs) {
    yield slot + (options.jitterMs ? context.random.int(0, options.jitterMs) : 0);
  }
}

/** Random times, hour by hour, averaging `perHour(hourStartMs)` per hour. */
export function* randomTimes(context: SeedContext, perHour: (hourStartMs: number) => number): Generator<number> {
  for (let hour = Math.floor(context.startMs / HOUR) * HOUR; hour <= context.endMs; hour += HOUR) {
    const times = Array.from(
      { length: context.random.poisson(perHour(hour)) },
      () => hour + context.random.int(0, HOUR - 1),
    );
    yield* times.sort((a, b) => a - b);
  }
}

export function isWeekday(timeMs: number): boolean {
  const day = new Date(timeMs).getUTCDay();
  return day !== 0 && day !== 6;
}

export function hourOfDay(timeMs: number): number {
  return new Date(timeMs).getUTCHours();
}
