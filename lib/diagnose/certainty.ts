import type { Certainty, CertaintyBasis } from "../model";

/** From this confidence up, an inferred layer reads "Likely" rather than "Best guess". */
const LIKELY = 0.6;

/**
 * How sure a candidate is, in words, for the page, the CLI and the API alike: a layer AWS's authorization
 * details proved, or its own message named, needs no percentage; an inferred one says how likely it is.
 */
export function certaintyOf(basis: CertaintyBasis, confidence: number): Certainty {
  if (basis === "proven") return { basis, label: "Proven by AWS" };
  if (basis === "stated") return { basis, label: "Stated by AWS" };
  const percent = Math.round(confidence * 100);
  return { basis, label: confidence >= LIKELY ? `Likely · ${percent}%` : `Best guess · ${percent}%` };
}
