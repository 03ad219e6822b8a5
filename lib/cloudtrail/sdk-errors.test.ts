import { describe, expect, it } from "vitest";
import { lookupErrorOf } from "./sdk-errors";

const sdkError = (name: string, status?: number, message = "raw SDK text with AKIASECRETKEYID0000") =>
  Object.assign(new Error(message), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });

describe("lookupErrorOf", () => {
  it.each([
    [sdkError("CredentialsProviderError"), "lookup.no-credentials"],
    [
      sdkError("CredentialsProviderError", undefined, "The SSO session associated with this profile has expired"),
      "lookup.expired-credentials",
    ],
    [sdkError("ExpiredTokenException", 400), "lookup.expired-credentials"],
    [sdkError("ThrottlingException", 400), "lookup.throttled"],
    [sdkError("SomethingNew", 429), "lookup.throttled"],
    [sdkError("AccessDeniedException", 400), "lookup.denied"],
    [sdkError("UnrecognizedClientException", 400), "lookup.invalid-credentials"],
    [sdkError("ServiceUnavailableException", 503), "lookup.unavailable"],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4599"), { code: "ECONNREFUSED" }), "lookup.unavailable"],
    [sdkError("InvalidNextTokenException", 400), "lookup.bad-request"],
    [sdkError("SyntaxError", 200), "lookup.unavailable"],
    [Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET" }), "lookup.unavailable"],
    ["a thrown string", "lookup.unavailable"],
  ])("%s → %s", (error, code) => {
    const mapped = lookupErrorOf(error, "eu-west-1");
    expect(mapped?.code).toBe(code);
    expect(mapped?.message).not.toContain("AKIA");
    expect(mapped?.message).not.toContain("raw SDK text");
  });

  it("names the Region and the status where that helps", () => {
    expect(lookupErrorOf(sdkError("InternalFailure", 500), "eu-west-1")?.message).toBe(
      "CloudTrail in eu-west-1 did not answer (HTTP 500).",
    );
    expect(lookupErrorOf(sdkError("SyntaxError", 200), "eu-west-1")?.message).toBe(
      "CloudTrail in eu-west-1 sent an answer that could not be read (HTTP 200).",
    );
    expect(lookupErrorOf(sdkError("UnrecognizedClientException", 400), "ap-east-1")?.message).toContain(
      "If ap-east-1 is an opt-in Region",
    );
  });

  it("treats an abort as a cancelled lookup, not an error", () => {
    expect(lookupErrorOf(Object.assign(new Error("aborted"), { name: "AbortError" }), "eu-west-1")).toBeNull();
  });
});
