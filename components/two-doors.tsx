import { doorLabel, doorOf, LAYER_INFO, type Door } from "@/lib/classify";
import type { CandidateWithFix, Finding } from "@/lib/wire";
import { cn } from "@/lib/cn";
import { callerLines, identityPolicyLabel, layerLabel, targetLines } from "./caller-words";
import { legend, whereDenied } from "./two-doors-caption";

type PathDoor = Exclude<Door, "guardrail">;
type Step = { kind: "node"; lines: [string, string | null] } | { kind: "door"; door: PathDoor; label?: string };

/** The Lambda picture: caller, the function's resource policy, the function, its role, the target, the target's policy. */
function lambdaPath(finding: Finding): Step[] {
  const caller = finding.caller.kind === "lambda-function" ? ["Caller", null] : callerLines(finding.caller);
  const fn = finding.caller.kind === "lambda-function" ? finding.caller.name : null;
  return [
    { kind: "node", lines: caller as [string, string | null] },
    { kind: "door", door: "inbound" },
    { kind: "node", lines: ["Lambda function", fn] },
    { kind: "door", door: "outbound" },
    { kind: "node", lines: ["Target service", null] },
    { kind: "door", door: "target" },
  ];
}

/** Any other caller: its own identity policy on its side, the target's resource, key or trust policy on the target's. */
function callerPath(finding: Finding): Step[] {
  return [
    { kind: "node", lines: callerLines(finding.caller) },
    { kind: "door", door: "outbound", label: identityPolicyLabel(finding.caller) },
    { kind: "door", door: "target" },
    { kind: "node", lines: targetLines(finding.service, finding.resource) },
  ];
}

/** The function's picture only when a function is the caller or the target; an API's own policy is drawn at the API. */
function involvesFunction(finding: Finding): boolean {
  if (finding.service === "execute-api" || finding.kind === "execute-api-anonymous") return false;
  return (
    finding.caller.kind === "lambda-function" ||
    finding.service === "lambda" ||
    finding.kind.startsWith("lambda-") ||
    finding.kind === "apigw-invalid-permissions" ||
    finding.kind === "s3-notification-destination"
  );
}

function NodeText({ x, y, lines, size }: { x: number; y: number; lines: [string, string | null]; size: number }) {
  const [title, name] = lines;
  return (
    <text
      x={x}
      y={name ? y - size / 2 : y}
      textAnchor="middle"
      className={cn("fill-slate-700 font-medium dark:fill-slate-200", size === 12 ? "text-[12px]" : "text-[13px]")}
    >
      <tspan x={x}>{title}</tspan>
      {name && (
        <tspan x={x} dy={size + 2} className="fill-slate-500 font-mono font-normal dark:fill-slate-400">
          {name}
        </tspan>
      )}
    </text>
  );
}

interface Denial {
  door: Door | null;
  layer: Finding["layer"];
  /** The denying layer's name in the caller's terms, written on the denied door. */
  label: string;
  /** AWS said so (or as good as): a solid red door; otherwise an amber "probably here". */
  certain: boolean;
}

function DoorShape({
  x,
  y,
  width,
  height,
  label,
  state,
  labelX,
  labelY,
  anchor,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  state: "open" | "denied" | "suspect";
  labelX: number;
  labelY: number;
  anchor: "middle" | "start";
}) {
  const shape = {
    open: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-500",
    denied: "fill-red-500 stroke-red-700",
    suspect: "fill-amber-100 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400",
  }[state];
  const text = {
    open: "fill-slate-600 dark:fill-slate-300",
    denied: "fill-red-700 font-bold dark:fill-red-300",
    suspect: "fill-amber-800 font-bold dark:fill-amber-300",
  }[state];
  const cx = x + width / 2;
  const cy = y + height / 2;
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx="4"
        className={shape}
        strokeWidth="2"
        strokeDasharray={state === "suspect" ? "5 3" : undefined}
      />
      {state === "denied" && (
        <path
          d={`M${cx - 11} ${cy - 11} l22 22 M${cx + 11} ${cy - 11} l-22 22`}
          className="stroke-white"
          strokeWidth="4"
          strokeLinecap="round"
        />
      )}
      {state === "suspect" && (
        <text
          x={cx}
          y={cy + 8}
          textAnchor="middle"
          className="fill-amber-700 text-[22px] font-bold dark:fill-amber-300"
        >
          ?
        </text>
      )}
      <text x={labelX} y={labelY} textAnchor={anchor} className={`text-[12px] ${text}`}>
        {label}
      </text>
    </g>
  );
}

function doorState(door: PathDoor, denial: Denial): "open" | "denied" | "suspect" {
  if (denial.door !== door) return "open";
  return denial.certain ? "denied" : "suspect";
}

function Guardrails({
  x,
  y,
  width,
  height,
  denial,
  vertical,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  denial: Denial;
  vertical: boolean;
}) {
  const hit = denial.door === "guardrail";
  const words = hit
    ? `${denial.certain ? "✕" : "?"} Guardrail: ${LAYER_INFO[denial.layer].label}`
    : vertical
      ? "Guardrails over the whole path"
      : "Guardrails: SCP · RCP · boundary · session · VPC endpoint";
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx="6"
        className={
          hit
            ? denial.certain
              ? "fill-red-100 stroke-red-600 dark:fill-red-950"
              : "fill-amber-100 stroke-amber-600 dark:fill-amber-950"
            : "fill-slate-100 stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"
        }
        strokeWidth="1.5"
        strokeDasharray={hit && !denial.certain ? "5 3" : undefined}
      />
      <text
        x={x + width / 2}
        y={y + height / 2 + 4}
        textAnchor="middle"
        className={
          hit
            ? "fill-red-800 text-[12px] font-semibold dark:fill-red-200"
            : "fill-slate-600 text-[12px] dark:fill-slate-300"
        }
      >
        {words}
      </text>
    </g>
  );
}

function Horizontal({ denial, path }: { denial: Denial; path: Step[] }) {
  const nodeWidth = path.length > 4 ? 110 : 140;
  return (
    <svg viewBox="0 0 640 150" aria-hidden="true" className="hidden h-auto w-full sm:block">
      <Guardrails x={4} y={4} width={632} height={26} denial={denial} vertical={false} />
      <line
        x1="60"
        y1="85"
        x2="600"
        y2="85"
        className="stroke-slate-300 dark:stroke-slate-600"
        strokeWidth="2"
        strokeDasharray="4 4"
      />
      {path.map((step, index) => {
        const x = 10 + index * (path.length > 4 ? 105 : 150);
        if (step.kind === "node") {
          return (
            <g key={`node-${index}`}>
              <rect
                x={x}
                y="62"
                width={nodeWidth}
                height="46"
                rx="10"
                className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"
                strokeWidth="1.5"
              />
              <NodeText x={x + nodeWidth / 2} y={89} lines={step.lines} size={12} />
            </g>
          );
        }
        return (
          <DoorShape
            key={step.door}
            x={x + 18}
            y={54}
            width={50}
            height={62}
            label={denial.door === step.door ? denial.label : (step.label ?? doorLabel(step.door, denial))}
            state={doorState(step.door, denial)}
            labelX={x + 43}
            labelY={136}
            anchor="middle"
          />
        );
      })}
    </svg>
  );
}

function Vertical({ denial, path }: { denial: Denial; path: Step[] }) {
  const height = 48 + path.length * 62;
  return (
    <svg viewBox={`0 0 300 ${height}`} aria-hidden="true" className="h-auto w-full max-w-xs sm:hidden">
      <Guardrails x={4} y={4} width={292} height={26} denial={denial} vertical />
      <line
        x1="80"
        y1="50"
        x2="80"
        y2={height - 10}
        className="stroke-slate-300 dark:stroke-slate-600"
        strokeWidth="2"
        strokeDasharray="4 4"
      />
      {path.map((step, index) => {
        const y = 42 + index * 62;
        if (step.kind === "node") {
          return (
            <g key={`node-${index}`}>
              <rect
                x="10"
                y={y}
                width="140"
                height="40"
                rx="10"
                className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"
                strokeWidth="1.5"
              />
              <NodeText x={80} y={y + 25} lines={step.lines} size={13} />
            </g>
          );
        }
        return (
          <DoorShape
            key={step.door}
            x={50}
            y={y - 4}
            width={60}
            height={48}
            label={denial.door === step.door ? denial.label : (step.label ?? doorLabel(step.door, denial))}
            state={doorState(step.door, denial)}
            labelX={122}
            labelY={y + 24}
            anchor="start"
          />
        );
      })}
    </svg>
  );
}

/**
 * The request's path with the door that denied it, for the candidate shown: the Lambda "two doors" (caller → the
 * function's resource policy → function → its execution role → target → the target's policy) when a function is
 * the caller or the target, else caller → its own identity policy → the target's policy → target. Guardrails are a
 * band over it all. The door that denied is red with a cross when AWS said so, amber with a "?" when it is a guess.
 */
export function TwoDoors({ finding, candidate }: { finding: Finding; candidate: CandidateWithFix }) {
  const lambda = involvesFunction(finding);
  const door = doorOf({ ...finding, layer: candidate.layer });
  const name = layerLabel(candidate.layer, finding.caller);
  const denial: Denial = {
    // Without a function in the path, who may call it and what the target lets in are one door: the target's.
    door: !lambda && door === "inbound" ? "target" : door,
    layer: candidate.layer,
    label: candidate.layer === "account-setting" ? "Setting, not a policy" : name.replace(" (identity policy)", ""),
    certain: candidate.certainty.basis === "stated" || candidate.confidence >= 0.9,
  };
  const path = lambda ? lambdaPath(finding) : callerPath(finding);
  const where = whereDenied({ layer: denial.layer, doorKnown: denial.door !== null, certain: denial.certain, name });
  const steps = path
    .map((step) =>
      step.kind === "node" ? step.lines.filter(Boolean).join(" ") : (step.label ?? doorLabel(step.door, denial)),
    )
    .join(", ");
  return (
    <div className="w-full">
      <div role="img" aria-label={`Request path: ${steps}. ${where}`}>
        <Horizontal denial={denial} path={path} />
        <Vertical denial={denial} path={path} />
      </div>
      <p className="mt-1 text-center text-xs text-slate-600 dark:text-slate-400">
        {where} {legend(finding, lambda, candidate.layer)}
      </p>
    </div>
  );
}
