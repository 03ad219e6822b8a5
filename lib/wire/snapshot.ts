import { z } from "zod";
import { diagnosisSchema } from "./diagnosis";
import { denialGroupHeadSchema, deniedEventSchema, groupCountSchema } from "./stream";

/**
 * The saved snapshots' wire: what `POST /api/snapshots` takes and answers, what `GET /api/snapshots/<id>` answers,
 * and what the page, the browser and `whydenied share` parse.
 */

/** How long a snapshot is kept: a day, a week, 30 days (the default), or until its owner deletes it. */
export const snapshotExpirySchema = z.enum(["1d", "7d", "30d", "never"], {
  error: 'expiry is one of "1d", "7d", "30d" or "never".',
});

/** At most as many groups and denied events as a lookup's stream sends (MAX_GROUPS, MAX_ROWS in lib/lookup). */
const MAX_SNAPSHOT_GROUPS = 2000;
const MAX_SNAPSHOT_EVENTS = 1000;

/** One group of a lookup or trail result, as the page shows it: its head (finding or sample) and its tally. */
const snapshotGroupSchema = z.object({
  ...denialGroupHeadSchema.shape,
  ...groupCountSchema.omit({ key: true }).shape,
});

/** A lookup's or trail file's results: the grouped findings and the denied events (sample records) behind them. */
const runContentShape = {
  groups: z.array(snapshotGroupSchema).max(MAX_SNAPSHOT_GROUPS, `At most ${MAX_SNAPSHOT_GROUPS} groups.`),
  events: z.array(deniedEventSchema).max(MAX_SNAPSHOT_EVENTS, `At most ${MAX_SNAPSHOT_EVENTS} denied events.`),
};

/** What a snapshot holds, by kind: a paste keeps its text and the diagnosis of it; a run keeps its groups and events. */
export const snapshotContentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paste"), text: z.string(), diagnosis: diagnosisSchema }),
  z.object({ kind: z.enum(["lookup", "trail"]), ...runContentShape }),
]);

const shareOptionsShape = {
  expiry: snapshotExpirySchema.default("30d"),
  /** Mask account ids and resource names in what is stored, not only in what is shown. */
  redact: z.boolean().default(false),
};

/** The JSON body of `POST /api/snapshots`. A paste sends its text only: the server diagnoses it. */
export const createSnapshotRequestSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("paste"), text: z.string(), ...shareOptionsShape }),
    z.object({ kind: z.enum(["lookup", "trail"]), ...runContentShape, ...shareOptionsShape }),
  ],
  { error: 'Send {"kind": "paste", "text": …} or {"kind": "lookup" | "trail", "groups": […], "events": […]}.' },
);

/** The answer of `POST /api/snapshots`: where the snapshot is, and the token that deletes it (shown once). */
export const createdSnapshotSchema = z.object({
  id: z.string(),
  /** The page's path, `/d/<id>`. */
  path: z.string(),
  deleteToken: z.string(),
  expiresAt: z.iso.datetime().nullable(),
});

/** A snapshot exactly as saved: the answer of `GET /api/snapshots/<id>`. */
export const snapshotSchema = z.object({
  id: z.string(),
  content: snapshotContentSchema,
  /** The whydenied version that made the diagnosis. */
  engineVersion: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  /** Who saved it when sign-in is on; null otherwise. */
  createdBy: z.string().nullable(),
  redacted: z.boolean(),
});

export type SnapshotExpiry = z.infer<typeof snapshotExpirySchema>;
export type SnapshotGroup = z.infer<typeof snapshotGroupSchema>;
export type SnapshotContent = z.infer<typeof snapshotContentSchema>;
export type CreateSnapshotRequest = z.output<typeof createSnapshotRequestSchema>;
export type CreateSnapshotBody = z.input<typeof createSnapshotRequestSchema>;
export type CreatedSnapshot = z.infer<typeof createdSnapshotSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
