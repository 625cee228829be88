// The Apps Script fakes hold Google's limits: what the product must live within is checked here
// once, so every other test runs against a host as strict as the real one (HOST-BEHAVIOUR.md).
import { describe, expect, it } from "vitest";
import { CallLog } from "../fakes/apps-script/calls.js";
import { FakeProperties } from "../fakes/apps-script/services.js";
import {
  CELL_LIMIT,
  COLUMN_LIMIT,
  FakeSpreadsheet,
  SPREADSHEET_CELL_LIMIT,
} from "../fakes/apps-script/spreadsheet.js";
import { typed } from "../fakes/apps-script/typing.js";

const spreadsheet = () => new FakeSpreadsheet(new CallLog());

describe("the fake spreadsheet", () => {
  it("gives a new sheet the 1000 × 26 grid and counts every cell of every sheet", () => {
    const ss = spreadsheet();
    expect(ss.cellCount()).toBe(26_000);
    const sheet = ss.sheet("Sheet1")!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    ss.insertSheet("Hai");
    expect(ss.cellCount()).toBe(52_000);
    sheet.deleteRows(3, 990);
    sheet.deleteColumns(5, 20);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([10, 6]);
    expect(ss.cellCount()).toBe(26_060);
  });

  it("refuses growth past 10 million cells and 18,278 columns, changing nothing", () => {
    const ss = spreadsheet();
    const sheet = ss.sheet("Sheet1")!;
    sheet.deleteRows(101, 900);
    sheet.insertColumnsAfter(26, COLUMN_LIMIT - 26);
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow(/18278/u);
    const room = SPREADSHEET_CELL_LIMIT - ss.cellCount();
    const rows = Math.floor(room / COLUMN_LIMIT);
    sheet.insertRowsAfter(100, rows);
    const before = ss.cellCount();
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow(/above the limit of 10000000 cells/u);
    expect(() => ss.insertSheet("Ba")).toThrow(/10000000/u);
    expect(ss.cellCount()).toBe(before);
    expect(ss.sheets).toHaveLength(1);
  });

  it("keeps a row below the frozen ones and a column", () => {
    const sheet = spreadsheet().sheet("Sheet1")!;
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(/non-frozen rows/u);
    expect(() => sheet.deleteColumns(1, 26)).toThrow(/non-frozen columns/u);
    expect(() => sheet.deleteRows(1000, 2)).toThrow(/out of bounds/u);
  });

  it("refuses a range of zero rows or columns, or past the sheet's edge", () => {
    const sheet = spreadsheet().sheet("Sheet1")!;
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow(/number of rows/u);
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow(/number of columns/u);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(/outside the dimensions/u);
  });

  it("refuses setValues whole: a ragged grid or an overlong cell writes nothing", () => {
    const sheet = spreadsheet().sheet("Sheet1")!;
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([["a", "b"], ["c"]])).toThrow(/number of columns/u);
    expect(() => range.setValues([["a", "b"]])).toThrow(/number of rows/u);
    expect(() =>
      range.setValues([
        ["a", "b"],
        ["c", "x".repeat(CELL_LIMIT + 1)],
      ]),
    ).toThrow(/50000 characters/u);
    expect(sheet.lastRow()).toBe(0);
  });

  it("fails the N-th value write when asked, writing nothing of it", () => {
    const ss = spreadsheet();
    const sheet = ss.sheet("Sheet1")!;
    ss.failWrite(2);
    sheet.getRange(1, 1).setValue("một");
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([["hai", "ba"]])).toThrow(
      /Service Spreadsheets failed/u,
    );
    sheet.getRange(3, 1).setValue("bốn");
    expect(sheet.dump()).toEqual([["một"], [""], ["bốn"]]);
  });

  it("parses typed text as Sheets does outside plain-text cells", () => {
    for (const text of [
      "Dec-12",
      "12-Dec",
      "dec 12, 2025",
      "December 2025",
      "1-2",
      "2025-12",
      "10:30",
    ])
      expect(typed(text).value, text).toBeInstanceOf(Date);
    expect(typed("001").value).toBe(1);
    expect(typed("1,234").value).toBe(1234);
    expect(typed("$5").value).toBe(5);
    expect(typed("(5)").value).toBe(-5);
    expect(typed("50%").value).toBe(0.5);
    expect(typed("true").value).toBe(true);
    expect(typed("'Dec-12").value).toBe("Dec-12");
    expect(typed("=1+1")).toEqual({ value: "=1+1", formula: "=1+1" });
    for (const text of ["STTTT", "Q-NK", "X-1", "Sở Y tế", "May", "QĐ 1/QĐ-UBND"])
      expect(typed(text).value, text).toBe(text);
    const sheet = spreadsheet().sheet("Sheet1")!;
    sheet.getRange(1, 1).setNumberFormat("@");
    sheet.getRange(1, 1, 1, 2).setValues([["Dec-12", "Dec-12"]]);
    expect(sheet.getRange(1, 1).getValue()).toBe("Dec-12");
    expect(sheet.getRange(1, 2).getValue()).toBeInstanceOf(Date);
  });
});

describe("the fake script properties", () => {
  it("refuses a value over 9 KB or a store over 500 KB whole, in UTF-8 bytes", () => {
    const props = new FakeProperties();
    props.setProperty("a", "x".repeat(9 * 1024));
    // 3,072 three-byte characters: 9 KB and one byte over as UTF-8.
    expect(() => props.setProperty("b", `${"ệ".repeat(3072)}x`)).toThrow(/too large/u);
    const batch = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`k${i}`, "y".repeat(9000)]),
    );
    expect(() => props.setProperties(batch)).toThrow(/storage quota/u);
    expect(props.getKeys()).toEqual(["a"]);
    expect(props.size()).toBe(1 + 9 * 1024);
  });
});
