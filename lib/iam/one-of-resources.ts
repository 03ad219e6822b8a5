import { ownEntry } from "../own";

/**
 * Actions whose resource types the IAM reference marks all required although one request names only one of them:
 * `bedrock:InvokeModel` runs one model, a foundation model or a profile or deployment standing for one. A request
 * through an inference profile is also checked against the foundation models the profile routes to.
 */
const ONE_OF: Record<string, Record<string, string[]>> = {
  "bedrock:invokemodel": {
    "inference-profile": ["foundation-model"],
    "application-inference-profile": ["foundation-model"],
  },
  "bedrock:invokemodelwithresponsestream": {
    "inference-profile": ["foundation-model"],
    "application-inference-profile": ["foundation-model"],
  },
};

/**
 * For an action whose required resource types are alternatives, the types a request naming `named` also needs (often
 * none); null for every other action, whose required types are all checked.
 */
export function typesAlsoNeeded(action: string, named: string): readonly string[] | null {
  const alternatives = ownEntry(ONE_OF, action.toLowerCase());
  if (!alternatives) return null;
  return ownEntry(alternatives, named) ?? [];
}

/** The geography prefix of a cross-Region inference profile's id: `eu.anthropic.claude-…` runs `anthropic.claude-…`. */
const PROFILE_GEOGRAPHY = /^(?:us|eu|apac|us-gov|global|jp|au|ca)\./;

/**
 * The foundation models an inference profile routes to, as one ARN: in every Region, since a cross-Region profile
 * sends requests to several; the model its id names, or any for an application profile, whose id names none.
 */
export function routedModelsArn(profileArn: string, partition: string): string {
  const [type, id = ""] = profileArn.slice(profileArn.lastIndexOf(":", profileArn.indexOf("/")) + 1).split("/");
  const model = type === "inference-profile" && PROFILE_GEOGRAPHY.test(id) ? id.replace(PROFILE_GEOGRAPHY, "") : "*";
  return `arn:${partition}:bedrock:*::foundation-model/${model}`;
}
