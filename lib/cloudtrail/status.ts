import "server-only";
import { serverEnv } from "../env";
import { LOOKUP_POLICY } from "../lookup";
import type { DemoRole, LookupStatus } from "../wire";
import { credentialStatus } from "./credentials";

/** The lookup form's starting facts, read from the environment and the credential chain; `demoRoles` are offered when the demo is on. */
export async function lookupStatus(demoRoles: DemoRole[]): Promise<LookupStatus> {
  const env = serverEnv();
  const demoEnabled = env.WHYDENIED_DEMO === "on";
  return {
    credentials: await credentialStatus(),
    target: env.WHYDENIED_CLOUDTRAIL_ENDPOINT ? "endpoint" : "aws",
    defaultRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    demo: { enabled: demoEnabled, roles: demoEnabled ? demoRoles : [] },
    requiredPolicy: LOOKUP_POLICY,
  };
}
