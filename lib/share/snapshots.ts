import type { InputErrorCode } from "../diagnose";
import type { Redactor } from "../redact";
import { fail, ok, type Result } from "../result";
import { expiresAt, isSnapshotId, newDeleteToken, newSnapshotId, type RandomSource } from "../snapshot";
import type { DeleteOutcome, SnapshotRecord, SnapshotStore } from "../store";
import type { CreatedSnapshot, CreateSnapshotRequest, Diagnosis, Snapshot, SnapshotContent } from "../wire";
import { ENGINE_VERSION } from "./engine-version";
import { redactRun } from "./redact-run";
import { hashDeleteToken } from "./token";

/** What sharing needs from the outside: the store, the time, random bytes, the engine, and a fresh redactor. */
export interface SharingDeps {
  store: SnapshotStore;
  now: () => Date;
  random: RandomSource;
  diagnose: (text: string) => Promise<Result<Diagnosis, InputErrorCode>>;
  /** A new redactor per snapshot: names map to the same mask within one snapshot, never across two. */
  newRedactor: () => Redactor;
}

async function contentOf(
  request: CreateSnapshotRequest,
  deps: SharingDeps,
): Promise<Result<SnapshotContent, InputErrorCode>> {
  if (request.kind === "paste") {
    // The redacted text is diagnosed again, so the findings are built from masks and hold no name either.
    const text = request.redact ? deps.newRedactor().redactText(request.text) : request.text;
    const diagnosis = await deps.diagnose(text);
    return diagnosis.ok ? ok({ kind: "paste", text, diagnosis: diagnosis.value }) : diagnosis;
  }
  const content = { kind: request.kind, groups: request.groups, events: request.events };
  return ok(request.redact ? await redactRun(content, deps.newRedactor(), deps.diagnose) : content);
}

/**
 * Saves a snapshot and answers with its id and the owner's delete token, once the store has committed it. A paste is
 * diagnosed here, by this server's engine; a lookup's or trail's groups are stored as the browser received them.
 * `createdBy` names the signed-in user in portal mode; null when no one in particular is signed in.
 */
export async function createSnapshot(
  request: CreateSnapshotRequest,
  deps: SharingDeps,
  createdBy: string | null = null,
): Promise<Result<CreatedSnapshot, InputErrorCode>> {
  const content = await contentOf(request, deps);
  if (!content.ok) return content;
  const createdAt = deps.now();
  const deleteToken = newDeleteToken(deps.random);
  const record: SnapshotRecord = {
    id: newSnapshotId(deps.random),
    content: content.value,
    engineVersion: ENGINE_VERSION,
    createdAt,
    expiresAt: expiresAt(createdAt, request.expiry),
    createdBy,
    redacted: request.redact,
    deleteTokenHash: hashDeleteToken(deleteToken),
  };
  await deps.store.insert(record);
  return ok({
    id: record.id,
    path: `/d/${record.id}`,
    deleteToken,
    expiresAt: record.expiresAt?.toISOString() ?? null,
  });
}

/** A stored snapshot in its public shape: everything but the token hash. */
function publicSnapshot(record: SnapshotRecord): Snapshot {
  return {
    id: record.id,
    content: record.content,
    engineVersion: record.engineVersion,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    createdBy: record.createdBy,
    redacted: record.redacted,
  };
}

/** The live snapshot with this id; an id of the wrong shape is not looked up at all. */
export async function readSnapshot(id: string, deps: Pick<SharingDeps, "store" | "now">): Promise<Snapshot | null> {
  if (!isSnapshotId(id)) return null;
  const record = await deps.store.find(id, deps.now());
  return record && publicSnapshot(record);
}

/** Deletes a snapshot for the holder of its delete token. */
export async function deleteSnapshot(
  id: string,
  token: string,
  deps: Pick<SharingDeps, "store" | "now">,
): Promise<Result<void, "snapshot.not-found" | "snapshot.bad-token">> {
  const outcome: DeleteOutcome = isSnapshotId(id)
    ? await deps.store.remove(id, hashDeleteToken(token), deps.now())
    : "not-found";
  if (outcome === "deleted") return ok(undefined);
  return outcome === "not-found"
    ? fail("snapshot.not-found", "There is no snapshot with this id, or it has expired.")
    : fail("snapshot.bad-token", "This delete token does not belong to the snapshot.");
}
