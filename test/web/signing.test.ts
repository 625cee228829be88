// The page's Web Crypto signature is core's signature, byte for byte, for any payload; without Web
// Crypto (plain http on an office network) the page signs with core's HMAC and says the same.
import { webcrypto } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sign, verify } from "../../src/core/wire/signature.js";
import { signPayload } from "../../src/web/signing.js";

const KEY = "0123456789abcdef".repeat(4);
const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe("signPayload", () => {
  it.each([
    ["", "an empty payload"],
    ['{"unit":"STTTT","note":"Đã hoàn thành — 100%"}', "Vietnamese text"],
    ['{"note":"e\u0301 NFD, 😀 and \\u00e9"}', "decomposed letters, an emoji and an escape"],
  ])("gives core's hex for %j (%s)", async (payload) => {
    const hex = await signPayload(payload, KEY, subtle);
    expect(hex).toBe(sign(payload, KEY));
    expect(verify(payload, hex, KEY)).toBe(true);
  });

  it("gives core's hex for any submission text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), async (note) => {
        const payload = JSON.stringify({ note });
        expect(await signPayload(payload, KEY, subtle)).toBe(sign(payload, KEY));
      }),
      { numRuns: 200 },
    );
  });

  it("signs with core's HMAC where the browser has no Web Crypto", async () => {
    expect(await signPayload("{}", KEY, null)).toBe(sign("{}", KEY));
  });

  it("refuses a key that is not 64 hex digits", async () => {
    await expect(signPayload("{}", "abc", subtle)).rejects.toThrow(/invalid key/u);
  });
});
