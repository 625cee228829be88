// parseNumber, formatNumberVi and formatDong against what officers type and sheets hand back.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  cellInput,
  formatDong,
  formatNumberVi,
  isPercentFormat,
  parseNumber,
} from "../../../src/core/text/parse-number.js";
import type { RawCellValue } from "../../../src/core/text/parse-number.js";

function valueOf(cell: RawCellValue, opts?: Parameters<typeof parseNumber>[1]): number | undefined {
  const reading = parseNumber(cell, opts);
  return reading.ok ? reading.value : undefined;
}

describe("parseNumber: JS numbers", () => {
  it("takes a finite number as it is", () => {
    expect(parseNumber(42.5)).toEqual({ ok: true, value: 42.5 });
    expect(parseNumber(-3)).toEqual({ ok: true, value: -3 });
  });

  it.each([NaN, Infinity, -Infinity])("refuses %s", (n) => {
    expect(parseNumber(n)).toEqual({
      ok: false,
      error: { code: "not-a-number", input: String(n) },
    });
  });

  it("reads -0 as 0", () => {
    expect(Object.is(valueOf(-0), 0)).toBe(true);
    expect(Object.is(valueOf("-0"), 0)).toBe(true);
  });

  it("scales a percent-formatted cell's fraction to percent units", () => {
    expect(valueOf(0.8, { percentCell: true })).toBe(80);
    expect(valueOf(1, { percentCell: true })).toBe(100);
    expect(valueOf(-0.125, { percentCell: true })).toBe(-12.5);
  });

  it("scales without floating noise", () => {
    expect(0.07 * 100).not.toBe(7);
    expect(valueOf(0.07, { percentCell: true })).toBe(7);
    expect(valueOf(0.29, { percentCell: true })).toBe(29);
    expect(valueOf(1e-7, { percentCell: true })).toBe(0.00001);
  });

  it("scales any percent fraction exactly as the decimal text would read", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (tenThousandths) => {
        const fraction = tenThousandths / 10_000;
        expect(valueOf(fraction, { percentCell: true })).toBe(tenThousandths / 100);
      }),
    );
  });

  it("leaves numbers alone without percentCell", () => {
    expect(valueOf(0.8)).toBe(0.8);
  });
});

describe("parseNumber: text", () => {
  it.each([
    ["1.234.567", 1234567],
    ["150.327.674.000", 150327674000],
    ["12,5", 12.5],
    ["1.234.567,89", 1234567.89],
    ["-1.234,5", -1234.5],
  ])("reads vi-VN %j as %d", (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["150,327,674,000", 150327674000],
    ["1,234.5", 1234.5],
    ["1,234,567.89", 1234567.89],
  ])("reads en %j as %d", (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["12,5", 12.5],
    ["0,125", 0.125],
    ["3.14", 3.14],
    ["1234,567", 1234.567],
    ["0.5", 0.5],
  ])(
    "takes a single separator not followed by a thousands group as the decimal mark: %j",
    (text, value) => {
      expect(valueOf(text)).toBe(value);
    },
  );

  it.each([
    ["+5", 5],
    ["-5", -5],
    ["\u22125", -5],
    ["-12,5", -12.5],
  ])("reads the sign of %j", (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it.each([
    ["80%", 80],
    ["80 %", 80],
    ["12,5%", 12.5],
    ["80\u00A0%", 80],
  ])("reads %j as already in percent units", (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it("keeps a typed percent as it is in a percent-formatted cell", () => {
    expect(valueOf("80%", { percentCell: true })).toBe(80);
  });

  it("normalizes text first: spaces around, no-break and zero-width characters", () => {
    expect(valueOf(" \u00A012,5\u200B ")).toBe(12.5);
    expect(valueOf("1.234.\uFEFF567")).toBe(1234567);
  });

  it.each(["1.234", "1,234", "999.000", "-1.234", "1.234%"])(
    "refuses to guess %j: thousands or decimal",
    (text) => {
      const reading = parseNumber(text);
      expect(reading).toMatchObject({ ok: false, error: { code: "ambiguous", input: text } });
    },
  );

  it("lists both readings of an ambiguous figure, thousands first", () => {
    expect(parseNumber("1.234")).toEqual({
      ok: false,
      error: {
        code: "ambiguous",
        input: "1.234",
        readings: [1234, 1.234],
      },
    });
    expect(parseNumber("-1,234")).toMatchObject({ error: { readings: [-1234, -1.234] } });
  });

  it("takes the whole reading of an ambiguous figure for an integer indicator, and says so", () => {
    const reading = parseNumber("1.234", { expect: "integer" });
    expect(reading).toMatchObject({ ok: true, value: 1234 });
    expect(reading.ok && reading.note).toMatch(/1234/);
  });

  it("stays ambiguous for a decimal indicator, where both readings are possible", () => {
    expect(parseNumber("1,234", { expect: "decimal" })).toMatchObject({
      error: { code: "ambiguous" },
    });
  });

  it("adds no note when nothing was chosen", () => {
    expect(parseNumber("1.234.567", { expect: "integer" })).toEqual({ ok: true, value: 1234567 });
  });

  it.each([
    "khoảng 80",
    "N/A",
    "80 hồ sơ",
    "1.2.3",
    "--5",
    "1.23.456",
    "1.2345.678",
    "1234.567.890",
    "0.123.456",
    "1.234,5,6",
    "1,234.567,8",
    "12.34,5",
    ".5",
    "5.",
    "1 234",
    "80%%",
    "%80",
    "1e5",
    "0x10",
    "Infinity",
  ])("refuses %j as not-a-number, echoing it", (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, error: { code: "not-a-number", input: text } });
  });

  it("refuses digits that overflow to Infinity", () => {
    expect(parseNumber("9".repeat(400))).toMatchObject({
      ok: false,
      error: { code: "not-a-number" },
    });
  });

  it.each([null, undefined, "", "   ", "\u00A0\u200B"])("reads %j as blank", (cell) => {
    expect(parseNumber(cell)).toMatchObject({ ok: false, error: { code: "blank" } });
  });
});

describe("parseNumber: other cell values", () => {
  it.each([true, false])("refuses the boolean %s", (b) => {
    expect(parseNumber(b)).toEqual({
      ok: false,
      error: { code: "not-a-number", input: String(b) },
    });
  });

  it("refuses a Date", () => {
    const d = new Date(Date.UTC(2025, 0, 1));
    expect(parseNumber(d)).toEqual({
      ok: false,
      error: {
        code: "not-a-number",
        input: "2025-01-01T00:00:00.000Z",
      },
    });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (v) => {
        const reading = parseNumber(v as RawCellValue);
        expect(typeof reading.ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), fc.boolean(), (s, pc, int) => {
        parseNumber(s, { percentCell: pc, expect: int ? "integer" : "decimal" });
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[-+%,. 0-9]{0,14}$/), (s) => {
        const reading = parseNumber(s);
        if (reading.ok) expect(Number.isFinite(reading.value)).toBe(true);
      }),
    );
  });

  it("describes any value without throwing", () => {
    expect(cellInput(Object.create(null))).toBe("[object]");
    expect(cellInput(new Date(NaN))).toBe("Invalid Date");
  });
});

describe("formatNumberVi", () => {
  it.each([
    [1234567.5, undefined, "1.234.567,5"],
    [-12.25, 2, "-12,25"],
    [1234, 0, "1.234"],
    [999, undefined, "999"],
    [0.5, 2, "0,50"],
    [1234.5678, 2, "1.234,57"],
    [-1000000, 0, "-1.000.000"],
    [1e-7, undefined, "0,0000001"],
    [1.5e21, 0, "1.500.000.000.000.000.000.000"],
    [-0.001, 2, "0,00"],
  ])("formats %d with %s fraction digits as %j", (n, digits, text) => {
    expect(formatNumberVi(n, digits)).toBe(text);
  });

  it("refuses fraction digits it cannot honour", () => {
    expect(() => formatNumberVi(1, -1)).toThrow(RangeError);
    expect(() => formatNumberVi(1, 1.5)).toThrow(RangeError);
  });

  it("reads back through parseNumber for any number with up to 2 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        const n = cents / 100;
        expect(parseNumber(formatNumberVi(n, 2))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("reads back whole numbers formatted without decimals for an integer indicator", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(valueOf(formatNumberVi(n, 0), { expect: "integer" })).toBe(n);
      }),
    );
  });
});

describe("formatDong", () => {
  it("groups whole đồng", () => {
    expect(formatDong(150327674000)).toBe("150.327.674.000");
  });

  it("rounds to whole đồng", () => {
    expect(formatDong(1234.6)).toBe("1.235");
  });
});

describe("isPercentFormat", () => {
  it("knows a format that shows a number as a percent from one that only prints a % sign", () => {
    for (const f of ["0%", "0.00%", "#,##0.0%", "[Red]0%"])
      expect(isPercentFormat(f), f).toBe(true);
    for (const f of ["General", "#,##0", '0" %"', "0\\%", "[$%-409]0", "@", "dd/mm/yyyy"])
      expect(isPercentFormat(f), f).toBe(false);
  });
});

describe("parseNumber and cellInput: what the messages show", () => {
  it("echoes an empty input for a blank cell, null or undefined", () => {
    expect(parseNumber(null)).toEqual({ ok: false, error: { code: "blank", input: "" } });
    expect(parseNumber(undefined)).toEqual({ ok: false, error: { code: "blank", input: "" } });
  });

  it("shows nothing for an empty cell, and the cell's own text otherwise", () => {
    expect(cellInput(null)).toBe("");
    expect(cellInput(undefined)).toBe("");
    expect(cellInput(" 12,5 ")).toBe(" 12,5 ");
    expect(cellInput(false)).toBe("false");
  });

  it("says in both languages which reading of 1.234 a whole-number indicator took", () => {
    expect(parseNumber("1.234", { expect: "integer" })).toEqual({
      ok: true,
      value: 1234,
      note:
        '"1.234" được đọc là 1234, không phải 1,234 (chỉ tiêu là số nguyên)' +
        ' / "1.234" read as 1234, not 1.234 (the indicator is a whole number)',
    });
    expect(parseNumber("−2,500", { expect: "integer" })).toMatchObject({
      value: -2500,
      note: expect.stringContaining("không phải -2,5 (") as unknown,
    });
  });
});

describe("formatNumberVi: the edges of its range", () => {
  it("keeps the sign of minus infinity", () => {
    expect(formatNumberVi(-Infinity)).toBe("-Infinity");
    expect(formatNumberVi(Infinity)).toBe("Infinity");
  });

  it("takes 0 to 100 fraction digits, as toFixed does, and names a wrong count", () => {
    expect(formatNumberVi(0.5, 100)).toBe(`0,5${"0".repeat(99)}`);
    expect(() => formatNumberVi(1, 101)).toThrow(
      /fractionDigits must be an integer from 0 to 100, got 101/,
    );
    expect(() => formatNumberVi(1, -1)).toThrow(/got -1/);
    expect(() => formatNumberVi(1, 1.5)).toThrow(/got 1.5/);
  });

  it("writes 10^21 and more in full, with the fraction digits asked for", () => {
    expect(formatNumberVi(1e21, 2)).toBe("1.000.000.000.000.000.000.000,00");
    expect(formatNumberVi(2.5e21, 1)).toBe("2.500.000.000.000.000.000.000,0");
    expect(formatDong(1e21)).toBe("1.000.000.000.000.000.000.000");
    expect(formatDong(-3e22)).toBe("-30.000.000.000.000.000.000.000");
  });
});
