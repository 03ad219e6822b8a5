import type { APIRequestContext } from "@playwright/test";
import type { EndpointStats, Fault } from "../../lib/local-aws";
import { CLOUDTRAIL_URL, CONTROL_TOKEN, PORTAL_AWS_URL } from "../ports";

/** The header lib/local-aws's control routes read (a type-only import keeps the endpoint's code out of the tests). */
const headers = { "x-whydenied-control-token": CONTROL_TOKEN };

/** Drives a local AWS endpoint's test hooks over HTTP (it runs in its own process). */
const endpointControl = (url: string) => ({
  async reset(request: APIRequestContext): Promise<void> {
    await request.post(`${url}/__control/reset`, { headers });
  },
  async inject(request: APIRequestContext, fault: Fault): Promise<void> {
    const response = await request.post(`${url}/__control/faults`, { data: fault, headers });
    if (!response.ok()) throw new Error(`fault refused: ${await response.text()}`);
  },
  async stats(request: APIRequestContext): Promise<EndpointStats> {
    return (await (await request.get(`${url}/__control/stats`, { headers })).json()) as EndpointStats;
  },
});

/** The endpoint the single-user app reads CloudTrail from. */
export const localCloudTrail = endpointControl(CLOUDTRAIL_URL);
/** The endpoint the portal assumes roles at and reads its accounts' CloudTrail from. */
export const portalAws = endpointControl(PORTAL_AWS_URL);
