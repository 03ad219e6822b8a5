import { readFileSync } from "node:fs";

/** A process's resident set size in bytes, from /proc/<pid>/status (Linux); null once the process is gone. */
function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Start, peak and end RSS over a stretch of time. */
export interface RssSpan {
  start: number;
  peak: number;
  end: number;
}

/** Samples a process's RSS every `everyMs` until `stop()`, which returns the span seen. */
export function sampleRss(pid: number, everyMs = 100): { stop: () => RssSpan } {
  const first = residentBytes(pid) ?? 0;
  const span: RssSpan = { start: first, peak: first, end: first };
  const sample = () => {
    const bytes = residentBytes(pid);
    if (bytes === null) return;
    span.peak = Math.max(span.peak, bytes);
    span.end = bytes;
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...span };
    },
  };
}
