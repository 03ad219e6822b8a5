import type { ServerResponse } from "node:http";
import { sendError } from "./protocols/json-1-1";
import type { ServiceCall, SharedState } from "./services/service";

/** Aborts when the client hangs up (or the answer is done), so a delayed answer stops waiting for nobody. */
function clientGone(response: ServerResponse): AbortSignal {
  const gone = new AbortController();
  response.once("close", () => gone.abort());
  return gone.signal;
}

/**
 * What every signed request passes before its service reads it: it is counted, gets the next
 * injected fault for its Region (a delay on the shared clock, an error, or both), then the
 * per-Region rate limit of `service`. Returns false when the gate has already answered.
 */
export async function passGate(
  call: ServiceCall,
  shared: SharedState,
  service: string,
  region: string,
): Promise<boolean> {
  const { response, requestId } = call;
  shared.stats.request(region);
  const fault = shared.faults.take(region);
  if (fault) {
    shared.stats.faultServed();
    if (fault.delayMs > 0) {
      const gone = clientGone(response);
      try {
        await shared.clock.sleep(fault.delayMs, AbortSignal.any([shared.shutdown, gone]));
      } catch (error) {
        if (!gone.aborted || shared.shutdown.aborted) throw error;
        shared.stats.abandoned();
        return false;
      }
    }
    if (fault.error) {
      sendError(
        response,
        fault.error.status,
        fault.error.code,
        "Injected fault from the local CloudTrail endpoint.",
        requestId,
      );
      return false;
    }
  }
  if (!shared.limiter.tryAdmit(`${service} ${region}`)) {
    shared.stats.throttled(region);
    sendError(response, 400, "ThrottlingException", "Rate exceeded", requestId);
    return false;
  }
  return true;
}
