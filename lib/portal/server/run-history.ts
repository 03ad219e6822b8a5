import "server-only";
import { randomUUID } from "node:crypto";
import { recordRun, runEntryOf, type RunAnswer, type RunContext } from "../../history";
import { processStore } from "../../store/process";
import type { DenialGroupHead, Finding, LookupStreamEvent, RunKind } from "../../wire";
import { accountOfFinding, type PortalAccount } from "../config";
import type { RequestContext } from "./context";

/** What the caller knows of a run beyond its answer: the account it read, its role, the snapshot it saved. */
interface RunFacts {
  /** The account read (its id); left out, the first of the user's accounts the findings name. */
  accountId?: string | null;
  roleArn?: string | null;
  snapshotId?: string | null;
}

/** The first of the user's accounts the findings belong to. */
function accountOfFindings(findings: readonly Finding[], accounts: readonly PortalAccount[]): PortalAccount | null {
  for (const finding of findings) {
    const account = accountOfFinding(finding, accounts);
    if (account) return account;
  }
  return null;
}

function runAccountOf(account: PortalAccount | null | undefined): RunContext["account"] {
  return account ? { id: account.accountId, name: account.name } : null;
}

/**
 * Writes a portal run to the history (who, when, which account, its roles, actions and layers — never its text).
 * Nothing in single mode. A database failure is logged and the user's answer goes out as it is.
 */
export async function recordPortalRun(
  context: RequestContext,
  kind: RunKind,
  answer: RunAnswer,
  facts: RunFacts = {},
): Promise<void> {
  if (context.mode !== "portal") return;
  const findings = "findings" in answer ? answer.findings : answer.groups.flatMap((group) => group.finding ?? []);
  const account =
    facts.accountId === undefined
      ? accountOfFindings(findings, context.accounts)
      : context.accounts.find((candidate) => candidate.accountId === facts.accountId);
  const store = await processStore();
  const entry = runEntryOf(answer, {
    id: randomUUID(),
    at: new Date(),
    user: context.identity.user,
    kind,
    account: runAccountOf(account),
    roleArn: facts.roleArn,
    snapshotId: facts.snapshotId,
  });
  const recorded = store.ok ? await recordRun(store.value.history, entry) : store;
  if (!recorded.ok) console.error(`[history] ${recorded.error.message}`);
}

/**
 * A lookup's or upload's stream, passed through unchanged, recorded in the portal's history once it ends (finished,
 * stopped or cut off by the client) with the groups it found.
 */
export async function* recordedStream(
  events: AsyncIterable<LookupStreamEvent>,
  context: RequestContext,
  kind: "lookup" | "trail",
  facts: RunFacts,
): AsyncGenerator<LookupStreamEvent> {
  if (context.mode !== "portal") {
    yield* events;
    return;
  }
  const groups: DenialGroupHead[] = [];
  try {
    for await (const event of events) {
      if (event.type === "group" && !event.group.transient) groups.push(event.group);
      yield event;
    }
  } finally {
    await recordPortalRun(context, kind, { groups }, facts);
  }
}
