import type { APIRequestContext } from "@playwright/test";
import type { EndpointStats, Fault } from "../../lib/local-aws";
import { CLOUDTRAIL_URL } from "../ports";

/** Drives the local AWS endpoint's test hooks over HTTP (it runs in its own process). */
export const localCloudTrail = {
  async reset(request: APIRequestContext): Promise<void> {
    await request.post(`${CLOUDTRAIL_URL}/__control/reset`);
  },
  async inject(request: APIRequestContext, fault: Fault): Promise<void> {
    const response = await request.post(`${CLOUDTRAIL_URL}/__control/faults`, { data: fault });
    if (!response.ok()) throw new Error(`fault refused: ${await response.text()}`);
  },
  async stats(request: APIRequestContext): Promise<EndpointStats> {
    return (await (await request.get(`${CLOUDTRAIL_URL}/__control/stats`)).json()) as EndpointStats;
  },
};
