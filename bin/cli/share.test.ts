import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSnapshotRoutes, type RoutesServer } from "../../app/api/snapshots/testing/http-server";
import { snapshotSchema } from "../../lib/wire";
import { parseArgs } from "./args";
import { main } from "./main";

const DENIAL =
  "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket on resource: " +
  "arn:aws:s3:::team-logs because no identity-based policy allows the s3:ListBucket action";

const dataDir = mkdtempSync(join(tmpdir(), "whydenied-cli-share-"));
const savedEnv = { ...process.env };
let server: RoutesServer;

async function run(argv: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  const code = await main(argv, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

beforeAll(async () => {
  process.env = { ...savedEnv, WHYDENIED_DATA_DIR: dataDir };
  delete process.env.DATABASE_URL;
  server = await serveSnapshotRoutes();
});

afterAll(async () => {
  await server.close();
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("whydenied share", () => {
  it("saves the diagnosis on the server and prints its link", { timeout: 90_000 }, async () => {
    const { code, out, err } = await run(["share", "--server", `${server.url}/`, "--expires", "1d", "-"], DENIAL);
    expect(code).toBe(0);
    const link = out.trim();
    expect(link).toMatch(new RegExp(`^${server.url}/d/[A-Za-z0-9_-]{22}$`));
    expect(err).toContain("Authorization: Bearer ");
    const id = link.split("/d/")[1]!;
    const snapshot = snapshotSchema.parse(await (await fetch(`${server.url}/api/snapshots/${id}`)).json());
    expect(snapshot.content.kind === "paste" && snapshot.content.diagnosis.findings[0]?.action).toBe("s3:ListBucket");
    expect(Date.parse(snapshot.expiresAt ?? "") - Date.parse(snapshot.createdAt)).toBe(24 * 3_600_000);
  });

  it("says what the server refused, and exits 1", async () => {
    const { code, err } = await run(["share", "--server", server.url], "   ");
    expect(code).toBe(1);
    expect(err).toContain("(input.empty)");
  });

  it("says when the server cannot be reached", async () => {
    const { code, err } = await run(["share", "--server", "http://127.0.0.1:1"], DENIAL);
    expect(code).toBe(1);
    expect(err).toContain("cannot reach http://127.0.0.1:1");
  });

  it.each([
    [["share", "--expires", "1y"], "--expires takes 1d, 7d, 30d or never."],
    [["share", "--server", "ftp://x"], "--server takes an http(s) URL"],
    [["share", "--server"], "--server takes an http(s) URL"],
    [["share", "a", "b"], "Give at most one FILE"],
    [["share", "--json"], "Unknown option --json"],
  ])("refuses %j as a usage error", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe("usage-error");
    expect(parsed.kind === "usage-error" && parsed.message).toContain(message);
  });

  it("defaults to the local server, 30 days, unredacted, standard input", () => {
    expect(parseArgs(["share"])).toEqual({
      kind: "share",
      args: { server: "http://127.0.0.1:3000", expiry: "30d", redact: false, input: "-" },
    });
  });
});
