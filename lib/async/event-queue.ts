/** A push-based async queue: producers running in parallel push, one consumer iterates in order. */
export class EventQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: (() => void) | null = null;
  private readonly draining = new Set<() => void>();
  private closed = false;
  private failure: { error: unknown } | null = null;

  /** Adds items for the consumer, waking it if it waits. */
  push(...items: T[]): void {
    this.items.push(...items);
    this.wake();
  }

  /** No more items will come; the iterator ends once the queue is drained. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The producer failed: the iterator throws `error` once the items before it are drained. */
  fail(error: unknown): void {
    this.failure = { error };
    this.close();
  }

  /**
   * Resolves once at most `limit` items wait unread (or `signal` aborts): a producer awaits it before making
   * more, so a consumer that stops reading stops the work behind it instead of letting the queue grow.
   */
  async backlogAtMost(limit: number, signal: AbortSignal): Promise<void> {
    if (this.items.length <= limit || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (this.items.length > limit && !signal.aborted) return;
        this.draining.delete(check);
        signal.removeEventListener("abort", check);
        resolve();
      };
      this.draining.add(check);
      signal.addEventListener("abort", check, { once: true });
    });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        if (this.draining.size > 0) for (const check of [...this.draining]) check();
        yield item;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.();
  }
}
