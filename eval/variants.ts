import { layerOfPolicyType } from "../lib/classify";
import type { EvalCase } from "./case-file";

/**
 * The messy shapes real pastes take (issue threads, chat, consoles), applied to every case whose text holds a
 * complete IAM sentence with a stated reason and whose fixing layer is the one that reason names. Each variant keeps
 * the case's expectations: the stated policy type, the layer and the action are still in the text. A case fixed
 * elsewhere than the message says (a KMS "no resource-based policy" fixed in IAM) is scored once, as itself: ten
 * copies of it would test the same judgement ten times, not the reading of a messy shape.
 */
const SENTENCE =
  /User: (?<principal>\S+) is not authorized to perform: (?<action>\S+) on resource: (?<resource>\S+) (?<reason>because no|with an explicit deny)/;

interface Sentence {
  principal: string;
  action: string;
  resource: string;
  reason: string;
}

/** The variant's text, or null when the shape does not apply to this case. */
type Shape = (text: string, sentence: Sentence) => string | null;

// The policy phrase of the reason, with the space a line break may replace ("service control\npolicy").
const POLICY_PHRASE =
  /(identity-based|resource-based|service control|resource control|permissions|sessions?|VPC endpoint|role trust) (policy|boundary)/i;

const SHAPES: Record<string, Shape> = {
  "cloudformation-wrapper": (text) =>
    `Resource handler returned message: "${text.replaceAll('"', '\\"')}" ` +
    "(RequestToken: 3f1c2a4e-0d9b-4b1e-9a51-6f0f2f9d1a7e, HandlerErrorCode: AccessDenied)",
  "bare-user-name": (text, match) => text.replace(`User: ${match.principal}`, "User: cloud_user"),
  "elided-resource": (text, match) => text.replace(` on resource: ${match.resource}`, " on resource: ..."),
  "starred-resource": (text, match) => text.replace(` on resource: ${match.resource}`, " on resource: ***"),
  "policy-arn-resource": (text, match) =>
    text.replace(` on resource: ${match.resource}`, ` on resource: policy ${match.resource}`),
  "double-space": (text, match) => text.replace(` ${match.reason}`, `  ${match.reason}`),
  "markdown-action": (text, match) => text.replace(`perform: ${match.action}`, `perform: **${match.action}**`),
  // A resource the page already escaped has no plain form to escape again.
  "escaped-quotes": (text, match) =>
    match.resource.includes("\\")
      ? null
      : text.replace(` on resource: ${match.resource}`, ` on resource: \\"${match.resource.replaceAll('"', "")}\\"`),
  "line-break": (text, match) => text.replace(` ${match.reason}`, `\n${match.reason}`),
  "anchor-line-break": (text) => text.replace("is not authorized to perform", "is not authorized\nto perform"),
  "phrase-line-break": (text, match) => {
    const reasonAt = text.indexOf(match.reason);
    const phrase = POLICY_PHRASE.exec(text.slice(reasonAt));
    if (!phrase) return null;
    const at = reasonAt + phrase.index + (phrase[1] ?? "").length;
    return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
  },
  // A thread quoting only the reason, with the action it names: "because no … allows the iam:PassRole action". The
  // quote ends with the message: at its line's end or its closing quote (a CloudTrail record's errorMessage).
  "reason-only": (text, match) =>
    match.reason === "because no" ? `"${text.slice(text.indexOf(match.reason)).split(/["\n]/, 1)[0]!.trim()}"` : null,
  // A JSON error body over several lines, its error code on a line of its own above the message.
  "error-body-lines": (text) =>
    `{\n    "__type": "AccessDeniedException",\n    "message": "${text.replaceAll('"', '\\"').replaceAll("\n", " ")}"\n}`,
};

/** The layer each stated policy type names, as the corpus labels layers (eval/cases/README.md). */
/** Every messy variant of the stated cases fixed where they say, with ids `<case>~<shape>`. */
export function messyVariants(cases: EvalCase[]): EvalCase[] {
  return cases.flatMap((evalCase) => {
    const { expect } = evalCase;
    if (!expect.denial || expect.statedPolicyType === null) return [];
    const service = expect.action?.split(":")[0]?.toLowerCase() ?? null;
    if (expect.layer !== layerOfPolicyType(expect.statedPolicyType, service)) return [];
    const groups = SENTENCE.exec(evalCase.text)?.groups;
    if (!groups) return [];
    const sentence: Sentence = {
      principal: groups.principal ?? "",
      action: groups.action ?? "",
      resource: groups.resource ?? "",
      reason: groups.reason ?? "",
    };
    return Object.entries(SHAPES).flatMap(([shape, apply]) => {
      const text = apply(evalCase.text, sentence);
      return text === null ? [] : [{ ...evalCase, id: `${evalCase.id}~${shape}`, text }];
    });
  });
}
