import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { portalDemoDenial } from "../../lib/demo";
import { accountsVisibleTo, loadPortalConfig, type PortalConfig } from "../../lib/portal/config";
import { fail, ok, type Result } from "../../lib/result";
import { startSignInProxy, type SignInProxy, type SimulatedUser } from "./sign-in-proxy";
import { freePort } from "../../lib/http/ports";

const USAGE = `Usage: npm run demo:portal -- [options]

Runs the team portal on this machine with no AWS account: a local AWS endpoint serving the configuration's
accounts, the app in portal mode (built first when needed), and a simulated sign-in proxy in front of it that
signs every browser request in as one user. Open the address it prints; Ctrl-C stops all of it.

  --user ID        who is signed in (default alice@example.com; an address is also sent as the email)
  --groups LIST    their groups, comma-separated (default platform,developers)
  --config FILE    the portal configuration (default portal.example.yaml)
  --port N         the sign-in proxy's port on 127.0.0.1, the one to open (default 3000)
  -h, --help       show this help

Saved snapshots and history go to the embedded store in $WHYDENIED_DATA_DIR (default ./data/portal-demo),
or to PostgreSQL when DATABASE_URL is set.`;

const root = fileURLToPath(new URL("../..", import.meta.url));

interface Io {
  stdout: Writable;
  stderr: Writable;
}

/** The demo's choices, from its command line. */
export interface DemoOptions {
  who: SimulatedUser;
  config: string;
  port: number;
}

/** Reads the command line: the demo's options, or null for --help. */
export function demoOptionsOf(argv: string[]): Result<DemoOptions | null, "demo.usage"> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        user: { type: "string", default: "alice@example.com" },
        groups: { type: "string", default: "platform,developers" },
        config: { type: "string", default: "portal.example.yaml" },
        port: { type: "string", default: "3000" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) return ok(null);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      return fail("demo.usage", `--port needs a port number, got "${values.port}"`);
    if (!/^[\w+=,.@-]{2,64}$/.test(values.user))
      return fail(
        "demo.usage",
        `--user needs 2 to 64 letters, digits or _+=,.@- (what AWS accepts as a source identity), got "${values.user}"`,
      );
    const groups = values.groups
      .split(",")
      .map((group) => group.trim())
      .filter(Boolean);
    return ok({ who: { user: values.user, groups }, config: resolve(values.config), port });
  } catch (error) {
    // parseArgs throws a TypeError naming the unknown or malformed option.
    if (error instanceof TypeError) return fail("demo.usage", error.message);
    throw error;
  }
}

/** Passes a child's output on, line by line, except lines `hide` matches (addresses the browser must not use). */
function relay(stream: NodeJS.ReadableStream, to: Writable, hide: RegExp): void {
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (!hide.test(line)) to.write(`${line}\n`);
  });
}

/** Starts the local endpoint on a free port; resolves with its URL once it listens. */
function startEndpoint(config: string, io: Io): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveEndpoint, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, "bin/local-cloudtrail.mjs"), "--portal-config", config, "--port", "0"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolveEndpoint({ child, url });
    });
    child.stderr.pipe(io.stderr);
    child.once("exit", (code) => reject(new Error(`the local AWS endpoint stopped (exit ${code ?? "by signal"})`)));
  });
}

/** The app's environment: portal mode behind oauth2-proxy, every AWS call to the local endpoint, dummy keys. */
function appEnv(endpoint: string, options: DemoOptions, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    WHYDENIED_AUTH: "proxy",
    WHYDENIED_PROXY: "oauth2-proxy",
    WHYDENIED_CONFIG: options.config,
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint,
    WHYDENIED_STS_ENDPOINT: endpoint,
    WHYDENIED_TOOLBOX_ENDPOINT: endpoint,
    // The local endpoint checks signatures' shape, not these keys: no real credential leaves the machine.
    AWS_ACCESS_KEY_ID: "AKIAPORTALDEMO000000",
    AWS_SECRET_ACCESS_KEY: "portal-demo-not-a-secret",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    WHYDENIED_DATA_DIR: process.env.WHYDENIED_DATA_DIR || join(root, "data/portal-demo"),
  };
  for (const name of ["AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"]) delete env[name];
  return env;
}

/** Resolves once the app answers its health check (the first start builds it first); stops asking if it exits. */
async function appReady(app: ChildProcess, url: string): Promise<void> {
  while (app.exitCode === null && app.signalCode === null) {
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error("the app stopped before it was ready");
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    child.once("exit", () => resolveStop());
    child.kill("SIGTERM");
  });
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveSignal();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** What the signed-in user can try: their accounts, and a pasted denial AWS itself explains in the first of them. */
function whatToTry(config: PortalConfig, options: DemoOptions): string {
  const [first, ...others] = accountsVisibleTo(config, options.who.groups);
  if (!first) return `  none of these groups may use an account of ${options.config}: the lookup page says so\n`;
  const names = [first, ...others].map((account) => `${account.name} (${account.accountId})`).join(", ");
  return (
    `  accounts: ${names}\n` +
    `  paste this error for an answer "Proven by AWS" in ${first.name}:\n\n${portalDemoDenial(first.accountId).message}\n`
  );
}

/** Resolves with a line saying which child stopped, when one does. */
function exitOf(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolveExit) =>
    child.once("exit", (code) => resolveExit(`${name} stopped (exit ${code ?? "by signal"})`)),
  );
}

/** `npm run demo:portal`: runs the endpoint, the app and the sign-in proxy until Ctrl-C. Returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = demoOptionsOf(argv);
  if (!parsed.ok) {
    io.stderr.write(`demo:portal: ${parsed.error.message}\nTry --help.\n`);
    return 2;
  }
  const options = parsed.value;
  if (options === null) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = await loadPortalConfig(options.config, (file) => readFile(file, "utf8"));
  if (!config.ok) {
    io.stderr.write(`demo:portal: ${options.config}: ${config.error.message}\n`);
    return 2;
  }
  const children: ChildProcess[] = [];
  const signal = waitForStopSignal().then(() => null);
  let proxy: SignInProxy | undefined;
  try {
    const appPort = await freePort();
    // First, so a port already in use stops the demo before anything is built.
    proxy = await startSignInProxy({ target: `http://127.0.0.1:${appPort}`, who: options.who, port: options.port });
    const endpoint = await startEndpoint(options.config, io);
    children.push(endpoint.child);
    const app = spawn(process.execPath, [join(root, "bin/start.mjs")], {
      cwd: root,
      env: appEnv(endpoint.url, options, appPort),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(app);
    // Next prints the app's own address; only the proxy's is one to open (the app answers 401 without sign-in).
    relay(app.stdout, io.stdout, /^\s*- (Local|Network):/);
    relay(app.stderr, io.stderr, /^\s*- (Local|Network):/);
    const failed = Promise.race([exitOf(app, "the app"), exitOf(endpoint.child, "the local AWS endpoint")]);
    const started = await Promise.race([appReady(app, `http://127.0.0.1:${appPort}`).then(() => null), failed, signal]);
    if (started !== null) throw new Error(started);
    const groups = options.who.groups.length > 0 ? options.who.groups.join(", ") : "none";
    io.stdout.write(
      `\nwhydenied portal demo: open ${proxy.url}\n` +
        `  signed in as ${options.who.user} (groups: ${groups}) by a simulated sign-in proxy\n` +
        `  accounts from ${options.config}, served by a local AWS endpoint: no AWS account is used\n` +
        whatToTry(config.value, options) +
        `\nCtrl-C stops it all.\n`,
    );
    const stop = await Promise.race([failed, signal]);
    if (stop !== null) throw new Error(stop);
    return 0;
  } catch (error) {
    io.stderr.write(`demo:portal: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await proxy?.close();
    await Promise.all(children.map(stopped));
  }
}
