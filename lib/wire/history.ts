import { z } from "zod";
import { layerSchema } from "./diagnosis";

/**
 * The portal's history and audit wire: what `GET /api/history` takes and answers, and the lines of
 * `GET /api/audit.jsonl`. The Recent page parses with these; the server shapes with them.
 */

/** What was run: a pasted error diagnosed, a CloudTrail lookup, a trail file read, or a snapshot shared. */
const runKindSchema = z.enum(["diagnose", "lookup", "trail", "snapshot"]);

/** Runs per page of `GET /api/history`: the default, and the most a client may ask for. */
const DEFAULT_HISTORY_PAGE = 25;
const MAX_HISTORY_PAGE = 100;

const filterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => value || null);

/** The query of `GET /api/history`: every filter optional, all of them must match; `q` is free text over them. */
export const historyQuerySchema = z.object({
  /** A role's ARN, its name, or an assumed-role session ARN (read as its role). */
  role: filterText(2048),
  /** An IAM action (`s3:GetObject`) or a service prefix (`s3`), in any case. */
  action: filterText(256),
  layer: z
    .union([layerSchema, z.literal("")], { error: "layer is one of the permission layers." })
    .optional()
    .transform((value) => value || null),
  /** Who ran it, as the identity proxy names them (the email when it sends one), in any case. */
  user: filterText(320),
  /** A configured account, by its 12-digit id or its name. */
  account: filterText(64),
  /** Free text found in the user, account, roles, actions or layers. */
  q: filterText(200),
  /** The `nextCursor` of the page before. */
  cursor: filterText(512),
  limit: z.coerce
    .number({ error: `limit is a whole number from 1 to ${MAX_HISTORY_PAGE}.` })
    .int(`limit is a whole number from 1 to ${MAX_HISTORY_PAGE}.`)
    .min(1, `limit is a whole number from 1 to ${MAX_HISTORY_PAGE}.`)
    .max(MAX_HISTORY_PAGE, `limit is a whole number from 1 to ${MAX_HISTORY_PAGE}.`)
    .default(DEFAULT_HISTORY_PAGE),
});

/** One recorded run, as the Recent page lists it. Never the pasted text: only these facts of the answer. */
const historyRunSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  user: z.string(),
  kind: runKindSchema,
  /** The configured account it ran in; null when it named none (a paste of another account's error). */
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The roles the findings name (an IAM user's ARN when the caller was one); a lookup's own role first. */
  roles: z.array(z.string()),
  actions: z.array(z.string()),
  layers: z.array(layerSchema),
  findingCount: z.number().int().nonnegative(),
  /** The snapshot it shared, while that snapshot is still there (not expired, not deleted). */
  snapshotId: z.string().nullable(),
});

/** The answer of `GET /api/history`: newest first. */
export const historyPageSchema = z.object({
  runs: z.array(historyRunSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
  /** Whether the signed-in user is one of the configured admins, who may export the audit log. */
  canExportAudit: z.boolean(),
});

/** The query of `GET /api/audit.jsonl`: from (inclusive) and to (exclusive), each optional. */
export const auditExportQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, error: "from is an ISO date and time." }).optional(),
    to: z.iso.datetime({ offset: true, error: "to is an ISO date and time." }).optional(),
  })
  .refine(({ from, to }) => !from || !to || Date.parse(from) < Date.parse(to), "from must be before to.");

/** One line of the audit log: the server assumed an account's role for a user, for a lookup or to ask AWS itself. */
export const auditLineSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  user: z.string(),
  accountId: z.string(),
  roleArn: z.string(),
  /** The RoleSessionName (and SourceIdentity) sent, which the account's own CloudTrail shows. */
  sessionName: z.string(),
  purpose: z.enum(["lookup", "authority"]),
  /** Whether STS gave the session ("ok") or refused it. */
  outcome: z.enum(["ok", "refused"]),
});

export type RunKind = z.infer<typeof runKindSchema>;
export type HistoryQuery = z.output<typeof historyQuerySchema>;
/** A history query as the browser sends it (filters it leaves out are absent). */
export type HistoryQueryInput = z.input<typeof historyQuerySchema>;
export type HistoryRun = z.infer<typeof historyRunSchema>;
export type HistoryPage = z.infer<typeof historyPageSchema>;
export type AuditLine = z.infer<typeof auditLineSchema>;
