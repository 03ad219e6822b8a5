import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/wire";
import { ownerWords } from "./caller-words";

const role: Caller = { kind: "assumed-role", name: "ci-deployer", account: "111122223333" };

describe("ownerWords", () => {
  it("names the role's owner for the role's own policy", () => {
    expect(ownerWords({ owner: "you", layer: "execution-role" }, role)).toBe("You (the role's owner)");
  });

  it("says the resource is in the caller's account for a resource policy the caller's account owns", () => {
    expect(ownerWords({ owner: "you", layer: "resource-policy" }, role)).toBe(
      "You (the resource is in the caller's account)",
    );
  });

  it("names the resource's owner when the resource is another account's", () => {
    expect(ownerWords({ owner: "resource-owner", layer: "resource-policy" }, role)).toBe("The resource's owner");
  });
});
