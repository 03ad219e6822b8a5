import { describe, expect, it } from "vitest";
import { routedModelsArn, typesAlsoNeeded } from "./one-of-resources";

describe("typesAlsoNeeded", () => {
  it("needs nothing beside a foundation model bedrock:InvokeModel names", () => {
    expect(typesAlsoNeeded("bedrock:InvokeModel", "foundation-model")).toEqual([]);
  });

  it("needs the routed foundation models beside an inference profile", () => {
    expect(typesAlsoNeeded("bedrock:InvokeModelWithResponseStream", "inference-profile")).toEqual(["foundation-model"]);
  });

  it("leaves every other action's required types all required", () => {
    expect(typesAlsoNeeded("ec2:RunInstances", "instance")).toBeNull();
  });
});

describe("routedModelsArn", () => {
  it("names the model a cross-Region profile runs, in every Region", () => {
    expect(
      routedModelsArn(
        "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0",
        "aws",
      ),
    ).toBe("arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
  });

  it("names any model for an application profile, whose id names none", () => {
    expect(routedModelsArn("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3", "aws")).toBe(
      "arn:aws:bedrock:*::foundation-model/*",
    );
  });
});
