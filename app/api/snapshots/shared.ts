import "server-only";
import { SNAPSHOT_HEADERS } from "@/lib/http";
import { sharing, type Sharing } from "@/lib/share";
import { errorResponse } from "../respond";

/** The process's sharing, or the 503 answer when its database cannot be reached. */
export async function openSharing(): Promise<{ ok: true; value: Sharing } | { ok: false; response: Response }> {
  const opened = await sharing();
  if (opened.ok) return opened;
  console.error(`[snapshots] ${opened.error.message}`);
  return {
    ok: false,
    response: errorResponse(
      { code: "store.unavailable", message: "Saved snapshots are unavailable: the database cannot be reached." },
      SNAPSHOT_HEADERS,
    ),
  };
}
