import { diagnose } from "../catalog";
import type { Finding } from "../model";

/** The findings the whole engine, with the IAM reference data, gives for a pasted text; throws when the text is rejected. */
export async function findingsOf(text: string): Promise<Finding[]> {
  const result = await diagnose(text);
  if (!result.ok) throw new Error(`diagnose rejected the text: ${result.error.message}`);
  return result.value.findings;
}
