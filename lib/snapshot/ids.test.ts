import { describe, expect, it } from "vitest";
import { base64url, isSnapshotId, newDeleteToken, newSnapshotId, type RandomSource, systemRandom } from "./ids";

/** Counts up from `start`, so every call gives new, predictable bytes. */
function countingRandom(start = 0): RandomSource {
  let next = start;
  return (size) => Uint8Array.from({ length: size }, () => next++ % 256);
}

describe("snapshot ids", () => {
  it("are 128 bits from the random source, as 22 base64url characters", () => {
    const requested: number[] = [];
    const id = newSnapshotId((size) => {
      requested.push(size);
      return new Uint8Array(size).fill(0xfb);
    });
    expect(requested).toEqual([16]);
    expect(id).toBe("-_v7-_v7-_v7-_v7-_v7-w");
    expect(isSnapshotId(id)).toBe(true);
  });

  it("differ for different random bytes, and delete tokens carry 256 bits", () => {
    const random = countingRandom();
    expect(newSnapshotId(random)).not.toBe(newSnapshotId(random));
    expect(newDeleteToken(random)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("come from the platform CSPRNG in the app", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newSnapshotId(systemRandom)));
    expect(ids.size).toBe(1000);
    expect([...ids].every(isSnapshotId)).toBe(true);
  });

  it.each(["", "short", "a".repeat(23), "a".repeat(21) + "=", "../../etc/passwd00000", "a".repeat(21) + "/"])(
    "refuse %j as an id",
    (text) => {
      expect(isSnapshotId(text)).toBe(false);
    },
  );

  it("encode base64url as RFC 4648 does", () => {
    expect(base64url(Uint8Array.from(Buffer.from("any carnal pleas")))).toBe(
      Buffer.from("any carnal pleas").toString("base64url"),
    );
    expect(base64url(Uint8Array.from([0xff, 0xfe]))).toBe("__4");
  });
});
