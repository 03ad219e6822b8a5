import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";

describe("clientAddressOf", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["203.0.113.9, 10.0.0.2", "10.0.0.2"],
    ["  ::1 ", "::1"],
    [null, "unknown"],
    ["", "unknown"],
  ])("%j → %s", (header, address) => {
    expect(clientAddressOf(new Headers(header === null ? {} : { "x-forwarded-for": header }))).toBe(address);
  });
});
