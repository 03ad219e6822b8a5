import type { TrailRecord } from "../../../trail-record";
import { EventStore } from "./store";

/** The account a record belongs to: the one CloudTrail delivered it to, else the caller's. */
function accountOf(record: TrailRecord): string | null {
  const recipient = record.recipientAccountId;
  if (typeof recipient === "string") return recipient;
  const caller = (record.userIdentity as { accountId?: unknown } | undefined)?.accountId;
  return typeof caller === "string" ? caller : null;
}

/**
 * The records as each caller sees them: plain credentials every record, a session of account X only X's records
 * (its own event history), each account's index built the first time it is asked for.
 */
export class AccountStores {
  private readonly all: EventStore;
  private readonly byAccount = new Map<string, EventStore>();

  constructor(private readonly records: readonly TrailRecord[]) {
    this.all = EventStore.fromRecords(records);
  }

  /** Every record, for callers that are no account's session. */
  everything(): EventStore {
    return this.all;
  }

  /** The records of one account. */
  of(accountId: string): EventStore {
    let store = this.byAccount.get(accountId);
    if (!store) {
      store = EventStore.fromRecords(this.records.filter((record) => accountOf(record) === accountId));
      this.byAccount.set(accountId, store);
    }
    return store;
  }
}
