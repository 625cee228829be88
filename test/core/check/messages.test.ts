// The message catalogue: every issue has a message in Vietnamese and in English, each naming the
// same facts (the figures and names it is given), and a severity.
import { describe, expect, it } from "vitest";
import type { IssueCode } from "../../../src/core/check/messages.js";
import {
  bilingual,
  catalogue,
  fieldLabels,
  messageFor,
  severityOf,
} from "../../../src/core/check/messages.js";

const codes = Object.keys(catalogue) as IssueCode[];
const PARAMS = [
  "found",
  "expected",
  "input",
  "readings",
  "value",
  "range",
  "numerator",
  "denominator",
  "missing",
  "missingEn",
  "computed",
  "sum",
  "total",
  "disbursed",
  "allocated",
  "date",
  "today",
  "deadline",
  "target",
  "id",
  "count",
  "ids",
];
const token = (name: string) => `⟪${name}⟫`;
const params = Object.fromEntries(PARAMS.map((p) => [p, token(p)]));
// The two languages name the missing part each in its own words.
const fact = (name: string) => (name === "missingEn" ? "missing" : name);
const factsIn = (text: string) =>
  PARAMS.filter((p) => text.includes(token(p)))
    .map(fact)
    .sort();

describe("messageFor", () => {
  it.each(codes)("%s: a sentence in each language, naming the same facts", (code) => {
    const { vi, en } = messageFor(code, params);
    expect(vi).toMatch(/^["\p{Lu}].*\.$/u);
    expect(en).toMatch(/^["\p{Lu}].*\.$/u);
    expect(vi).not.toBe(en);
    expect(vi).toBe(vi.normalize("NFC"));
    expect(factsIn(vi)).toEqual(factsIn(en));
  });

  it("puts the given figures in place", () => {
    expect(
      messageFor("numerator-exceeds-denominator", { numerator: 120, denominator: 100 }),
    ).toEqual({
      vi: "Tử số (120) lớn hơn mẫu số (100).",
      en: "Numerator (120) is greater than denominator (100).",
    });
    expect(messageFor("half-ratio", { missing: "mẫu số", missingEn: "the denominator" })).toEqual({
      vi: "Thiếu mẫu số: tử số và mẫu số phải nhập cùng nhau.",
      en: "Missing the denominator: numerator and denominator go together.",
    });
    expect(messageFor("required")).toEqual({
      vi: "Chưa nhập: đơn vị phải báo cáo chỉ tiêu này.",
      en: "Missing: this unit must report this indicator.",
    });
  });
});

describe("severityOf", () => {
  it("makes warnings of what may be right (money, dates, overdue tasks) and errors of the rest", () => {
    const warnings = codes.filter((c) => severityOf(c) === "warning").sort();
    // A missed target with no difficulties written may still be explained elsewhere (issue 14).
    expect(warnings).toEqual([
      "date-without-done",
      "difficulties-missing",
      "disbursed-exceeds-allocated",
      "task-overdue",
    ]);
    for (const c of codes) expect(["error", "warning"]).toContain(severityOf(c));
  });
});

describe("fieldLabels", () => {
  it("names every field in both languages", () => {
    for (const [field, label] of Object.entries(fieldLabels)) {
      expect(label.vi, field).not.toBe("");
      expect(label.en, field).not.toBe("");
    }
  });
});

describe("bilingual", () => {
  it("puts the Vietnamese first, then the English, on one line", () => {
    expect(bilingual({ vi: "Chào", en: "Hello" })).toBe("Chào / Hello");
  });
});
