// Signatures: HMAC-SHA256 as RFC 4231 and Node's crypto compute it, and a comparison that refuses
// anything but the exact signature — longer, shorter or one digit off.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  KEY_PATTERN,
  payloadHash,
  sign,
  verify,
} from "../../../src/core/wire/signature.js";

const KEY = "3f".repeat(32);
const PAYLOAD = JSON.stringify({ unit: "STTTT", note: "Tỷ lệ hồ sơ trực tuyến" });
const nodeHmac = (payload: string, keyHex: string) =>
  createHmac("sha256", Buffer.from(keyHex, "hex")).update(payload, "utf8").digest("hex");

describe("sign", () => {
  it("computes RFC 4231 test case 1", () => {
    // Key 0x0b × 20, data "Hi There" (RFC 4231, section 4.2).
    expect(sign("Hi There", "0b".repeat(20))).toBe(
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    );
  });

  it("signs the UTF-8 bytes of Vietnamese text as Node's crypto does", () => {
    expect(sign(PAYLOAD, KEY)).toBe(nodeHmac(PAYLOAD, KEY));
    expect(sign("Điều 2 — 😀", KEY)).toBe(nodeHmac("Điều 2 — 😀", KEY));
  });

  it.each([
    ["an empty key", ""],
    ["an odd number of digits", "abc"],
    ["a non-hex key", "zz".repeat(32)],
  ])("refuses %s", (_, key) => {
    expect(() => sign(PAYLOAD, key)).toThrow("khóa không hợp lệ / invalid key");
  });
});

describe("verify", () => {
  const signature = nodeHmac(PAYLOAD, KEY);

  it("accepts the payload's own signature, in either case", () => {
    expect(verify(PAYLOAD, signature, KEY)).toBe(true);
    expect(verify(PAYLOAD, signature.toUpperCase(), KEY)).toBe(true);
  });

  it.each([
    ["a longer signature with the right prefix", signature + "0"],
    ["the right signature twice", signature + signature],
    ["a prefix of the signature", signature.slice(0, -1)],
    ["an empty signature", ""],
    ["the first digit changed", (signature[0] === "0" ? "1" : "0") + signature.slice(1)],
    ["the last digit changed", signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0")],
    ["another key's signature", nodeHmac(PAYLOAD, "40".repeat(32))],
    ["the signature of other bytes", nodeHmac(PAYLOAD + " ", KEY)],
  ])("refuses %s", (_, given) => {
    expect(verify(PAYLOAD, given, KEY)).toBe(false);
  });
});

describe("constantTimeEqual", () => {
  it.each([
    ["", "", true],
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["abcd", "abc", false],
    ["abc", "", false],
    ["", "abc", false],
    // A NUL where the expected text ends must not pass for "nothing there".
    ["ab\u0000", "ab", false],
  ])("%j against %j is %s", (expected, given, equal) => {
    expect(constantTimeEqual(expected, given)).toBe(equal);
  });
});

describe("payloadHash", () => {
  it("is SHA-256 of the UTF-8 bytes, in lowercase hex", () => {
    expect(payloadHash("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(payloadHash(PAYLOAD)).toBe(createHash("sha256").update(PAYLOAD, "utf8").digest("hex"));
  });
});

describe("KEY_PATTERN", () => {
  it.each([
    [KEY, true],
    ["a".repeat(64), true],
    ["a".repeat(63), false],
    ["a".repeat(65), false],
    ["A".repeat(64), false],
    ["g".repeat(64), false],
    [`${"a".repeat(64)}\n`, false],
  ])("%j matches: %s", (key, ok) => {
    expect(KEY_PATTERN.test(key)).toBe(ok);
  });
});
