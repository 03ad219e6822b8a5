import type { AppError } from "../result";
import type { Clock } from "./clock";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1; injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000, random: Math.random };

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries never bunch up. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + (policy.random() * ceiling) / 2;
}

export type Attempt<T, Code extends string> = () => Promise<
  { ok: true; value: T } | { ok: false; error: AppError<Code> }
>;

/**
 * Runs `attempt` until it succeeds, fails with a code that is not retryable, or runs out of
 * attempts; waits with backoff in between. `onRetry` hears about every failure that is retried.
 */
export async function withRetry<T, Code extends string>(
  attempt: Attempt<T, Code>,
  options: {
    policy: RetryPolicy;
    clock: Clock;
    isRetryable: (code: Code) => boolean;
    onRetry?: (error: AppError<Code>) => void;
    signal?: AbortSignal;
  },
): Promise<{ ok: true; value: T } | { ok: false; error: AppError<Code> }> {
  for (let tried = 1; ; tried++) {
    const result = await attempt();
    if (result.ok || !options.isRetryable(result.error.code) || tried >= options.policy.attempts) return result;
    options.onRetry?.(result.error);
    await options.clock.sleep(backoffDelay(tried - 1, options.policy), options.signal);
  }
}
