import { z } from "zod";

/** The one error shape every route and the CLI answer with. */
export const apiErrorSchema = z.object({ code: z.string(), message: z.string() });
