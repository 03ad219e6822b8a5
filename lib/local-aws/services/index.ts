import { cloudTrailService } from "./cloudtrail";
import type { LocalService, ServiceData } from "./service";

/** Every emulated service, in the order they are asked whether they claim a request: one more AWS service is one more line. */
export function createServices(data: ServiceData): LocalService[] {
  return [cloudTrailService(data)];
}

export type { LocalService, ServiceCall, ServiceData, SharedState } from "./service";
