import type { ServerResponse } from "node:http";
import type { FaultAnswer } from "./faults";
import { sendError, sendMalformedJson } from "./protocols/json-1-1";
import type { ServiceCall, SharedState } from "./services/service";

/** Aborts when the client hangs up (or the answer is done), so a delayed answer stops waiting for nobody. */
function clientGone(response: ServerResponse): AbortSignal {
  const gone = new AbortController();
  response.once("close", () => gone.abort());
  return gone.signal;
}

/** Answers a faulted request as the fault says: an AWS error, a dropped connection, or a body cut off mid-JSON. */
function answerFault(response: ServerResponse, answer: FaultAnswer, requestId: string): void {
  switch (answer.kind) {
    case "error":
      return sendError(
        response,
        answer.status,
        answer.code,
        "Injected fault from the local CloudTrail endpoint.",
        requestId,
      );
    case "drop":
      response.destroy();
      return;
    case "malformed-json":
      return sendMalformedJson(response, answer.status, requestId);
  }
}

/**
 * What every signed request passes before its service reads it: it is counted, gets the next injected fault for its
 * Region (a delay on the shared clock, then an error, a dropped connection or a malformed body, or just the delay),
 * then the rate limit of `service` per account and Region: `account` is the caller's account, or one key every
 * caller without an issued session shares. Returns false when the gate has already answered (or hung up).
 */
export async function passGate(
  call: ServiceCall,
  shared: SharedState,
  service: string,
  account: string,
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
    if (fault.answer) {
      answerFault(response, fault.answer, requestId);
      return false;
    }
  }
  if (!shared.limiter.tryAdmit(`${service} ${account} ${region}`)) {
    shared.stats.throttled(region);
    sendError(response, 400, "ThrottlingException", "Rate exceeded", requestId);
    return false;
  }
  return true;
}
