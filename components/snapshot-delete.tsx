"use client";

import { useMutation } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { ApiError, apiErrorOf } from "./api";
import { deleteTokenFor, forgetDeleteToken } from "./snapshot-tokens";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";

async function deleteSnapshot(id: string, token: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/snapshots/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError("network.unreachable", "Could not reach the whydenied server. Is it still running?");
  }
  if (!response.ok) throw apiErrorOf(response.status, await response.json().catch(() => null));
}

function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/** Delete, for the browser that created the snapshot (it holds the token); nothing for anyone else. */
export function SnapshotDelete({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  // The server cannot know this browser's tokens: it renders without Delete, and the browser adds it after hydration.
  const token = useSyncExternalStore(
    subscribeToStorage,
    () => deleteTokenFor(id),
    () => null,
  );
  const remove = useMutation<void, ApiError, string>({
    mutationKey: ["delete-snapshot", id],
    mutationFn: (held) => deleteSnapshot(id, held),
    onSuccess: () => {
      forgetDeleteToken(id);
      onDeleted();
    },
  });
  if (!token) return null;
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => remove.mutate(token)} disabled={remove.isPending}>
        {remove.isPending ? "Deleting…" : "Delete this snapshot"}
      </Button>
      {remove.isError && (
        <Alert tone="error" role="alert">
          {remove.error.message}
        </Alert>
      )}
    </div>
  );
}
