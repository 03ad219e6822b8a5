import type { LookupAttribute, PlannedScan } from "../wire";
import type { RoleTarget } from "./role";

export interface LookupPlan {
  scans: PlannedScan[];
  /** What the plan chose and what it cannot see, in the user's terms. */
  notes: string[];
}

export interface PlanInput {
  target: RoleTarget;
  functionName: string | null;
  regions: string[];
  /** The Region that records the partition's global IAM and STS events (us-east-1 for aws). */
  globalRegion: string | null;
  /** `kms.amazonaws.com`: only that service's events, when no function name narrows the scan. */
  eventSource: string | null;
}

/**
 * Chooses the narrowest LookupEvents attribute for each Region. A function's own calls run in a
 * session named after the function, so Username narrows best; otherwise EventSource, otherwise a
 * plain time scan filtered afterwards by the role.
 */
export function planLookup(input: PlanInput): LookupPlan {
  const notes: string[] = [];
  const regions = [...new Set(input.regions)];
  if (input.globalRegion && !regions.includes(input.globalRegion)) {
    regions.push(input.globalRegion);
    notes.push(
      `Added ${input.globalRegion}: CloudTrail records IAM and STS events there (role assumption, trust-policy denials).`,
    );
  }
  const session = input.functionName ?? input.target.sessionName;
  let attribute: LookupAttribute | null = null;
  if (session) {
    attribute = { key: "Username", value: session };
    notes.push(
      `Reading only events of session "${session}": the function's own calls. Calls Lambda makes on its behalf ` +
        "(awslambda_* sessions, e.g. creating network interfaces) need a lookup without a function name.",
    );
  } else if (input.eventSource) {
    attribute = { key: "EventSource", value: input.eventSource };
    notes.push(`Reading only ${input.eventSource} events, then keeping those of ${input.target.roleName}.`);
  } else {
    notes.push(
      `Reading every event in the window and keeping those of ${input.target.roleName}: give a function name to narrow the scan.`,
    );
  }
  return { scans: regions.map((region) => ({ region, attribute })), notes };
}
