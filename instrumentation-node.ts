import { sharing } from "@/lib/share";

/**
 * The Node.js half of instrumentation.ts: opens the snapshot store (running its migrations) and starts the purge, or
 * stops the server with the database's message when it cannot be reached or is at a newer schema than this code.
 */
export async function startSharingOrExit(): Promise<void> {
  const opened = await sharing();
  if (opened.ok) return;
  console.error(`whydenied cannot start: ${opened.error.message}`);
  process.exit(1);
}
