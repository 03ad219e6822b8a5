import { describePrincipal } from "../iam";
import type { Finding, Layer, RunKind } from "../wire";

/** The most roles and actions one run records; the first ones (the findings' order, most likely first) are kept. */
export const MAX_RUN_ROLES = 20;
export const MAX_RUN_ACTIONS = 50;
/** Longer values are not role ARNs or actions (IAM's own limits are 2048 and 128 characters): they are left out. */
const MAX_ARN_LENGTH = 2048;
const MAX_ACTION_LENGTH = 256;

/** A configured account, as a run or an audit entry names it. */
interface RunAccount {
  id: string;
  name: string;
}

/** One run as the history keeps it: who, when, where, and the answer's roles, actions and layers — never its text. */
export interface RunEntry {
  id: string;
  at: Date;
  user: string;
  kind: RunKind;
  account: RunAccount | null;
  roles: string[];
  actions: string[];
  layers: Layer[];
  findingCount: number;
  snapshotId: string | null;
}

/** One AssumeRole the server made for a user: the audit log's row. */
export interface AuditEntry {
  id: string;
  at: Date;
  user: string;
  accountId: string;
  roleArn: string;
  sessionName: string;
  purpose: "lookup" | "authority";
  outcome: "ok" | "refused";
}

/** What a run answered: a diagnosis's findings, or a lookup's or trail file's groups (a finding for the first ones). */
export type RunAnswer =
  | { findings: readonly Finding[] }
  | { groups: readonly { layer: Layer; action: string | null; finding: Finding | null }[] };

/** The facts of a run the caller knows: its id and time (injected), who, what kind, where, and a shared snapshot. */
export interface RunContext {
  id: string;
  at: Date;
  user: string;
  kind: RunKind;
  account: RunAccount | null;
  /** A lookup's or trail file's own role, recorded first. */
  roleArn?: string | null;
  snapshotId?: string | null;
}

/** The role a finding's caller acted as (the role of an assumed-role session), or the IAM user; null for others. */
function roleOf(finding: Finding): string | null {
  const info = describePrincipal(finding.principal);
  if (!info || !["assumed-role", "role", "user"].includes(info.kind)) return null;
  return info.policyArn;
}

/** The distinct values in first-seen order, at most `max`, each at most `maxLength` characters long. */
function bounded<T extends string>(values: Iterable<T | null | undefined>, max: number, maxLength: number): T[] {
  const kept = new Set<T>();
  for (const value of values) {
    if (kept.size === max) break;
    if (value && value.length <= maxLength) kept.add(value);
  }
  return [...kept];
}

/**
 * The history row of a run: the roles, actions and layers its findings (or groups) name, bounded in number and
 * length, and how many there were. Only those facts are read from the answer: the pasted text, excerpts, resources
 * and fixes never reach the row.
 */
export function runEntryOf(answer: RunAnswer, context: RunContext): RunEntry {
  const items =
    "findings" in answer
      ? answer.findings.map((finding) => ({ layer: finding.layer, action: finding.action, finding }))
      : answer.groups;
  const findings = items.flatMap((item) => (item.finding ? [item.finding] : []));
  return {
    id: context.id,
    at: context.at,
    user: context.user,
    kind: context.kind,
    account: context.account,
    roles: bounded([context.roleArn, ...findings.map(roleOf)], MAX_RUN_ROLES, MAX_ARN_LENGTH),
    actions: bounded(
      items.map((item) => item.action),
      MAX_RUN_ACTIONS,
      MAX_ACTION_LENGTH,
    ),
    layers: bounded(
      items.map((item) => item.layer),
      Number.POSITIVE_INFINITY,
      MAX_ACTION_LENGTH,
    ),
    findingCount: items.length,
    snapshotId: context.snapshotId ?? null,
  };
}
