import type { Layer } from "@/lib/model";
import { LAYER_INFO } from "@/lib/classify/layers";

type Door = "inbound" | "outbound" | "key" | "guardrail" | null;

const DOOR_OF_LAYER: Record<Layer, Door> = {
  "resource-policy": "inbound",
  "trust-policy": "inbound",
  "execution-role": "outbound",
  "kms-key-policy": "key",
  scp: "guardrail",
  rcp: "guardrail",
  "permissions-boundary": "guardrail",
  "session-policy": "guardrail",
  "vpc-endpoint-policy": "guardrail",
  unknown: null,
};

const NODES = [
  { x: 10, label: "Caller" },
  { x: 200, label: "Lambda function" },
  { x: 390, label: "Target service" },
];

const DOORS: { id: Exclude<Door, "guardrail" | null>; x: number; label: string }[] = [
  { id: "inbound", x: 140, label: "Resource policy" },
  { id: "outbound", x: 330, label: "Execution role" },
  { id: "key", x: 520, label: "KMS key policy" },
];

/**
 * The "two doors" picture: caller → resource policy → function → execution role → service → key policy,
 * with guardrails as a band over the whole path. The door that denied is drawn red with a cross.
 */
export function TwoDoors({ layer }: { layer: Layer }) {
  const denied = DOOR_OF_LAYER[layer];
  const description =
    denied === null ? "The message does not say which door denied the request." : `Denied at the ${LAYER_INFO[layer].label}.`;
  return (
    <figure className="w-full">
      <svg viewBox="0 0 600 150" role="img" aria-label={`Request path: caller, resource policy, Lambda function, execution role, target service, KMS key policy. ${description}`} className="h-auto w-full">
        <title>{description}</title>
        <rect x="4" y="4" width="592" height="24" rx="6" className={denied === "guardrail" ? "fill-red-100 stroke-red-600 dark:fill-red-950" : "fill-slate-100 stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"} strokeWidth="1.5" />
        <text x="300" y="21" textAnchor="middle" className={denied === "guardrail" ? "fill-red-700 text-[11px] font-semibold dark:fill-red-300" : "fill-slate-500 text-[11px] dark:fill-slate-400"}>
          {denied === "guardrail" ? `✕ Guardrail: ${LAYER_INFO[layer].label}` : "Guardrails: SCP · RCP · boundary · session · VPC endpoint"}
        </text>
        <line x1="60" y1="85" x2="560" y2="85" className="stroke-slate-300 dark:stroke-slate-600" strokeWidth="2" strokeDasharray="4 4" />
        {NODES.map((node) => (
          <g key={node.label}>
            <rect x={node.x} y="62" width="110" height="46" rx="10" className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500" strokeWidth="1.5" />
            <text x={node.x + 55} y="89" textAnchor="middle" className="fill-slate-700 text-[12px] font-medium dark:fill-slate-200">
              {node.label}
            </text>
          </g>
        ))}
        {DOORS.map((door) => {
          const isDenied = denied === door.id;
          return (
            <g key={door.id}>
              <rect x={door.x} y="54" width="50" height="62" rx="4" className={isDenied ? "fill-red-500 stroke-red-700" : "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-500"} strokeWidth="2" />
              {isDenied && (
                <path d={`M${door.x + 13} 73 l24 24 M${door.x + 37} 73 l-24 24`} className="stroke-white" strokeWidth="4" strokeLinecap="round" />
              )}
              <text x={door.x + 25} y="134" textAnchor="middle" className={isDenied ? "fill-red-700 text-[11px] font-bold dark:fill-red-300" : "fill-slate-600 text-[11px] dark:fill-slate-300"}>
                {door.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-center text-xs text-slate-600 dark:text-slate-400">
        Inbound door: who may call the function · Outbound door: what the function may call · Key door: who may use the key
      </figcaption>
    </figure>
  );
}
