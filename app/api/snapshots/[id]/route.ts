import { SNAPSHOT_HEADERS } from "@/lib/http";
import { deleteSnapshot, readSnapshot } from "@/lib/share";
import { isSnapshotId } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/wire";
import {
  admitApiRequest,
  apiHeaders,
  errorResponse,
  internalError,
  jsonResponse,
  methodNotAllowed,
} from "../../respond";
import { openSharing } from "../shared";

export const runtime = "nodejs";

interface Context {
  params: Promise<{ id: string }>;
}

const NOT_FOUND = {
  code: "snapshot.not-found",
  message: "There is no snapshot with this id, or it has expired.",
} as const;

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request);
    if (!admitted.ok) return admitted.response;
    const { id } = await params;
    // A malformed id is answered without opening, let alone reading, the store.
    if (!isSnapshotId(id)) return errorResponse(NOT_FOUND, SNAPSHOT_HEADERS);
    const opened = await openSharing();
    if (!opened.ok) return opened.response;
    const snapshot: Snapshot | null = await readSnapshot(id, opened.value.deps);
    if (!snapshot) return errorResponse(NOT_FOUND, SNAPSHOT_HEADERS);
    return jsonResponse(snapshot, { headers: SNAPSHOT_HEADERS });
  } catch (error) {
    return internalError("snapshots", error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request);
    if (!admitted.ok) return admitted.response;
    const { id } = await params;
    if (!isSnapshotId(id)) return errorResponse(NOT_FOUND, SNAPSHOT_HEADERS);
    const token = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!token)
      return errorResponse(
        { code: "request.invalid", message: "Send the snapshot's delete token as Authorization: Bearer <token>." },
        SNAPSHOT_HEADERS,
      );
    const opened = await openSharing();
    if (!opened.ok) return opened.response;
    const deleted = await deleteSnapshot(id, token, opened.value.deps);
    if (!deleted.ok) return errorResponse(deleted.error, SNAPSHOT_HEADERS);
    return new Response(null, { status: 204, headers: apiHeaders(SNAPSHOT_HEADERS) });
  } catch (error) {
    return internalError("snapshots", error);
  }
}

export const POST = methodNotAllowed("GET, DELETE");
export const PUT = methodNotAllowed("GET, DELETE");
export const PATCH = methodNotAllowed("GET, DELETE");
