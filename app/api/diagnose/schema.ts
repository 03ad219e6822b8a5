import { z } from "zod";

export const diagnoseRequestSchema = z.object({
  text: z.string({ error: 'Send {"text": "<the AWS error>"}.' }),
});

export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;
