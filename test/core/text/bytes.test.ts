// Text and bytes by hand (Apps Script has no TextEncoder): checked against Node's Buffer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromBase64Url,
  fromHex,
  toBase64Url,
  toHex,
  utf8Bytes,
  utf8Text,
} from "../../../src/core/text/bytes.js";

const bytesOf = (b: Buffer) => Uint8Array.from(b);

describe("utf8Bytes and utf8Text", () => {
  it.each([
    ["ASCII", "chitieu/1"],
    ["two-byte letters", "é ü ß"],
    ["Vietnamese (three bytes)", "Sở Thông tin và Truyền thông — Đề án"],
    ["an emoji (four bytes, a surrogate pair)", "🇻🇳 😀"],
    ["the edges of each length", "\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}"],
    ["nothing", ""],
  ])("encode %s as Node does, and decode back", (_, text) => {
    expect(utf8Bytes(text)).toEqual(bytesOf(Buffer.from(text, "utf8")));
    expect(utf8Text(utf8Bytes(text))).toBe(text);
  });

  it("round-trips any string of whole code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Bytes(s)).toEqual(bytesOf(Buffer.from(s, "utf8")));
        expect(utf8Text(utf8Bytes(s))).toBe(s);
      }),
    );
  });

  it("decodes bytes cut short without throwing", () => {
    expect(() => utf8Text(Uint8Array.from([0xe1, 0xbb]))).not.toThrow();
  });
});

describe("utf8Text on bytes no encoder writes", () => {
  it("takes every lead byte from 0xC0 on as the start of a two-byte sequence", () => {
    // C0 80 is the overlong NUL some encoders write; C1 BF the overlong U+007F.
    expect(utf8Text(Uint8Array.from([0xc0, 0x80]))).toBe("\u0000");
    expect(utf8Text(Uint8Array.from([0xc1, 0xbf]))).toBe("\u007f");
  });
});

describe("hex", () => {
  it("writes two lowercase digits a byte and reads either case back", () => {
    const bytes = Uint8Array.from([0, 1, 15, 16, 127, 128, 255]);
    expect(toHex(bytes)).toBe("00010f107f80ff");
    expect(fromHex("00010f107f80ff")).toEqual(bytes);
    expect(fromHex("00010F107F80FF")).toEqual(bytes);
    expect(fromHex("")).toEqual(new Uint8Array(0));
  });

  it.each(["0", "abc", "zz", "0x00", "00 ", " 00", "0g"])("refuses %j", (text) => {
    expect(fromHex(text)).toBeUndefined();
  });
});

describe("base64url", () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 30, 31, 32])(
    "%d bytes come out as Node writes base64url, and read back",
    (n) => {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 251) % 256);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(text)).toEqual(bytes);
    },
  );

  it("uses - and _ where base64 has + and /", () => {
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(fromBase64Url("-_-_")).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]));
  });

  it.each(["a", "abcde", "ab+c", "ab/c", "ab=c", "ab c", "ab\n"])("refuses %j", (text) => {
    expect(fromBase64Url(text)).toBeUndefined();
  });
});
