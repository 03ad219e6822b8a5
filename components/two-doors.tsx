import { doorLabel, doorOf, LAYER_INFO, type Door } from "@/lib/classify";
import type { Finding } from "@/lib/wire";

type PathDoor = Exclude<Door, "guardrail">;

/** Caller, doors and services along the request's path, left to right (or top to bottom on a phone). */
const PATH: ({ kind: "node"; label: string } | { kind: "door"; door: PathDoor })[] = [
  { kind: "node", label: "Caller" },
  { kind: "door", door: "inbound" },
  { kind: "node", label: "Lambda function" },
  { kind: "door", door: "outbound" },
  { kind: "node", label: "Target service" },
  { kind: "door", door: "target" },
];

interface Denial {
  door: Door | null;
  layer: Finding["layer"];
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

function Horizontal({ denial }: { denial: Denial }) {
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
      {PATH.map((step, index) => {
        const x = 10 + index * 105;
        if (step.kind === "node") {
          return (
            <g key={step.label}>
              <rect
                x={x}
                y="62"
                width="110"
                height="46"
                rx="10"
                className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"
                strokeWidth="1.5"
              />
              <text
                x={x + 55}
                y="89"
                textAnchor="middle"
                className="fill-slate-700 text-[12px] font-medium dark:fill-slate-200"
              >
                {step.label}
              </text>
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
            label={doorLabel(step.door, denial)}
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

function Vertical({ denial }: { denial: Denial }) {
  return (
    <svg viewBox="0 0 300 420" aria-hidden="true" className="h-auto w-full max-w-xs sm:hidden">
      <Guardrails x={4} y={4} width={292} height={26} denial={denial} vertical />
      <line
        x1="80"
        y1="50"
        x2="80"
        y2="410"
        className="stroke-slate-300 dark:stroke-slate-600"
        strokeWidth="2"
        strokeDasharray="4 4"
      />
      {PATH.map((step, index) => {
        const y = 42 + index * 62;
        if (step.kind === "node") {
          return (
            <g key={step.label}>
              <rect
                x="20"
                y={y}
                width="120"
                height="40"
                rx="10"
                className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500"
                strokeWidth="1.5"
              />
              <text
                x="80"
                y={y + 25}
                textAnchor="middle"
                className="fill-slate-700 text-[13px] font-medium dark:fill-slate-200"
              >
                {step.label}
              </text>
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
            label={doorLabel(step.door, denial)}
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
 * The "two doors" picture: caller → the function's resource policy → function → its execution role
 * → target service → the target's own policy (key, bucket, secret, trust), guardrails as a band over
 * it all. The door that denied is red with a cross when AWS said so, amber with a "?" when it is a guess.
 */
export function TwoDoors({ finding }: { finding: Finding }) {
  const denial: Denial = {
    door: doorOf(finding),
    layer: finding.layer,
    certain: finding.statedPolicyType !== null || finding.confidence >= 0.9,
  };
  const where =
    denial.door === null
      ? "The message does not say which door denied the request."
      : `${denial.certain ? "Denied at" : "Probably denied at"} the ${LAYER_INFO[finding.layer].label}.`;
  return (
    <div className="w-full">
      <div
        role="img"
        aria-label={`Request path: caller, the function's resource policy, Lambda function, execution role, target service, the target's policy. ${where}`}
      >
        <Horizontal denial={denial} />
        <Vertical denial={denial} />
      </div>
      <p className="mt-1 text-center text-xs text-slate-600 dark:text-slate-400">
        {where} Inbound: who may call the function · outbound: what its role may do · target: what the target lets in.
      </p>
    </div>
  );
}
