import { z } from "zod";

const FAULT_STATUSES = [500, 502, 503, 504] as const;
type FaultStatus = (typeof FAULT_STATUSES)[number];

/** A fault that names only a code is a client error, as AWS answers ExpiredTokenException or AccessDeniedException. */
const CODE_ONLY_STATUS = 400;

/** What `inject` accepts, also the body of `POST /__control/faults`. */
export const faultSchema = z
  .strictObject({
    times: z.number().int().positive(),
    status: z.literal(FAULT_STATUSES).optional(),
    code: z
      .string()
      .regex(/^[A-Za-z][\w.]*$/)
      .optional(),
    delayMs: z.number().int().nonnegative().max(600_000).optional(),
    /** "drop": close the connection without an answer, as a load balancer or a network fault does. */
    connection: z.literal("drop").optional(),
    /** "malformed-json": a body cut off mid-JSON (HTTP 200, or the fault's status), as a truncated answer reads. */
    body: z.literal("malformed-json").optional(),
    region: z.string().min(1).optional(),
    /** Let this many matching requests through first: a fault in the middle of a scan, after pages were read. */
    after: z.number().int().nonnegative().optional(),
  })
  .refine(
    (fault) =>
      fault.status !== undefined ||
      fault.code !== undefined ||
      fault.delayMs !== undefined ||
      fault.connection !== undefined ||
      fault.body !== undefined,
    { message: "a fault needs a status, a code, a delayMs, a connection or a body" },
  )
  .refine((fault) => fault.connection === undefined || (fault.status ?? fault.code ?? fault.body) === undefined, {
    message: "a dropped connection sends no status, code or body",
  });

export type Fault = z.infer<typeof faultSchema>;

export interface FaultControl {
  /**
   * The next `times` LookupEvents requests (optionally only in `region`, after letting `after` through) get HTTP `status` with error `code`, a dropped
   * connection, or a malformed body, and/or wait `delayMs` before answering. `status` alone answers with AWS's usual
   * code for it (InternalFailure, ServiceUnavailableException…); `code` alone answers HTTP 400.
   */
  inject(fault: Fault): void;
  clear(): void;
}

/** How a faulted request is answered, instead of by its service. */
export type FaultAnswer =
  { kind: "error"; status: number; code: string } | { kind: "drop" } | { kind: "malformed-json"; status: number };

/** The fault one request gets: an answer of its own (null: the service answers), after a delay. */
export interface AppliedFault {
  answer: FaultAnswer | null;
  delayMs: number;
}

/** Error codes AWS front ends answer with for each status, unless the fault names its own. */
const DEFAULT_CODES: Record<FaultStatus, string> = {
  500: "InternalFailure",
  502: "BadGatewayException",
  503: "ServiceUnavailableException",
  504: "GatewayTimeoutException",
};

function answerOf(fault: Fault): FaultAnswer | null {
  if (fault.connection === "drop") return { kind: "drop" };
  if (fault.body === "malformed-json") return { kind: "malformed-json", status: fault.status ?? 200 };
  if (fault.status) return { kind: "error", status: fault.status, code: fault.code ?? DEFAULT_CODES[fault.status] };
  if (fault.code) return { kind: "error", status: CODE_ONLY_STATUS, code: fault.code };
  return null;
}

/** Injected faults, served to matching requests in the order they were injected. */
export class FaultQueue implements FaultControl {
  private pending: (Fault & { remaining: number; passesLeft: number })[] = [];

  inject(fault: Fault): void {
    const checked = faultSchema.parse(fault);
    this.pending.push({ ...checked, remaining: checked.times, passesLeft: checked.after ?? 0 });
  }

  clear(): void {
    this.pending = [];
  }

  /** Takes one use of the oldest fault that applies to `region`, if any. */
  take(region: string): AppliedFault | null {
    const fault = this.pending.find((candidate) => candidate.region === undefined || candidate.region === region);
    if (!fault) return null;
    if (fault.passesLeft > 0) {
      fault.passesLeft--;
      return null;
    }
    fault.remaining--;
    if (fault.remaining === 0) this.pending = this.pending.filter((candidate) => candidate !== fault);
    return { answer: answerOf(fault), delayMs: fault.delayMs ?? 0 };
  }
}
