import type { BatchAnswer } from "./batch";
import type { EvalCase } from "./case-file";

/** A pass count with the reasons for each failure. */
export class Score {
  constructor(
    readonly passed = 0,
    readonly total = 0,
    readonly failures: string[] = [],
  ) {}

  record(passed: boolean, failure: () => string): Score {
    return new Score(
      this.passed + (passed ? 1 : 0),
      this.total + 1,
      passed ? this.failures : [...this.failures, failure()],
    );
  }

  plus(other: Score): Score {
    return new Score(this.passed + other.passed, this.total + other.total, [...this.failures, ...other.failures]);
  }
}

export interface CaseScores {
  statedType: Score;
  statedTop1: Score;
  unstatedAmong: Score;
  unstatedTop1: Score;
  action: Score;
  nonDenialsRejected: Score;
}

/**
 * A message whose words are a denial's but whose cause was no policy passes when the engine lists that cause as a
 * candidate with its own check (the "a non-denial, or a candidate with its own check — never a policy edit").
 */
const NOT_A_POLICY_LAYERS = new Set(["propagation-delay", "account-setting"]);

/** Scores each case on its first finding, the one a user reads first. */
export function scoreCases(cases: EvalCase[], answers: Map<string, BatchAnswer>): CaseScores {
  let scores: CaseScores = {
    statedType: new Score(),
    statedTop1: new Score(),
    unstatedAmong: new Score(),
    unstatedTop1: new Score(),
    action: new Score(),
    nonDenialsRejected: new Score(),
  };
  for (const evalCase of cases) {
    const answer = answers.get(evalCase.id);
    const finding = answer?.findings[0] ?? null;
    const expect = evalCase.expect;
    if (expect.layer === "not-a-policy") {
      const found = answer?.findings.length ?? 0;
      const named = finding?.candidates.some((candidate) => NOT_A_POLICY_LAYERS.has(candidate.layer)) ?? false;
      scores = {
        ...scores,
        nonDenialsRejected: scores.nonDenialsRejected.record(
          found === 0 || named,
          () => `${evalCase.id}: read as ${found} denial(s), none naming a cause outside the policies`,
        ),
      };
      continue;
    }
    const layers = finding?.candidates.map((candidate) => candidate.layer) ?? [];
    // The corpus records a transitive deny by the policy it went through to ("…transitively through a service control
    // policy" is service-control): the layer to edit.
    const read = finding?.transitivePolicyType ?? finding?.statedPolicyType ?? null;
    const statedType = scores.statedType.record(
      read === expect.statedPolicyType,
      () => `${evalCase.id}: stated type ${String(read)}, expected ${String(expect.statedPolicyType)}`,
    );
    const top1 = layers[0] === expect.layer;
    const layerFailure = () => `${evalCase.id}: layers [${layers.join(", ")}], expected ${expect.layer}`;
    const stated = expect.statedPolicyType !== null;
    // A case whose thread never found the fix scores the reading of the message, not a layer.
    const layerKnown = expect.layer !== "unknown";
    const record = (score: Score, passed: boolean) => (layerKnown ? score.record(passed, layerFailure) : score);
    scores = {
      ...scores,
      statedType,
      statedTop1: stated ? record(scores.statedTop1, top1) : scores.statedTop1,
      unstatedAmong: stated ? scores.unstatedAmong : record(scores.unstatedAmong, layers.includes(expect.layer)),
      unstatedTop1: stated ? scores.unstatedTop1 : record(scores.unstatedTop1, top1),
      action:
        expect.action === null
          ? scores.action
          : scores.action.record(
              finding?.action?.toLowerCase() === expect.action.toLowerCase(),
              () => `${evalCase.id}: action ${String(finding?.action)}, expected ${expect.action}`,
            ),
    };
  }
  return scores;
}
