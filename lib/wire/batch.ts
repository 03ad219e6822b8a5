import { z } from "zod";
import { findingSchema, nonDenialSchema } from "./diagnosis";
import { apiErrorSchema } from "./error";

/** One output line of `whydenied diagnose --batch`: the answer for one input line, in order. */
export const batchAnswerSchema = z.union([
  z.object({ id: z.string(), findings: z.array(findingSchema), nonDenials: z.array(nonDenialSchema) }),
  /** The engine refused the text (empty, too large). */
  z.object({ id: z.string(), findings: z.tuple([]), error: apiErrorSchema }),
  /** The line itself was not `{"id": …, "text": …}`. */
  z.object({ id: z.null(), line: z.number().int(), error: apiErrorSchema }),
]);

export type BatchAnswer = z.infer<typeof batchAnswerSchema>;
