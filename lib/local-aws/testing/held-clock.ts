import type { Clock } from "../../lookup";

interface Sleeper {
  until: number;
  wake(): void;
}

/**
 * A clock that stands still until the test moves it: a sleep stays pending until `advance` passes
 * its end (or its signal aborts), so a delayed answer can be held and released without waiting.
 */
export class HeldClock implements Clock {
  private time: number;
  private sleepers: Sleeper[] = [];
  private watchers: ((ms: number) => void)[] = [];

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((candidate) => candidate !== sleeper);
        reject(signal?.reason as Error);
      };
      const sleeper: Sleeper = {
        until: this.time + ms,
        wake: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.sleepers.push(sleeper);
      for (const watcher of this.watchers.splice(0)) watcher(ms);
    });
  }

  /** Resolves with the length of the next sleep anyone starts. */
  nextSleep(): Promise<number> {
    return new Promise((resolve) => this.watchers.push(resolve));
  }

  /** How many sleeps are still waiting for the clock to reach their end. */
  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  /** Moves time forward and wakes every sleep that has ended. */
  advance(ms: number): void {
    this.time += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.until <= this.time);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > this.time);
    for (const sleeper of due) sleeper.wake();
  }
}
