/**
 * Runs once when the server starts: opens the snapshot store (running its migrations) and starts the purge, so a
 * database that cannot be reached, or is at a newer schema than this code, stops the server with that message.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sharing } = await import("@/lib/share");
  const opened = await sharing();
  if (opened.ok) return;
  console.error(`whydenied cannot start: ${opened.error.message}`);
  process.exit(1);
}
