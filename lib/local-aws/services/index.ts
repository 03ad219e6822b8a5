import { cloudTrailService } from "./cloudtrail";
import { iamToolboxService } from "./iam-toolbox";
import type { LocalService, ServiceData } from "./service";
import { stsService } from "./sts";

/** Every emulated service, in the order they are asked whether they claim a request: one more AWS service is one more line. */
export function createServices(data: ServiceData): LocalService[] {
  return [cloudTrailService(data), stsService(data), iamToolboxService(data)];
}

export type { AuthorizationSeed, LocalService, RoleSeed, ServiceCall, ServiceData, SharedState } from "./service";
