// The in-memory Excel behaves like Excel where the add-in depends on it: no read before a sync,
// no request over 5 MB, no write into locked cells of a protected sheet, typed text parsed as Excel does.
import { describe, expect, it } from "vitest";
import { createFakeExcel } from "../fakes/excel/office-fake.js";
import { WorkbookModel } from "../fakes/excel/workbook-model.js";

/** What a cell holds after a person typed `text` into it (with `format` set beforehand). */
function typed(text: string, options: { format?: string; locale?: "vi-VN" | "en-US" } = {}) {
  const model = new WorkbookModel({ locale: options.locale ?? "vi-VN" });
  if (options.format) model.cell(model.sheet("Sheet1")!, 1, 1).numberFormat = options.format;
  model.type("Sheet1", "A1", text);
  const cell = model.peek(model.sheet("Sheet1")!, 1, 1)!;
  return { value: cell.value, format: cell.numberFormat, formula: cell.formula };
}

describe("the Excel fake", () => {
  it("refuses to read a property before it was loaded and synced", async () => {
    const excel = createFakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/u);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/u);
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
    expect(excel.syncs).toHaveLength(1);
  });

  it("refuses a request over 5 MB, as Excel on the web does", async () => {
    const excel = createFakeExcel();
    await excel.run(async (context) => {
      const big = Array.from({ length: 60_000 }, () => ["x".repeat(90)]);
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:A60000").values = big;
      await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/u);
    });
  });

  it("refuses writes into locked cells and formats on a protected sheet", async () => {
    const excel = createFakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("B2").format.protection.locked = false;
      sheet.protection.protect({}, "pw");
      await context.sync();
      sheet.getRange("B2").values = [[5]];
      await context.sync();
      sheet.getRange("A1").values = [[5]];
      await expect(context.sync()).rejects.toThrow(/AccessDenied/u);
      sheet.getRange("B2").format.fill.color = "#FF0000";
      await expect(context.sync()).rejects.toThrow(/AccessDenied/u);
      sheet.protection.unprotect("wrong");
      await expect(context.sync()).rejects.toThrow(/wrong password/u);
    });
    expect(excel.model.valueAt("Sheet1", "B2")).toBe(5);
  });

  it("parses written text as Excel does: apostrophe, text format, formula, number, percent", async () => {
    const excel = createFakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.getRange("A1:A5").values = [["'=1+1"], ["=1+1"], ["=1+1"], ["85"], ["80%"]];
      await context.sync();
    });
    const cell = (a: string) =>
      excel.model.peek(excel.model.sheet("Sheet1")!, Number(a.slice(1)), 1)!;
    expect([cell("A1").value, cell("A1").formula]).toEqual(["=1+1", undefined]);
    expect([cell("A2").value, cell("A2").formula]).toEqual(["=1+1", undefined]);
    expect(cell("A3").formula).toBe("=1+1");
    expect(cell("A4").value).toBe(85);
    expect([cell("A5").value, cell("A5").numberFormat]).toEqual([0.8, "0%"]);
  });

  it("stores what Excel stores for typed text in a vi-VN workbook", () => {
    expect(typed("80%")).toEqual({ value: 0.8, format: "0%", formula: undefined });
    expect(typed("12,5%")).toMatchObject({ value: 0.125, format: "0.00%" });
    expect(typed("1.234,5")).toMatchObject({ value: 1234.5, format: "#,##0.00" });
    expect(typed("1.234.567")).toMatchObject({ value: 1234567, format: "#,##0" });
    expect(typed("12,5")).toMatchObject({ value: 12.5, format: "General" });
    expect(typed("15/11/2025")).toMatchObject({ value: 45976, format: "m/d/yyyy" });
    expect(typed("15/11/2025", { format: "dd/mm/yyyy" })).toMatchObject({
      value: 45976,
      format: "dd/mm/yyyy",
    });
    expect(typed("31/02/2025")).toMatchObject({ value: "31/02/2025" });
    expect(typed("TRUE")).toMatchObject({ value: true });
    expect(typed("false")).toMatchObject({ value: false });
    expect(typed("'0123")).toMatchObject({ value: "0123", format: "General" });
    expect(typed("80%", { format: "@" })).toMatchObject({ value: "80%", format: "@" });
    expect(typed("=1+1")).toMatchObject({ formula: "=1+1" });
    expect(typed("khoảng 80")).toMatchObject({ value: "khoảng 80" });
  });

  it("reads numbers and dates by the locale, and takes 80 as 80% in a percent cell", () => {
    expect(typed("1.234,5", { locale: "en-US" })).toMatchObject({ value: "1.234,5" });
    expect(typed("1,234.5", { locale: "en-US" })).toMatchObject({ value: 1234.5 });
    expect(typed("1,234.5")).toMatchObject({ value: "1,234.5" });
    expect(typed("11/15/2025", { locale: "en-US" })).toMatchObject({ value: 45976 });
    expect(typed("15/11/2025", { locale: "en-US" })).toMatchObject({ value: "15/11/2025" });
    // Automatic percent entry, on by default (Microsoft KB 215203).
    expect(typed("80", { format: "0%" })).toMatchObject({ value: 0.8, format: "0%" });
    expect(typed(",5", { format: "0%" })).toMatchObject({ value: 0.5 });
    expect(typed("0,5", { format: "0%" })).toMatchObject({ value: 0.005 });
  });
});
