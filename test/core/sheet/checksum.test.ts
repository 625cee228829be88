// FNV-1a 32-bit, as its published test vectors give it, over UTF-16 code units.
import { describe, expect, it } from "vitest";
import { fnv1a } from "../../../src/core/sheet/checksum.js";

describe("fnv1a", () => {
  it.each([
    // Test vectors of the reference implementation (Fowler, Noll, Vo: FNV-1a 32 bit).
    ["", "811c9dc5"],
    ["a", "e40c292c"],
    ["b", "e70c2de5"],
    ["foobar", "bf9cf968"],
    // A hash below 0x10000000 keeps its leading zeros (worked out with a separate implementation).
    ["cfx", "0076912c"],
    ["cvx", "004f81bc"],
  ])("%j → %s", (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  it("always answers 8 hex digits, and tells apart texts that differ in one character", () => {
    const hashes = ["B5=can-tho-2256", "B5=can-tho-2257", "B5=can-tho-2256 ", "Sở", "Sờ"].map(
      fnv1a,
    );
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{8}$/u);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
