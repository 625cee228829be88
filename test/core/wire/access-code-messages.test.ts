// The words for an access code that does not read: one per reason, each saying what to do next.
import { describe, expect, it } from "vitest";
import { accessCodeMessages } from "../../../src/core/wire/access-code-messages.js";

describe("access code messages", () => {
  it("name every reason a code is refused, and nothing else", () => {
    expect(Object.keys(accessCodeMessages).sort()).toEqual([
      "address",
      "bad-address",
      "bad-key",
      "bare-key",
      "damaged",
      "empty",
      "no-unit",
      "not-a-code",
    ]);
  });

  it("ask for the whole code again when it was cut, and for a new one when it is wrong inside", () => {
    expect(accessCodeMessages.damaged).toEqual({
      vi: "Mã bị thiếu hoặc sai ký tự, thường do sao chép mất phần cuối. Hãy sao chép lại toàn bộ mã trong thư của đơn vị tổng hợp.",
      en: "The code is cut short or has a changed character, usually a copy that lost its end. Copy the whole code again from the consolidator's message.",
    });
    for (const kind of ["bad-address", "no-unit", "bad-key"] as const) {
      expect(accessCodeMessages[kind].vi).toContain("Hãy đề nghị đơn vị tổng hợp cấp lại mã.");
      expect(accessCodeMessages[kind].en).toContain("Ask the consolidator for a new code.");
    }
  });

  it("tell every code-less paste that a code starts with chitieu1.", () => {
    for (const kind of ["empty", "address", "bare-key", "not-a-code"] as const) {
      expect(accessCodeMessages[kind].vi).toContain("chitieu1.");
      expect(accessCodeMessages[kind].en).toContain("chitieu1.");
    }
  });
});
