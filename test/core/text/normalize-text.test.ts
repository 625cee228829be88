// normalizeText and isBlank against what officers actually paste into cells.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isBlank, normalizeText } from "../../../src/core/text/normalize-text.js";

describe("normalizeText", () => {
  it("composes NFD Vietnamese pasted from PDFs into NFC", () => {
    const nfd = "Sở Thông tin và Truyền thông".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    expect(normalizeText(nfd)).toBe("Sở Thông tin và Truyền thông".normalize("NFC"));
  });

  it.each([
    ["U+00A0 no-break space", "\u00A0"],
    ["U+202F narrow no-break space", "\u202F"],
    ["U+2007 figure space", "\u2007"],
    ["U+2003 em space", "\u2003"],
    ["U+3000 ideographic space", "\u3000"],
    ["U+0085 next line", "\u0085"],
  ])("turns %s into a plain space", (_name, space) => {
    expect(normalizeText(`Hà${space}Nội`)).toBe("Hà Nội");
  });

  it.each([
    ["U+200B zero-width space", "\u200B"],
    ["U+FEFF byte-order mark", "\uFEFF"],
  ])("removes %s", (_name, invisible) => {
    expect(normalizeText(`1${invisible}234`)).toBe("1234");
    expect(normalizeText(`${invisible}abc`)).toBe("abc");
  });

  it("composes a letter and its accent once an invisible character between them is gone", () => {
    expect(normalizeText("Ha\u200B\u0300")).toBe("Hà");
  });

  it("collapses runs of whitespace, line breaks included", () => {
    expect(normalizeText("Ủy ban  \t nhân\n\ndân")).toBe("Ủy ban nhân dân");
  });

  it("trims both ends", () => {
    expect(normalizeText(" \u00A0 tỉnh \n")).toBe("tỉnh");
  });

  it("is idempotent and leaves NFC text with single inner spaces only", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.normalize("NFC"));
        expect(once).not.toMatch(/^\s|\s$|\s\s|[^ \S]/);
      }),
    );
  });
});

describe("isBlank", () => {
  it.each([null, undefined, "", "   ", "\u00A0\u202F", "\u200B\uFEFF", "\n\t"])(
    "is true for %j",
    (v) => {
      expect(isBlank(v)).toBe(true);
    },
  );

  it.each([0, "0", "-", false, new Date(0), "x"])("is false for %j", (v) => {
    expect(isBlank(v)).toBe(false);
  });
});
