import { z } from "zod";

export const diagnoseRequestSchema = z.object({
  text: z.string({ error: 'Send {"text": "<the AWS error>"}.' }),
});
