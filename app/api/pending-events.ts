import "server-only";
import type { GroupCount, LookupStreamEvent } from "@/lib/wire";

const encoder = new TextEncoder();

/**
 * The events made but not yet read, as NDJSON lines. Tallies and progress are state, not history: a newer
 * `counts` event replaces each group's older tally and a newer `progress` the older one, so however long
 * the work runs ahead of a reader that waits, they take one copy's room. Only the other events queue,
 * and they are bounded by the collector's caps (groups, rows). Tallies and progress go out after the
 * queued events, so a group's head always precedes its tally; a notice, error or done keeps its place
 * after the tallies made before it.
 */
export class PendingEvents {
  private readonly lines: Uint8Array[] = [];
  private readonly tallies = new Map<string, GroupCount>();
  private progress: LookupStreamEvent | null = null;
  /** Bytes of the queued lines (tallies and progress, bounded by one copy each, are not counted). */
  queuedBytes = 0;

  constructor(private readonly encode: (event: LookupStreamEvent) => string) {}

  get isEmpty(): boolean {
    return this.lines.length === 0 && this.tallies.size === 0 && this.progress === null;
  }

  push(event: LookupStreamEvent): void {
    switch (event.type) {
      case "counts":
        for (const tally of event.counts) {
          this.tallies.delete(tally.key); // re-inserted last, so tallies keep the order they changed in
          this.tallies.set(tally.key, tally);
        }
        return;
      case "progress":
        this.progress = event;
        return;
      case "notice":
      case "error":
      case "done":
        this.queueState();
        this.queue(event);
        return;
      default:
        this.queue(event);
    }
  }

  /** The next line to send, or null when nothing waits. */
  take(): Uint8Array | null {
    if (this.lines.length === 0) this.queueState();
    const next = this.lines.shift();
    if (next) this.queuedBytes -= next.byteLength;
    return next ?? null;
  }

  private queueState(): void {
    if (this.tallies.size > 0) this.queue({ type: "counts", counts: [...this.tallies.values()] });
    this.tallies.clear();
    if (this.progress) this.queue(this.progress);
    this.progress = null;
  }

  private queue(event: LookupStreamEvent): void {
    const bytes = encoder.encode(this.encode(event));
    this.lines.push(bytes);
    this.queuedBytes += bytes.byteLength;
  }
}
