import type { FixDraft } from "../model";

/** A setting's change: nothing to add to a policy, only the steps, snippets and notes each setting fills in. */
export function settingDraft(
  fields: Pick<FixDraft, "title" | "target" | "cli" | "terraform" | "sam" | "notes"> & Partial<FixDraft>,
): FixDraft {
  return {
    layer: "account-setting",
    owner: "you",
    statement: null,
    additionalStatements: [],
    consoleUrl: null,
    requestText: null,
    ...fields,
  };
}
