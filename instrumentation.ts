/** Runs once when the server starts; the store is opened in the Node.js runtime only (see instrumentation-node.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSharingOrExit } = await import("./instrumentation-node");
  await startSharingOrExit();
}
