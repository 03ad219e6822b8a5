import type { AuditLine } from "../wire";
import type { AuditEntry } from "./entry";
import type { AuditRange, HistoryStore } from "./store";

/** Audit entries read per database round trip while exporting. */
const AUDIT_EXPORT_PAGE = 500;

/** An audit entry as one line of the export says it. */
function auditLineOf(entry: AuditEntry): AuditLine {
  return { ...entry, at: entry.at.toISOString() };
}

/**
 * The audit log in `range` as JSON Lines (one JSON object and a newline per entry, oldest first), read a page at a
 * time and only as fast as the reader takes it: memory holds about one page, whatever the log's size. A database
 * failure mid-way errors the stream, so a download cut short never looks complete.
 */
export function auditJsonLines(
  store: Pick<HistoryStore, "auditPage">,
  range: AuditRange,
  pageSize: number = AUDIT_EXPORT_PAGE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: AuditEntry | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const entries = await store.auditPage(range, cursor, pageSize);
        if (entries.length > 0)
          controller.enqueue(
            encoder.encode(entries.map((entry) => `${JSON.stringify(auditLineOf(entry))}\n`).join("")),
          );
        cursor = entries.at(-1) ?? cursor;
        if (entries.length < pageSize) controller.close();
      },
    },
    // Nothing is read ahead of the reader: the next page is fetched when the last one has been taken.
    { highWaterMark: 0 },
  );
}
