// Access codes: one pasteable string for tracker URL, unit and key, read back exactly or not at all.
import { describe, expect, it } from "vitest";
import { formatAccessCode, parseAccessCode } from "../../../src/core/wire/access-code.js";
import { toBase64Url, utf8Bytes } from "../../../src/core/text/bytes.js";

const code = {
  url: "https://script.google.com/macros/s/AKfy_x-1/exec",
  unit: "Q-NINHKIEU",
  key: "0123456789abcdef".repeat(4),
};
const encode = (parts: unknown) => `chitieu1.${toBase64Url(utf8Bytes(JSON.stringify(parts)))}`;

describe("formatAccessCode", () => {
  it("is chitieu1. and the base64url of [url, unit, key]", () => {
    const text = formatAccessCode(code);
    expect(text).toBe(
      `chitieu1.${Buffer.from(JSON.stringify([code.url, code.unit, code.key])).toString("base64url")}`,
    );
    expect(text).toMatch(/^chitieu1\.[A-Za-z0-9_-]+$/u);
  });
});

describe("parseAccessCode", () => {
  it("reads back what was formatted, with spaces and a newline around it from a paste", () => {
    expect(parseAccessCode(formatAccessCode(code))).toEqual(code);
    expect(parseAccessCode(`  ${formatAccessCode(code)}\n`)).toEqual(code);
    const plain = { ...code, url: "http://127.0.0.1:8787/api/submit", unit: "Sở Y tế" };
    expect(parseAccessCode(formatAccessCode(plain))).toEqual(plain);
  });

  it.each([
    ["another prefix", `chitieu2.${formatAccessCode(code).slice(9)}`],
    ["no prefix", formatAccessCode(code).slice(9)],
    ["a character outside base64url", `${formatAccessCode(code)}+`],
    ["a cut code", formatAccessCode(code).slice(0, -10)],
    ["text that is not JSON", `chitieu1.${toBase64Url(utf8Bytes("không phải JSON"))}`],
    ["an object, not a list", encode({ url: code.url, unit: code.unit, key: code.key })],
    ["two parts", encode([code.url, code.unit])],
    ["four parts", encode([code.url, code.unit, code.key, "x"])],
    ["a key of 63 digits", encode([code.url, code.unit, code.key.slice(1)])],
    ["an uppercase key", encode([code.url, code.unit, code.key.toUpperCase()])],
    ["an empty unit", encode([code.url, "", code.key])],
    ["an ftp address", encode(["ftp://example.com/x", code.unit, code.key])],
    ["no address", encode(["not a url", code.unit, code.key])],
    ["an empty string", ""],
  ])("refuses %s", (_, text) => {
    expect(parseAccessCode(text)).toBeUndefined();
  });
});
