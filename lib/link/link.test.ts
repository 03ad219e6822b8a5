import { describe, expect, it } from "vitest";
import { decodeFragment } from "./fragment";
import { pasteLink } from "./link";

describe("pasteLink", () => {
  it("puts the text in the fragment of the page's address, dropping its query and old fragment", async () => {
    const result = await pasteLink("https://whydenied.example/?q=1#paste=v1.old", "Access Denied");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [base, fragment = ""] = result.value.url.split("#");
    expect(base).toBe("https://whydenied.example/");
    expect(result.value.length).toBe(result.value.url.length);
    expect(await decodeFragment(fragment)).toEqual({ ok: true, value: "Access Denied" });
  });

  it("refuses a link longer than the limit and says how long it would be", async () => {
    // Random-looking text does not compress, so 8,000 characters of it cannot fit.
    const text = Array.from({ length: 8_000 }, (_, index) => ((index * 7919) % 9973).toString(36)).join("");
    const result = await pasteLink("http://127.0.0.1:3000/", text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("link.too-long");
    expect(result.error.message).toMatch(/over the 8,000 .*Save a snapshot/);
  });
});
