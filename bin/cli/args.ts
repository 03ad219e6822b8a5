import { snapshotExpirySchema, type SnapshotExpiry } from "../../lib/wire";

/** Parsed `whydenied diagnose` arguments. */
export interface DiagnoseArgs {
  json: boolean;
  batch: boolean;
  /** Print every candidate's statement and fix, not only the top one's. */
  all: boolean;
  /** File path, or "-" for standard input. */
  input: string;
}

/** Parsed `whydenied share` arguments. */
export interface ShareArgs {
  /** The whydenied server to save the snapshot on, without a trailing slash. */
  server: string;
  expiry: SnapshotExpiry;
  redact: boolean;
  /** File path, or "-" for standard input. */
  input: string;
}

/** `npm start`'s address: the local server. */
const DEFAULT_SERVER = "http://127.0.0.1:3000";

export const USAGE = `Usage: whydenied diagnose [--json] [--batch] [--all] [FILE|-]
       whydenied share [--server URL] [--expires 1d|7d|30d|never] [--redact] [FILE|-]

Reads an AWS error (CLI/SDK output, log lines, CloudTrail JSON) from FILE or standard input
and prints which permission layer denied the request and the fix.

  --json    print the diagnosis as JSON: {"findings": [...], "nonDenials": [...], "truncated": false}
  --batch   read JSON Lines {"id": "...", "text": "..."} and write one line
            {"id": "...", "findings": [...]} per input, in order
  --all     print the statement and fix of every candidate layer, not only the most likely one's

whydenied share saves the diagnosis of FILE (or standard input) as a snapshot on a whydenied server and
prints its link; the delete token goes to standard error.

  --server URL   the server (default ${DEFAULT_SERVER}, where npm start serves)
  --expires T    keep it 1d, 7d, 30d (default) or never
  --redact       mask account ids and resource names in what the server stores

  -h, --help  show this help

Exit status: 0 on success (with or without findings), 1 when the input is rejected, 2 on usage errors.`;

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "diagnose"; args: DiagnoseArgs }
  | { kind: "share"; args: ShareArgs }
  | { kind: "usage-error"; message: string };

type UsageError = Extract<ParsedArgs, { kind: "usage-error" }>;
const usageError = (message: string): UsageError => ({ kind: "usage-error", message });

function parseServer(value: string | undefined): string | UsageError {
  try {
    const url = new URL(value ?? "");
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin + url.pathname.replace(/\/+$/, "");
  } catch {
    // Falls through to the usage error.
  }
  return usageError("--server takes an http(s) URL, for example http://127.0.0.1:3000");
}

function parseShare(rest: string[]): ParsedArgs {
  const args: ShareArgs = { server: DEFAULT_SERVER, expiry: "30d", redact: false, input: "-" };
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    if (arg === "--redact") args.redact = true;
    else if (arg === "--server") {
      const server = parseServer(rest[++index]);
      if (typeof server !== "string") return server;
      args.server = server;
    } else if (arg === "--expires") {
      const expiry = snapshotExpirySchema.safeParse(rest[++index]);
      if (!expiry.success) return usageError("--expires takes 1d, 7d, 30d or never.");
      args.expiry = expiry.data;
    } else if (arg.startsWith("--")) return usageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) return usageError("Give at most one FILE (or - for standard input).");
  args.input = positional[0] ?? "-";
  return { kind: "share", args };
}

/** Reads the command line: `diagnose` or `share`; no command at all is a usage error. */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes("-h") || argv.includes("--help")) return { kind: "help" };
  if (argv.length === 0) return { kind: "usage-error", message: "Give a command." };
  const [command, ...rest] = argv;
  if (command === "share") return parseShare(rest);
  if (command !== "diagnose")
    return { kind: "usage-error", message: `Unknown command "${command}". Try: whydenied --help` };
  const args: DiagnoseArgs = { json: false, batch: false, all: false, input: "-" };
  const positional: string[] = [];
  for (const arg of rest) {
    if (arg === "--json") args.json = true;
    else if (arg === "--batch") args.batch = true;
    else if (arg === "--all") args.all = true;
    else if (arg.startsWith("--")) return { kind: "usage-error", message: `Unknown option ${arg}` };
    else positional.push(arg);
  }
  if (positional.length > 1)
    return { kind: "usage-error", message: "Give at most one FILE (or - for standard input)." };
  args.input = positional[0] ?? "-";
  return { kind: "diagnose", args };
}
