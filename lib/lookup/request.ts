/** The JSON body of POST /api/lookup, as a client sends it (the route's zod schema fills the defaults). */
export interface LookupRequestBody {
  roleArn: string;
  functionName?: string | null;
  regions: string[];
  /** Add the partition's global Region (us-east-1) for IAM and STS events; default true. */
  includeGlobalRegion?: boolean;
  window: { hours: number } | { start: string; end?: string };
  eventSource?: string | null;
  /** "aws" (default): the account the server's credentials reach; "demo": the built-in data. */
  source?: "aws" | "demo";
}
