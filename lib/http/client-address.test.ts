import { describe, expect, it } from "vitest";
import { SHARED_CLIENT, clientKeyOf } from "./client-address";

describe("clientKeyOf", () => {
  it.each([
    ["with no trusted proxy, any header", "203.0.113.7", 0, SHARED_CLIENT],
    ["with no header", null, 1, SHARED_CLIENT],
    ["one proxy: the entry it appended", "198.51.100.1, 203.0.113.7", 1, "203.0.113.7"],
    ["two proxies: the entry the outer one appended", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["fewer entries than proxies", "203.0.113.7", 2, SHARED_CLIENT],
    ["an entry that is no address", "6.6.6.6, unknown", 1, SHARED_CLIENT],
    ["an empty entry", "6.6.6.6, ", 1, SHARED_CLIENT],
    ["IPv6, in lower case", "2001:DB8::1", 1, "2001:db8::1"],
  ])("%s", (_, header, proxies, expected) => {
    expect(clientKeyOf(header, proxies)).toBe(expected);
  });

  it("ignores what a client writes left of the trusted entries", () => {
    const keys = ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((spoofed) => clientKeyOf(`${spoofed}, 203.0.113.7`, 1));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.7"]));
  });
});
