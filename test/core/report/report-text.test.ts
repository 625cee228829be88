// Text as it may appear in an official document: printable, and the report's number and date forms.
import { describe, expect, it } from "vitest";
import {
  changeText,
  printable,
  reportNumber,
  shortDate,
  upper,
  valueText,
  vietnameseDateLine,
} from "../../../src/core/report/report-text.js";

const percent = { kind: "percent", unit: "%" } as const;
const count = { kind: "count", unit: "doanh nghiệp" } as const;
const money = { kind: "money", unit: "đồng" } as const;
const yesNo = { kind: "yes-no", unit: "có/không" } as const;

describe("printable", () => {
  it("turns controls, lone surrogates and U+FFFE/U+FFFF into U+FFFD, visibly", () => {
    expect(printable("a\u0007b\u0085c\uFFFEd\uD800e")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
  });

  it("keeps line breaks as \\n, a tab as a space, and a leading '=' as text", () => {
    expect(printable("=SUM(A1)\r\nMột\rHai\tBa")).toBe("=SUM(A1)\nMột\nHai Ba");
  });

  it("composes decomposed Vietnamese (NFC) and keeps characters outside the BMP", () => {
    expect(printable("Khó khăn".normalize("NFD"))).toBe("Khó khăn".normalize("NFC"));
    expect(printable("📈")).toBe("📈");
  });
});

describe("numbers", () => {
  it("at most two decimals, with a decimal comma", () => {
    expect(reportNumber(85.33333)).toBe("85,33");
    expect(reportNumber(70)).toBe("70");
    expect(reportNumber(1234.5)).toBe("1.234,5");
  });

  it("a value with its measure", () => {
    expect(valueText(percent, 85.5)).toBe("85,5%");
    expect(valueText(count, 20)).toBe("20 doanh nghiệp");
    expect(valueText(money, 1_000_000.4)).toBe("1.000.000 đồng");
    expect(valueText(yesNo, 1)).toBe("Có");
    expect(valueText(yesNo, 0)).toBe("Chưa");
  });

  it("a change, signed, in points for a percentage", () => {
    expect(changeText(percent, 2.5)).toBe("+2,5 điểm %");
    expect(changeText(percent, -2.25)).toBe("−2,25 điểm %");
    expect(changeText(count, -3)).toBe("−3 doanh nghiệp");
    expect(changeText(money, 1_500_000)).toBe("+1.500.000 đồng");
    expect(changeText(percent, 0.001)).toBe("Không đổi");
  });
});

describe("dates", () => {
  it("the document's date line: a leading zero for days below 10, January and February", () => {
    // 4 January 2026 18:00 UTC is 5 January 01:00 in Vietnam.
    expect(vietnameseDateLine(new Date("2026-01-04T18:00:00Z"))).toBe("ngày 05 tháng 01 năm 2026");
    expect(vietnameseDateLine(new Date("2025-12-14T08:00:00+07:00"))).toBe(
      "ngày 14 tháng 12 năm 2025",
    );
    expect(vietnameseDateLine(new Date("2025-03-09T08:00:00+07:00"))).toBe(
      "ngày 09 tháng 3 năm 2025",
    );
  });

  it("a short date read in Vietnam, whatever the instant's offset", () => {
    expect(shortDate("2025-12-09T20:00:00Z")).toBe("10/12/2025");
    expect(shortDate("2025-12-10T09:00:00+07:00")).toBe("10/12/2025");
  });
});

describe("upper", () => {
  it("upper-cases Vietnamese with its marks", () => {
    expect(upper("Sở Thông tin và Truyền thông")).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
  });
});

describe("report text at its edges", () => {
  it("the C1 range runs from U+007F to U+009F: both ends replaced, their neighbours kept", () => {
    expect(printable("~\u007f\u009f\u00a0")).toBe("~\uFFFD\uFFFD\u00a0");
    expect(printable("a\uffffb")).toBe("a\uFFFDb");
    expect(printable("a\udfffb")).toBe("a\uFFFDb");
  });

  it("a change in money is whole đồng, signed", () => {
    expect(changeText({ kind: "money", unit: "đồng" }, 1_500_000.4)).toBe("+1.500.000 đồng");
  });

  it("a short date pads a day and a month below 10", () => {
    expect(shortDate("2026-01-05T10:00:00+07:00")).toBe("05/01/2026");
  });
});
