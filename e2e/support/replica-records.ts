// Writes the events the two-replica test reads to REPLICA_RECORDS, dated from now, before the local endpoint starts.
import { writeFileSync } from "node:fs";
import { replicaLoadRecords } from "../../lib/local-aws/testing/replica-load";
import { REPLICA_EVENTS, REPLICA_RECORDS } from "../ports";

writeFileSync(
  REPLICA_RECORDS,
  replicaLoadRecords(new Date(), REPLICA_EVENTS)
    .map((record) => JSON.stringify(record))
    .join("\n"),
);
