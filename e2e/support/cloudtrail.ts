import type { APIRequestContext } from "@playwright/test";
import type { EndpointStats, Fault } from "../../lib/local-aws";
import { CLOUDTRAIL_URL, CONTROL_TOKEN } from "../ports";

/** The header lib/local-aws's control routes read (a type-only import keeps the endpoint's code out of the tests). */
const headers = { "x-whydenied-control-token": CONTROL_TOKEN };

/** Drives the local AWS endpoint's test hooks over HTTP (it runs in its own process). */
export const localCloudTrail = {
  async reset(request: APIRequestContext): Promise<void> {
    await request.post(`${CLOUDTRAIL_URL}/__control/reset`, { headers });
  },
  async inject(request: APIRequestContext, fault: Fault): Promise<void> {
    const response = await request.post(`${CLOUDTRAIL_URL}/__control/faults`, { data: fault, headers });
    if (!response.ok()) throw new Error(`fault refused: ${await response.text()}`);
  },
  async stats(request: APIRequestContext): Promise<EndpointStats> {
    return (await (await request.get(`${CLOUDTRAIL_URL}/__control/stats`, { headers })).json()) as EndpointStats;
  },
};
