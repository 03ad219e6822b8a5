import type { TrailRecord } from "../../../trail-record";

/** One `Resource` of a LookupEvents `Event`. */
interface WireResource {
  ResourceType?: string;
  ResourceName?: string;
}

/** One LookupEvents `Event`, exactly as CloudTrail puts it on the wire. */
export interface WireEvent {
  EventId?: string;
  EventName: string;
  ReadOnly?: "true" | "false";
  AccessKeyId?: string;
  /** Epoch seconds. */
  EventTime: number;
  EventSource: string;
  Username?: string;
  Resources: WireResource[];
  /** The whole record, as a JSON string. */
  CloudTrailEvent: string;
}

/**
 * The `Username` CloudTrail reports for a record: the role session name for an assumed role
 * (the last segment of its ARN), the user name for an IAM user, "root" for the root user.
 */
export function usernameOf(identity: TrailRecord["userIdentity"]): string | undefined {
  if (!identity) return undefined;
  if (identity.type === "Root") return "root";
  if (identity.type === "AssumedRole") {
    const session = identity.arn?.split("/").slice(2).join("/");
    return session || identity.userName;
  }
  return identity.userName ?? identity.arn?.split("/").pop();
}

function resourcesOf(record: TrailRecord): WireResource[] {
  return (record.resources ?? []).map((resource) => {
    const name = resource.ARN ?? resource.arn;
    return {
      ...(resource.type ? { ResourceType: resource.type } : {}),
      ...(name ? { ResourceName: name } : {}),
    };
  });
}

/** Builds the LookupEvents view of a record whose event time is `timeMs`. */
export function toWireEvent(record: TrailRecord, timeMs: number): WireEvent {
  const username = usernameOf(record.userIdentity);
  const accessKeyId = record.userIdentity?.accessKeyId;
  return {
    ...(record.eventID ? { EventId: record.eventID } : {}),
    EventName: record.eventName,
    ...(record.readOnly === undefined ? {} : { ReadOnly: record.readOnly ? "true" : "false" }),
    ...(accessKeyId ? { AccessKeyId: accessKeyId } : {}),
    EventTime: timeMs / 1000,
    EventSource: record.eventSource,
    ...(username ? { Username: username } : {}),
    Resources: resourcesOf(record),
    CloudTrailEvent: JSON.stringify(record),
  };
}
