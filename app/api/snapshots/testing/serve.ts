// The snapshot routes in a process of their own, for the kill test: the same handlers and store code as the app.
// Opens the store first, then prints {"url": "..."} once it listens. Run with node --conditions=react-server --import tsx.
import { openSharing } from "../shared";
import { serveSnapshotRoutes } from "./http-server";

const opened = await openSharing();
if (!opened.ok) process.exit(1);
const { url } = await serveSnapshotRoutes();
process.stdout.write(`${JSON.stringify({ url })}\n`);
