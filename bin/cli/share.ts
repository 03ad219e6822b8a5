import type { Writable } from "node:stream";
import { apiErrorSchema, createdSnapshotSchema, type CreateSnapshotBody } from "../../lib/wire";
import type { ShareArgs } from "./args";

/**
 * `whydenied share`: sends the text to the server, which diagnoses and saves it, and prints the snapshot's link on
 * standard output and its delete token on standard error. Returns the exit status: 1 when the server refuses or
 * cannot be reached.
 */
export async function runShare(
  args: ShareArgs,
  text: string,
  io: { stdout: Writable; stderr: Writable },
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const body: CreateSnapshotBody = { kind: "paste", text, expiry: args.expiry, redact: args.redact };
  let response: Response;
  try {
    response = await fetchImpl(`${args.server}/api/snapshots`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    io.stderr.write(`whydenied: cannot reach ${args.server}: is whydenied running there (npm start)?\n`);
    return 1;
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(payload);
    io.stderr.write(
      error.success
        ? `whydenied: ${error.data.message} (${error.data.code})\n`
        : `whydenied: ${args.server} answered ${response.status}\n`,
    );
    return 1;
  }
  const created = createdSnapshotSchema.safeParse(payload);
  if (!created.success) {
    io.stderr.write(`whydenied: ${args.server} did not answer as a whydenied server does\n`);
    return 1;
  }
  io.stdout.write(`${args.server}${created.data.path}\n`);
  io.stderr.write(
    `Delete it with: curl -X DELETE -H "Authorization: Bearer ${created.data.deleteToken}" ${args.server}/api/snapshots/${created.data.id}\n`,
  );
  return 0;
}
