import type { Clock } from "../clock";

/** A clock whose sleeps pass instantly, moving its time forward: paced scans run without waiting. */
export class VirtualClock implements Clock {
  private time: number;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    await Promise.resolve();
    this.time += Math.max(0, ms);
    signal?.throwIfAborted();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
