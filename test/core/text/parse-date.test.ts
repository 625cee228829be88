// parseDate, formatDateVi and excelSerialFromIso against Vietnamese text, exceljs Dates and Excel serials.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { excelSerialFromIso, formatDateVi, parseDate } from "../../../src/core/text/parse-date.js";
import type { RawCellValue } from "../../../src/core/text/parse-number.js";

const isoOf = (d: Date): string => d.toISOString().slice(0, 10);

describe("parseDate: text", () => {
  it.each([
    ["12/05/2025", "2025-05-12"],
    ["1/5/2025", "2025-05-01"],
    ["12-05-2025", "2025-05-12"],
    ["12.05.2025", "2025-05-12"],
    ["2025-05-12", "2025-05-12"],
    ["29/02/2024", "2024-02-29"],
    [" 31/12/2025\u00A0", "2025-12-31"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it("reads day first, as Vietnamese write dates", () => {
    expect(parseDate("03/04/2025")).toEqual({ ok: true, value: "2025-04-03" });
  });

  it.each([
    "31/02/2025",
    "29/02/2025",
    "31/04/2025",
    "00/01/2025",
    "32/01/2025",
    "99/12/2025",
    "2025-13-01",
    "2025-00-15",
    "2025-02-30",
  ])("refuses the impossible date %j", (text) => {
    expect(parseDate(text)).toEqual({ ok: false, error: { code: "not-a-date", input: text } });
  });

  it("refuses month-first text, echoing it", () => {
    expect(parseDate("12/31/2025")).toEqual({
      ok: false,
      error: {
        code: "not-a-date",
        input: "12/31/2025",
      },
    });
  });

  it.each(["12/05/25", "1/5/25", "12-05-25"])("refuses the two-digit year in %j", (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, error: { code: "not-a-date" } });
  });

  it.each(["12/05-2025", "tháng 5/2025", "2025/05/12", "12/05/2025 10:30", "45678", "Q2/2025"])(
    "refuses %j",
    (text) => {
      expect(parseDate(text)).toMatchObject({
        ok: false,
        error: { code: "not-a-date", input: text },
      });
    },
  );

  it.each([null, undefined, "", "  \u200B"])("reads %j as blank", (cell) => {
    expect(parseDate(cell)).toMatchObject({ ok: false, error: { code: "blank" } });
  });
});

describe("parseDate: Date values", () => {
  it("takes the UTC date of a Date, as exceljs hands back UTC midnight", () => {
    expect(parseDate(new Date(Date.UTC(2025, 4, 12)))).toEqual({ ok: true, value: "2025-05-12" });
    expect(parseDate(new Date(Date.UTC(2025, 4, 12, 23, 59)))).toEqual({
      ok: true,
      value: "2025-05-12",
    });
  });

  it("refuses an invalid Date", () => {
    expect(parseDate(new Date(NaN))).toEqual({
      ok: false,
      error: {
        code: "not-a-date",
        input: "Invalid Date",
      },
    });
  });

  it("refuses a Date past year 9999", () => {
    expect(parseDate(new Date(Date.UTC(10000, 0, 1)))).toMatchObject({
      error: { code: "not-a-date" },
    });
  });

  it("reads year 0 as the text 01/01/0000 reads, and refuses a year before it", () => {
    const yearZero = new Date(0);
    yearZero.setUTCFullYear(0, 0, 1);
    expect(parseDate(yearZero)).toEqual({ ok: true, value: "0000-01-01" });
    expect(parseDate("01/01/0000")).toEqual({ ok: true, value: "0000-01-01" });
    const yearMinusOne = new Date(0);
    yearMinusOne.setUTCFullYear(-1, 11, 31);
    expect(parseDate(yearMinusOne)).toMatchObject({ ok: false, error: { code: "not-a-date" } });
  });

  it("reads any UTC-midnight Date as its own date", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const midnight = new Date(isoOf(d));
          expect(parseDate(midnight)).toEqual({ ok: true, value: isoOf(d) });
        },
      ),
    );
  });
});

describe("parseDate: Excel serials", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [2958465, "9999-12-31"],
  ])("reads serial %d as %s", (serial, iso) => {
    expect(parseDate(serial)).toEqual({ ok: true, value: iso });
  });

  it("refuses serial 60, Excel's fictitious 1900-02-29", () => {
    expect(parseDate(60)).toEqual({ ok: false, error: { code: "not-a-date", input: "60" } });
  });

  it("drops the time of day", () => {
    expect(parseDate(45658.75)).toEqual({ ok: true, value: "2025-01-01" });
    expect(parseDate(45658.999999)).toEqual({ ok: true, value: "2025-01-01" });
    expect(parseDate(2958465.5)).toEqual({ ok: true, value: "9999-12-31" });
    expect(parseDate(60.5)).toMatchObject({ ok: false, error: { code: "not-a-date" } });
  });

  it.each([0, 0.5, -1, 2958466, NaN, Infinity])("refuses serial %d", (serial) => {
    expect(parseDate(serial)).toMatchObject({ ok: false, error: { code: "not-a-date" } });
  });
});

describe("parseDate: other values", () => {
  it.each([true, false])("refuses the boolean %s", (b) => {
    expect(parseDate(b)).toEqual({ ok: false, error: { code: "not-a-date", input: String(b) } });
  });

  it("echoes an empty input for a blank cell", () => {
    expect(parseDate(null)).toEqual({ ok: false, error: { code: "blank", input: "" } });
    expect(parseDate(undefined)).toEqual({ ok: false, error: { code: "blank", input: "" } });
  });

  it("refuses, without throwing, an object whose prototype cannot even be looked up", () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("no prototype");
        },
      },
    );
    expect(parseDate(hostile as unknown as RawCellValue)).toMatchObject({
      ok: false,
      error: { code: "not-a-date" },
    });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (v) => {
        expect(typeof parseDate(v as RawCellValue).ok).toBe("boolean");
      }),
    );
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void parseDate(s)));
    fc.assert(fc.property(fc.stringMatching(/^[0-9/.-]{0,12}$/), (s) => void parseDate(s)));
    fc.assert(fc.property(fc.double(), (n) => void parseDate(n)));
    fc.assert(fc.property(fc.date(), (d) => void parseDate(d)));
  });
});

describe("formatDateVi", () => {
  it("writes dd/mm/yyyy", () => {
    expect(formatDateVi("2025-05-01")).toBe("01/05/2025");
  });

  it("refuses what is not a real yyyy-mm-dd date", () => {
    expect(() => formatDateVi("2025-02-30")).toThrow(RangeError);
    expect(() => formatDateVi("01/05/2025")).toThrow(RangeError);
    expect(() => formatDateVi("2025-02-30")).toThrow("not a yyyy-mm-dd date: 2025-02-30");
  });
});

describe("excelSerialFromIso", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2025-01-01", 45658],
    ["9999-12-31", 2958465],
  ])("gives %s serial %d", (iso, serial) => {
    expect(excelSerialFromIso(iso)).toBe(serial);
  });

  it("refuses dates Excel cannot hold and text that is no date", () => {
    expect(() => excelSerialFromIso("1899-12-31")).toThrow(RangeError);
    expect(() => excelSerialFromIso("2025-02-29")).toThrow(RangeError);
    expect(() => excelSerialFromIso("1899-12-31")).toThrow(
      "1899-12-31 has no Excel serial (1900-01-01 to 9999-12-31)",
    );
  });
});

describe("round trips from 1900-03-01 to 9999-12-31", () => {
  const anyIso = fc
    .date({
      min: new Date("1900-03-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .map(isoOf);

  it("reads back formatDateVi", () => {
    fc.assert(
      fc.property(anyIso, (iso) => {
        expect(parseDate(formatDateVi(iso))).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it("reads back excelSerialFromIso", () => {
    fc.assert(
      fc.property(anyIso, (iso) => {
        expect(parseDate(excelSerialFromIso(iso))).toEqual({ ok: true, value: iso });
      }),
    );
  });
});
