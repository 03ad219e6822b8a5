import type { LOOKUP_POLICY } from "./errors";

/** A role of the built-in demo data, offered as a one-click example. */
export interface DemoRole {
  roleArn: string;
  functionName: string | null;
  region: string;
  summary: string;
}

/** What the lookup form needs to know before the first lookup; nothing here identifies the credentials. */
export interface LookupStatus {
  credentials: "available" | "missing";
  /** "aws", or "endpoint" when WHYDENIED_CLOUDTRAIL_ENDPOINT sends lookups elsewhere (its URL stays on the server). */
  target: "aws" | "endpoint";
  defaultRegion: string;
  demo: { enabled: boolean; roles: DemoRole[] };
  requiredPolicy: typeof LOOKUP_POLICY;
}
