import { portalSettings } from "@/lib/portal/server";
import { sharing } from "@/lib/share";

/**
 * The Node.js half of instrumentation.ts: reads the sign-in settings and the portal configuration (WHYDENIED_CONFIG),
 * opens the snapshot store (running its migrations) and starts the purge, or stops the server with the problem — a
 * bad configuration field by name, a database that cannot be reached or is at a newer schema than this code.
 */
export async function startSharingOrExit(): Promise<void> {
  const portal = await portalSettings();
  if (!portal.ok) {
    console.error(`whydenied cannot start: ${portal.error.message}`);
    process.exit(1);
  }
  const opened = await sharing();
  if (opened.ok) return;
  console.error(`whydenied cannot start: ${opened.error.message}`);
  process.exit(1);
}
