import "server-only";
import { serverEnv } from "@/lib/env";
import { clientKeyOf, createClientLimiter, sharedClientLimiter, type SharedClientLimiter } from "@/lib/http";
import { systemClock } from "@/lib/lookup";
import type { AppError } from "@/lib/result";
import { storeConfigOf } from "@/lib/store";
import { processStore } from "@/lib/store/process";
import type { LookupStreamEvent } from "@/lib/wire";
import { errorResponse } from "./respond";
import { streamEvents } from "./stream";

/** Lookups one client may run at once: each holds a turn in every Region's shared pacer. */
export const MAX_LOOKUPS_PER_CLIENT = 4;

/** Trail uploads one client may have read at once: each holds a core while it inflates and scans. */
export const MAX_UPLOADS_PER_CLIENT = 2;

/** What a refused client is told to wait: a running lookup or upload usually ends, or is stopped, within it. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

/** How long a replica's place outlives it when it is killed (renewed every third of it while the work runs). */
const SHARED_SLOT_LEASE_MS = 30_000;

type SlotKind = "lookup" | "upload";

const KINDS: Record<SlotKind, { max: number; plural: string }> = {
  lookup: { max: MAX_LOOKUPS_PER_CLIENT, plural: "lookups" },
  upload: { max: MAX_UPLOADS_PER_CLIENT, plural: "uploads" },
};

/** One per process, kept on globalThis so `next dev` reloads keep counting the same running work. */
const holder = globalThis as { whydeniedClientLimiters?: Map<SlotKind, SharedClientLimiter> };

/** A process's own count, in memory. */
function processLimiter(max: number): SharedClientLimiter {
  const limiter = createClientLimiter(max);
  return { tryEnter: (client) => Promise.resolve(limiter.tryEnter(client)) };
}

/** The process's limiter of one kind, made on first use. */
function limiterFor(kind: SlotKind): SharedClientLimiter {
  const limiters = (holder.whydeniedClientLimiters ??= new Map<SlotKind, SharedClientLimiter>());
  const limiter = limiters.get(kind) ?? newLimiter(kind);
  limiters.set(kind, limiter);
  return limiter;
}

/** With a PostgreSQL store the places are leases every replica counts; with the embedded store, this process's. */
function newLimiter(kind: SlotKind): SharedClientLimiter {
  const { max } = KINDS[kind];
  if (storeConfigOf(serverEnv()).kind === "embedded") return processLimiter(max);
  const onError = (error: unknown) =>
    console.error(
      `[${kind}] a shared client slot was not renewed or released: ${error instanceof Error ? error.message : "unknown"}`,
    );
  return {
    async tryEnter(client: string) {
      const opened = await processStore();
      if (!opened.ok) throw new Error(opened.error.message);
      const slots = opened.value.shared.clientSlots;
      return sharedClientLimiter({
        slots,
        kind,
        max,
        clock: systemClock,
        leaseMs: SHARED_SLOT_LEASE_MS,
        onError,
      }).tryEnter(client);
    },
  };
}

/** One of a client's places; `hold` keeps it until a stream has ended, `release` gives it back (both idempotent). */
interface ClientSlot {
  client: string;
  hold<T>(events: AsyncGenerator<T>): AsyncGenerator<T>;
  release(): void;
}

type ClientSlotResult =
  | { ok: true; slot: ClientSlot }
  | { ok: false; error: AppError<"request.too-many-concurrent">; headers: Record<string, string> };

/**
 * Takes one of the requesting client's places for a lookup or an upload (the client: the signed-in user when sign-in
 * is on, else the address `clientKeyOf` reads), or the typed 429 with Retry-After when it already runs the most it may.
 */
async function enterClientSlot(request: Request, kind: SlotKind, user: string | null): Promise<ClientSlotResult> {
  const client =
    user === null
      ? clientKeyOf(request.headers.get("x-forwarded-for"), serverEnv().WHYDENIED_TRUSTED_PROXIES)
      : `user ${user}`;
  const { max, plural } = KINDS[kind];
  const release = await limiterFor(kind).tryEnter(client);
  if (!release)
    return {
      ok: false,
      error: {
        code: "request.too-many-concurrent",
        message:
          `whydenied is already running ${max} ${plural} for you (or for clients it cannot tell apart from you), ` +
          `the most it runs at once for one client. Wait for one to finish or stop it, then try again.`,
      },
      headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
    };
  return { ok: true, slot: { client, hold: (events) => releasingAfter(events, release), release } };
}

async function* releasingAfter<T>(events: AsyncGenerator<T>, release: () => void): AsyncGenerator<T> {
  try {
    yield* events;
  } finally {
    release();
  }
}

/** What a slot's work opens: the stream to send, or the answer for an error found before any work was done. */
type Opened = { events: AsyncGenerator<LookupStreamEvent> } | { response: Response };

/**
 * Streams the events `open` starts (given the client and a signal that aborts when the request does) while holding
 * one of the client's places, or answers the typed 429 when it has none left. The place comes back when the stream
 * ends, fails or is cancelled, or at once when `open` answers without a stream.
 */
export async function streamInClientSlot(
  request: Request,
  kind: SlotKind,
  open: (client: string, signal: AbortSignal) => Opened | Promise<Opened>,
  options: { route: string; eager?: boolean; user?: string | null },
): Promise<Response> {
  const entered = await enterClientSlot(request, kind, options.user ?? null);
  if (!entered.ok) return errorResponse(entered.error, entered.headers);
  const { slot } = entered;
  let streaming = false;
  try {
    const cancel = new AbortController();
    request.signal.addEventListener("abort", () => cancel.abort(), { once: true });
    const opened = await open(slot.client, cancel.signal);
    if ("response" in opened) return opened.response;
    streaming = true;
    return await streamEvents(slot.hold(opened.events), cancel, options.route, { eager: options.eager });
  } finally {
    // Until the stream has started, nothing else gives the place back.
    if (!streaming) slot.release();
  }
}
