/** Parsed `whydenied diagnose` arguments. */
export interface DiagnoseArgs {
  json: boolean;
  batch: boolean;
  /** Print every candidate's statement and fix, not only the top one's. */
  all: boolean;
  /** File path, or "-" for standard input. */
  input: string;
}

export const USAGE = `Usage: whydenied diagnose [--json] [--batch] [--all] [FILE|-]

Reads an AWS error (CLI/SDK output, log lines, CloudTrail JSON) from FILE or standard input
and prints which permission layer denied the request and the fix.

  --json    print the diagnosis as JSON: {"findings": [...], "nonDenials": [...], "truncated": false}
  --batch   read JSON Lines {"id": "...", "text": "..."} and write one line
            {"id": "...", "findings": [...]} per input, in order
  --all     print the statement and fix of every candidate layer, not only the most likely one's
  -h, --help  show this help

Exit status: 0 on success (with or without findings), 1 when the input is rejected, 2 on usage errors.`;

export type ParsedArgs =
  { kind: "help" } | { kind: "diagnose"; args: DiagnoseArgs } | { kind: "usage-error"; message: string };

/** Reads the command line; the only command is `diagnose`, and no command at all is a usage error. */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes("-h") || argv.includes("--help")) return { kind: "help" };
  if (argv.length === 0) return { kind: "usage-error", message: "Give a command." };
  const [command, ...rest] = argv;
  if (command !== "diagnose")
    return { kind: "usage-error", message: `Unknown command "${command}". Try: whydenied diagnose --help` };
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
