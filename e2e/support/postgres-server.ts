// The end-to-end tests' PostgreSQL server, as a Playwright webServer: starts a throwaway cluster on POSTGRES_PORT,
// empties the demo server's data folder, and on SIGTERM or SIGINT stops the cluster and deletes both.
import { rmSync } from "node:fs";
import { startPostgresOn } from "../../lib/store/testing/postgres";
import { DEMO_DATA_DIR, POSTGRES_PORT } from "../ports";

rmSync(DEMO_DATA_DIR, { recursive: true, force: true });
const server = startPostgresOn(POSTGRES_PORT);
console.log(`PostgreSQL for the end-to-end tests on 127.0.0.1:${POSTGRES_PORT}`);
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => {
    server.stop();
    rmSync(DEMO_DATA_DIR, { recursive: true, force: true });
    process.exit(0);
  });
setInterval(() => undefined, 2 ** 30);
