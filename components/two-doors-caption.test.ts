import { describe, expect, it } from "vitest";
import { whereDenied } from "./two-doors-caption";

describe("whereDenied", () => {
  it.each([
    [
      { layer: "execution-role", doorKnown: true, certain: true, name: "User's policies (identity policy)" },
      /^Denied at the User's/,
    ],
    [
      { layer: "resource-policy", doorKnown: true, certain: false, name: "Resource policy" },
      /^Probably denied at the Resource/,
    ],
    [
      { layer: "account-setting", doorKnown: true, certain: true, name: "An account or resource setting" },
      /^Denied by a setting .* not by a policy\.$/,
    ],
    [
      { layer: "propagation-delay", doorKnown: false, certain: false, name: "IAM propagation delay" },
      /^No policy denied it/,
    ],
    [{ layer: "unknown", doorKnown: false, certain: false, name: "Unknown" }, /does not say which door/],
  ] as const)("%o reads %s", (denial, expected) => {
    expect(whereDenied(denial)).toMatch(expected);
  });
});
