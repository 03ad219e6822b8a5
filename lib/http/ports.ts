import type { Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";

// Node only, so imported by its path rather than through lib/http's index, which the proxy and pages load.

/** A loopback port nothing listens on right now, as the OS picks it, for a server or child process to take. */
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

/** Starts `server` on `host`:`port` (0 lets the OS choose); resolves with the port it took, rejects if it cannot. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
