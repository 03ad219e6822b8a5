import { createServer } from "node:net";

/**
 * A loopback port nothing listens on right now, as the OS picks it, for a server or child process to take. Node
 * only, so it is imported by its path rather than through lib/http's index, which the proxy and pages load.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
