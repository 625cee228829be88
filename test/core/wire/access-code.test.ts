// Access codes: one pasteable string for tracker URL, unit and key, read back exactly, or refused
// with the reason an officer can act on, never repeating the key.
import { describe, expect, it } from "vitest";
import { formatAccessCode, readAccessCode } from "../../../src/core/wire/access-code.js";
import { accessCodeMessages } from "../../../src/core/wire/access-code-messages.js";
import { toBase64Url, utf8Bytes } from "../../../src/core/text/bytes.js";

const code = {
  url: "https://script.google.com/macros/s/AKfy_x-1/exec",
  unit: "Q-NINHKIEU",
  key: "0123456789abcdef".repeat(4),
};
const good = formatAccessCode(code);
const encode = (parts: unknown) => `chitieu1.${toBase64Url(utf8Bytes(JSON.stringify(parts)))}`;
const rawBody = (bytes: number[]) => `chitieu1.${Buffer.from(bytes).toString("base64url")}`;

describe("formatAccessCode", () => {
  it("is chitieu1. and the base64url of [url, unit, key]", () => {
    const text = formatAccessCode(code);
    expect(text).toBe(
      `chitieu1.${Buffer.from(JSON.stringify([code.url, code.unit, code.key])).toString("base64url")}`,
    );
    expect(text).toMatch(/^chitieu1\.[A-Za-z0-9_-]+$/u);
  });
});

describe("readAccessCode", () => {
  it("reads back what was formatted, with spaces and newlines around it or inside it from a paste", () => {
    expect(readAccessCode(good)).toEqual({ ok: true, value: code });
    expect(readAccessCode(`  ${good}\n`)).toEqual({ ok: true, value: code });
    expect(readAccessCode(`\r\n\t${good}\r\n\r\n`)).toEqual({ ok: true, value: code });
    // An e-mail client that wrapped the long code over two lines.
    expect(readAccessCode(`${good.slice(0, 40)}\n${good.slice(40)}`)).toEqual({
      ok: true,
      value: code,
    });
    const plain = { ...code, url: "http://127.0.0.1:8787/api/submit", unit: "Sở Y tế" };
    expect(readAccessCode(formatAccessCode(plain))).toEqual({ ok: true, value: plain });
  });

  const table: [string, string, string][] = [
    ["an empty string", "", "empty"],
    ["only spaces and a newline", "  \n ", "empty"],
    ["the tracker's address", "https://script.google.com/macros/s/AKfy_x-1/exec", "address"],
    ["an http address", "http://127.0.0.1:8787/nop", "address"],
    ["the unit key alone", code.key, "bare-key"],
    ["the unit key alone, in capitals", code.key.toUpperCase(), "bare-key"],
    ["a unit code", "Q-NINHKIEU", "not-a-code"],
    // An address or a key is recognised only as the whole paste.
    ["a sentence with the address inside", `Địa chỉ: ${code.url}`, "not-a-code"],
    ["the key after a label", `khoá:${code.key}`, "not-a-code"],
    ["66 hexadecimal digits", `${code.key}ab`, "not-a-code"],
    ["an e-mail's text", "Kính gửi Sở Y tế, mã truy cập của đơn vị như sau", "not-a-code"],
    ["another prefix", `chitieu2.${good.slice(9)}`, "not-a-code"],
    ["the code without its prefix", good.slice(9), "not-a-code"],
    ["the prefix alone", "chitieu1.", "damaged"],
    ["a code cut to 5 characters after its prefix", good.slice(0, 14), "damaged"],
    ["a code cut in half", good.slice(0, Math.floor(good.length / 2)), "damaged"],
    ["a code that lost its last 10 characters", good.slice(0, -10), "damaged"],
    ["a code that lost its last 2 characters", good.slice(0, -2), "damaged"],
    ["a code that lost its last character", good.slice(0, -1), "damaged"],
    ["a code whose first character changed", `chitieu1.X${good.slice(10)}`, "damaged"],
    ["a character outside base64url", `${good}+`, "damaged"],
    ["a character outside base64url inside", `${good.slice(0, 30)}!${good.slice(31)}`, "damaged"],
    ["bytes that are not UTF-8", rawBody([0x5b, 0x22, 0xff, 0x22, 0x5d]), "damaged"],
    [
      // C3 41 is no UTF-8 (41 cannot continue a letter); a lenient decoder would read "SÁ".
      "a unit whose bytes a lenient decoder would still read as a letter",
      rawBody([...utf8Bytes(`["${code.url}","S`), 0xc3, 0x41, ...utf8Bytes(`","${code.key}"]`)]),
      "damaged",
    ],
    ["text that is not JSON", `chitieu1.${toBase64Url(utf8Bytes("không phải JSON"))}`, "damaged"],
    ["an object, not a list", encode({ url: code.url, unit: code.unit, key: code.key }), "damaged"],
    ["two parts", encode([code.url, code.unit]), "damaged"],
    ["four parts", encode([code.url, code.unit, code.key, "x"]), "damaged"],
    ["an ftp address", encode(["ftp://example.com/x", code.unit, code.key]), "bad-address"],
    ["no address", encode(["not a url", code.unit, code.key]), "bad-address"],
    ["an empty unit", encode([code.url, "", code.key]), "no-unit"],
    ["a unit that is a number", encode([code.url, 7, code.key]), "no-unit"],
    ["a key of 63 digits", encode([code.url, code.unit, code.key.slice(1)]), "bad-key"],
    ["an uppercase key", encode([code.url, code.unit, code.key.toUpperCase()]), "bad-key"],
    ["a key that is not hexadecimal", encode([code.url, code.unit, "z".repeat(64)]), "bad-key"],
  ];

  it.each(table)("refuses %s as %s", (_, text, kind) => {
    const read = readAccessCode(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe(kind);
    expect(read.error.message).toEqual(accessCodeMessages[kind as keyof typeof accessCodeMessages]);
  });

  it("names no key and repeats no code in any refusal", () => {
    for (const [, text] of table) {
      const read = readAccessCode(text);
      if (read.ok) continue;
      for (const words of [read.error.message.vi, read.error.message.en]) {
        expect(words).not.toContain(code.key);
        expect(words.toLowerCase()).not.toContain(code.key.slice(0, 16));
        expect(words).not.toContain(good.slice(9, 30));
      }
    }
  });

  it("asks for the whole code again when it was cut, and tells a web address or a bare key apart", () => {
    const cut = readAccessCode(good.slice(0, -10));
    expect(!cut.ok && cut.error.message.en).toContain("Copy the whole code again");
    const url = readAccessCode("https://script.google.com/macros/s/AKfy_x-1/exec");
    expect(!url.ok && url.error.message.vi).toContain("địa chỉ web");
    const key = readAccessCode(code.key);
    expect(!key.ok && key.error.message.en).toContain("only a unit key");
  });
});
