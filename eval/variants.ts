import type { EvalCase } from "./case-file";

/**
 * The messy shapes real pastes take (issue threads, chat, consoles), applied to every case whose text holds a
 * complete IAM sentence with a stated reason. Each variant keeps the case's expectations: the stated policy type,
 * the layer and the action are still in the text.
 */
const SENTENCE =
  /User: (?<principal>\S+) is not authorized to perform: (?<action>\S+) on resource: (?<resource>\S+) (?<reason>because no|with an explicit deny)/;

interface Sentence {
  principal: string;
  action: string;
  resource: string;
  reason: string;
}

type Shape = (text: string, sentence: Sentence) => string;

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
  "escaped-quotes": (text, match) =>
    text.replace(` on resource: ${match.resource}`, ` on resource: \\"${match.resource.replaceAll('"', "")}\\"`),
  "line-break": (text, match) => text.replace(` ${match.reason}`, `\n${match.reason}`),
};

/** Every messy variant of the stated cases, with ids `<case>~<shape>`. */
export function messyVariants(cases: EvalCase[]): EvalCase[] {
  return cases.flatMap((evalCase) => {
    if (!evalCase.expect.denial || evalCase.expect.statedPolicyType === null) return [];
    const groups = SENTENCE.exec(evalCase.text)?.groups;
    if (!groups) return [];
    const sentence: Sentence = {
      principal: groups.principal ?? "",
      action: groups.action ?? "",
      resource: groups.resource ?? "",
      reason: groups.reason ?? "",
    };
    return Object.entries(SHAPES).map(([shape, apply]) => ({
      ...evalCase,
      id: `${evalCase.id}~${shape}`,
      text: apply(evalCase.text, sentence),
    }));
  });
}
