/** The window LookupEvents counts requests in. */
export const WINDOW_MS = 1000;

/** One request turn as the shared ledger records it (epoch ms). */
export interface RecordedTurn {
  startedAt: number;
  /** When its answer (or failure) came back; null while it is in flight. */
  finishedAt: number | null;
  /** Past this, a turn still in flight counts as answered then: its holder died (or hung) and its request is over. */
  leaseUntil: number;
}

/** How turns are spaced: the budget, the margin per window, and how often to look again for another process's answer. */
export interface TurnPolicy {
  requestsPerSecond: number;
  marginMs: number;
  pollMs: number;
}

/** Take the turn starting `at` (now, or the earliest free instant ahead, booked), or look again after `waitMs`. */
export type TurnDecision = { take: true; at: number } | { take: false; waitMs: number };

/**
 * Whether a new turn may start at `now`, given the budget's recent turns (newest first), under the same rule as the
 * in-process pacer: starts at least 1/rate apart, and no start until a full window (plus the margin) after the answer
 * to the turn ceil(rate) turns earlier — that request reached the server before its answer came back, so any one
 * window of the server holds at most ceil(rate) of them. Once that answer is known the turn is booked for the earliest
 * instant the rule allows (now, or ahead), so taking it costs nothing when its time comes. While that answer is
 * outstanding the next look is at the earliest instant it could allow, then every `pollMs`, until it arrives or its
 * lease runs out.
 */
export function scheduleTurn(recent: readonly RecordedTurn[], now: number, policy: TurnPolicy): TurnDecision {
  const spacingAt = recent[0] ? recent[0].startedAt + WINDOW_MS / policy.requestsPerSecond : -Infinity;
  const opener = recent[Math.ceil(policy.requestsPerSecond) - 1];
  const answeredAt = opener ? (opener.finishedAt ?? (now >= opener.leaseUntil ? opener.leaseUntil : null)) : -Infinity;
  if (answeredAt === null) {
    const earliest = Math.max(spacingAt, opener!.startedAt + WINDOW_MS + policy.marginMs);
    const waitMs = earliest > now ? earliest - now : Math.min(policy.pollMs, opener!.leaseUntil - now);
    return { take: false, waitMs };
  }
  return { take: true, at: Math.max(now, spacingAt, answeredAt + WINDOW_MS + policy.marginMs) };
}
