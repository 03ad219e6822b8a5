import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";
import { crc32Hex } from "./crc32";
import { decodeFragment, encodeFragment, isPasteFragment } from "./fragment";
import { MAX_DECODED_BYTES } from "./limits";

const DENIAL =
  "User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders " +
  "because no identity-based policy allows the dynamodb:PutItem action";

/** A fragment in the v1 layout around any compressed bytes, with the checksum of `text`. */
function fragmentOf(compressed: Uint8Array, text: Uint8Array): string {
  const data = toBase64Url(compressed);
  return `paste=v1.${data.length}.${crc32Hex(text)}.${data}`;
}

async function decodedCode(fragment: string, maxBytes?: number) {
  const result = await decodeFragment(fragment, maxBytes);
  return result.ok ? "ok" : result.error.code;
}

describe("encodeFragment / decodeFragment", () => {
  it.each([
    ["an IAM denial", DENIAL],
    ["an empty text", ""],
    ["multi-byte text", "Accès refusé — 拒否されました 😀\n\ttabs"],
    [
      "a CloudTrail record",
      JSON.stringify({ errorCode: "AccessDenied", errorMessage: DENIAL, requestParameters: null }),
    ],
  ])("round-trips %s", async (_name, text) => {
    const fragment = await encodeFragment(text);
    expect(fragment).toMatch(/^paste=v1\.\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]*$/);
    expect(await decodeFragment(fragment)).toEqual({ ok: true, value: text });
    expect(await decodeFragment(`#${fragment}`)).toEqual({ ok: true, value: text });
  });

  it("compresses: a repetitive log shrinks well below its size", async () => {
    const text = `${DENIAL}\n`.repeat(40);
    expect((await encodeFragment(text)).length).toBeLessThan(text.length / 10);
  });

  it("says a fragment cut short is truncated, wherever it was cut", async () => {
    const fragment = await encodeFragment(DENIAL);
    for (let keep = "paste=".length; keep < fragment.length; keep++) {
      expect([keep, await decodedCode(fragment.slice(0, keep))]).toEqual([keep, "link.truncated"]);
    }
  });

  it("says a fragment with altered data is tampered", async () => {
    const fragment = await encodeFragment(DENIAL);
    const middle = Math.floor(fragment.length * 0.75);
    const swapped =
      fragment.slice(0, middle) + (fragment.charAt(middle) === "x" ? "y" : "x") + fragment.slice(middle + 1);
    expect(await decodedCode(swapped)).toBe("link.tampered");
    expect(await decodedCode(`${fragment}AAAA`)).toBe("link.tampered");
  });

  it("says a valid stream of other text than its checksum's is tampered", async () => {
    const other = new TextEncoder().encode("Access Denied");
    expect(await decodedCode(fragmentOf(deflateRawSync(other), new TextEncoder().encode(DENIAL)))).toBe(
      "link.tampered",
    );
  });

  it("says bytes that are not UTF-8 are tampered", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41]);
    expect(await decodedCode(fragmentOf(deflateRawSync(bytes), bytes))).toBe("link.tampered");
  });

  it("refuses a decompression bomb without inflating it", async () => {
    const bomb = new Uint8Array(64 * 1024 * 1024);
    expect(await decodedCode(fragmentOf(deflateRawSync(bomb), bomb))).toBe("link.too-large");
  });

  it("refuses text just over the limit, and reads text at it", async () => {
    const atLimit = "a".repeat(MAX_DECODED_BYTES);
    expect(await decodedCode(await encodeFragment(atLimit))).toBe("ok");
    expect(await decodedCode(await encodeFragment(`${atLimit}a`))).toBe("link.too-large");
    expect(await decodedCode(await encodeFragment("abcdef"), 5)).toBe("link.too-large");
  });

  it("refuses a fragment longer than any link it makes, unread", async () => {
    expect(await decodedCode(`paste=v1.9000.00000000.${"A".repeat(9000)}`)).toBe("link.too-large");
  });

  it("refuses a version it does not know", async () => {
    expect(await decodedCode("paste=v2.4.00000000.AAAA")).toBe("link.unknown-version");
    expect(await decodedCode("paste=v10.")).toBe("link.unknown-version");
  });

  it.each([["main"], ["#paste"], ["paste=hello"], ["paste=v1.4.00000000.AA$A"], [""]])(
    "calls %j malformed",
    async (fragment) => {
      expect(await decodedCode(fragment)).toBe("link.malformed");
    },
  );

  it("tells a paste fragment from another anchor", () => {
    expect(isPasteFragment("#paste=v1.1.00000000.A")).toBe(true);
    expect(isPasteFragment("paste=")).toBe(true);
    expect(isPasteFragment("#main")).toBe(false);
  });

  it("gives every error a message that says what to do", async () => {
    const truncated = await decodeFragment("paste=v1.99.00000000.AAAA");
    const tooLarge = await decodeFragment(`paste=v1.9000.00000000.${"A".repeat(9000)}`);
    expect(truncated.ok ? "" : truncated.error.message).toMatch(/cut short/);
    expect(tooLarge.ok ? "" : tooLarge.error.message).toMatch(/256 KiB/);
  });
});

describe("base64url", () => {
  it.each([[[]], [[0]], [[0, 1]], [[0, 1, 2]], [[255, 254, 253, 252]], [[...Array(256).keys()]]])(
    "round-trips %j",
    (bytes) => {
      const encoded = toBase64Url(new Uint8Array(bytes));
      expect(encoded).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(encoded)).toEqual(new Uint8Array(bytes));
    },
  );

  it("refuses characters outside the alphabet and impossible lengths", () => {
    expect(fromBase64Url("AB+C")).toBeNull();
    expect(fromBase64Url("AB=C")).toBeNull();
    expect(fromBase64Url("ABCDE")).toBeNull();
  });
});

describe("crc32Hex", () => {
  it("matches the standard check value", () => {
    expect(crc32Hex(new TextEncoder().encode("123456789"))).toBe("cbf43926");
    expect(crc32Hex(new Uint8Array())).toBe("00000000");
  });
});
