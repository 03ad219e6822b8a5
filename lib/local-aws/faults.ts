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
    region: z.string().min(1).optional(),
  })
  .refine((fault) => fault.status !== undefined || fault.code !== undefined || fault.delayMs !== undefined, {
    message: "a fault needs a status, a code or a delayMs",
  });

export type Fault = z.infer<typeof faultSchema>;

export interface FaultControl {
  /**
   * The next `times` LookupEvents requests (optionally only in `region`) get HTTP `status` with error `code`, and/or wait `delayMs` before answering.
   * `status` alone answers with AWS's usual code for it (InternalFailure, ServiceUnavailableException…); `code` alone answers HTTP 400.
   */
  inject(fault: { times: number; status?: FaultStatus; code?: string; delayMs?: number; region?: string }): void;
  clear(): void;
}

/** The fault one request gets: an error to answer with, a delay before answering, or both. */
export interface AppliedFault {
  error: { status: number; code: string } | null;
  delayMs: number;
}

/** Error codes AWS front ends answer with for each status, unless the fault names its own. */
const DEFAULT_CODES: Record<FaultStatus, string> = {
  500: "InternalFailure",
  502: "BadGatewayException",
  503: "ServiceUnavailableException",
  504: "GatewayTimeoutException",
};

/** Injected faults, served to matching requests in the order they were injected. */
export class FaultQueue implements FaultControl {
  private pending: (Fault & { remaining: number })[] = [];

  inject(fault: Fault): void {
    const checked = faultSchema.parse(fault);
    this.pending.push({ ...checked, remaining: checked.times });
  }

  clear(): void {
    this.pending = [];
  }

  /** Takes one use of the oldest fault that applies to `region`, if any. */
  take(region: string): AppliedFault | null {
    const fault = this.pending.find((candidate) => candidate.region === undefined || candidate.region === region);
    if (!fault) return null;
    fault.remaining--;
    if (fault.remaining === 0) this.pending = this.pending.filter((candidate) => candidate !== fault);
    const error = fault.status
      ? { status: fault.status, code: fault.code ?? DEFAULT_CODES[fault.status] }
      : fault.code
        ? { status: CODE_ONLY_STATUS, code: fault.code }
        : null;
    return { error, delayMs: fault.delayMs ?? 0 };
  }
}
