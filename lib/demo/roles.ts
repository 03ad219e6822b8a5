import { FUNCTIONS, roleArn, type DemoFunction } from "./account";

/** One role the demo data is about, as the lookup form offers it. */
interface DemoRolePreset {
  roleArn: string;
  functionName: string | null;
  region: string;
  summary: string;
}

/**
 * The roles and functions the demo data is about, for UI presets and tests. A function whose
 * denials are in Lambda's own sessions is offered without its name, so the preset finds them.
 */
export const DEMO_ROLES: DemoRolePreset[] = Object.values(FUNCTIONS).map((fn: DemoFunction) => ({
  roleArn: roleArn(fn.role),
  functionName: fn.deniedInLambdaSessions ? null : fn.name,
  region: fn.region,
  summary: fn.summary,
}));
