// The .xlsx shell: what it writes reads back through exceljs as the layout describes, and free text stays text.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { SheetLayout } from "../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { REPORT_SHEET } from "../../src/core/sheet/layout-types.js";
import { readSheet } from "../../src/core/sheet/read-sheet.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { loadUnits } from "../../src/node/lookup.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import {
  readWorkbookGrid,
  wrappedLines,
  writeLayoutBuffer,
  writeLayoutFile,
} from "../../src/node/xlsx.js";
import { addressOf, fillWorkbook } from "../fixtures/fill-workbook.js";

const templates = loadSeedTemplates().templates;
const units = loadUnits();
const templateOf = (id: string) => templates.find((t) => t.id === id)!;
const unitOf = (code: string) => units.find((u) => u.code === code)!;

async function loadSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook.getWorksheet(REPORT_SHEET)!;
}

describe("writeLayoutWorkbook", () => {
  let template: Template;
  let unit: Unit;
  let layout: SheetLayout;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    template = templateOf("can-tho-2256");
    unit = unitOf("Q-NINHKIEU");
    layout = buildLayout(template, unit, "2025");
    sheet = await loadSheet(await writeLayoutBuffer(layout));
  });

  it("unlocks exactly the input cells and protects the sheet", () => {
    const inputs = new Set(layout.cells.filter((c) => c.input).map((c) => `${c.row}:${c.col}`));
    // Each narrative box is one field merged over 6 rows × 9 columns, every cell of it unlocked.
    expect(inputs.size).toBe(layout.fields.length + 3 * (6 * 9 - 1));
    for (let row = 1; row <= layout.rowCount + 2; row++) {
      for (let col = 1; col <= layout.columnCount + 2; col++) {
        const locked = sheet.getCell(row, col).protection?.locked !== false;
        expect(locked, `${row}:${col}`).toBe(!inputs.has(`${row}:${col}`));
      }
    }
    const { sheetProtection } = sheet as unknown as {
      sheetProtection: Partial<ExcelJS.WorksheetProtection> & { sheet?: boolean };
    };
    expect(sheetProtection).toMatchObject({ sheet: true, formatColumns: true });
    // exceljs reads "allowed" back as absent; `false` would mean selection is blocked.
    expect(sheetProtection.selectLockedCells).not.toBe(false);
    expect(sheetProtection.selectUnlockedCells).not.toBe(false);
  });

  it("freezes the panes where the layout says", () => {
    expect(sheet.views[0]).toMatchObject({
      state: "frozen",
      xSplit: layout.freeze.columns,
      ySplit: layout.freeze.rows,
    });
  });

  it("writes values, formulas, number formats, styles and column widths", () => {
    for (const cell of layout.cells) {
      const written = sheet.getCell(cell.row, cell.col);
      if (cell.formula) expect(written.formula).toBe(cell.formula);
      else expect(written.value ?? null).toEqual(cell.value);
      // exceljs leaves the default "General" unset.
      if (cell.numberFormat)
        expect(written.numFmt ?? "General", written.address).toBe(cell.numberFormat);
    }
    const header = sheet.getCell(layout.freeze.rows, 1);
    expect(header.font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(header.fill).toMatchObject({ fgColor: { argb: "FF1F4E78" } });
    const input = sheet.getCell(
      addressOf(layout, { kind: "indicator", id: "CQ-01", field: "value" }),
    );
    expect(input.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(sheet.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    const width = (col: number) => sheet.getColumn(col).width ?? sheet.properties.defaultColWidth;
    layout.columnWidths.forEach((w, i) => expect(width(i + 1)).toBe(w));
  });

  it("merges the ranges of the layout", () => {
    expect(sheet.model.merges).toEqual(expect.arrayContaining(layout.merges));
    expect(sheet.model.merges).toHaveLength(layout.merges.length);
  });

  it("puts data validation with Vietnamese messages on input cells", () => {
    for (const cell of layout.cells.filter((c) => c.validation)) {
      const dv = sheet.getCell(cell.row, cell.col).dataValidation;
      expect(dv.type).toBe(cell.validation!.type);
      expect(dv.showErrorMessage).toBe(true);
      expect(dv.error).toMatch(/^(Nhập|Chọn)/);
    }
    const at = (id: string, field: "value" | "numerator") =>
      sheet.getCell(addressOf(layout, { kind: "indicator", id, field })).dataValidation;
    expect(at("CQ-01", "value")).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(at("CQ-01", "numerator")).toMatchObject({
      operator: "between",
      formulae: [0, 1_000_000_000],
    });
    expect(at("KT-01", "value")).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    const taskRow = Object.values(layout.rows.tasks)[0]!;
    expect(sheet.getCell(taskRow, 5).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành"'],
    });
    expect(sheet.getCell(taskRow, 6).dataValidation).toMatchObject({
      type: "date",
      operator: "greaterThan",
    });
    const budgetRow = Object.values(layout.rows.budget)[0]!;
    expect(sheet.getCell(budgetRow, 5).dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [0, template.budget!.total.amount],
    });
  });

  it("colours the status column by conditional formats", () => {
    const { conditionalFormattings } = sheet as unknown as {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const rules = conditionalFormattings.flatMap((cf) =>
      cf.rules.map((rule) => ({ ref: cf.ref, rule })),
    );
    expect(rules).toHaveLength(layout.conditionalFormats.length);
    layout.conditionalFormats.forEach((format, i) => {
      expect(rules[i]).toMatchObject({
        ref: format.range,
        rule: {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${format.equals}"`],
          style: { fill: { bgColor: { argb: `FF${format.fill.slice(1)}` } } },
        },
      });
    });
  });

  it("reads back what it wrote as a sheet core recognises, with no issues", async () => {
    const grid = await readWorkbookGrid(await writeLayoutBuffer(layout));
    expect(grid.sheetName).toBe(REPORT_SHEET);
    const reading = readSheet(template, grid.values, grid.formats, grid.sheetName);
    expect(reading.issues).toEqual([]);
    expect(reading.draft?.unit).toBe("Q-NINHKIEU");
  });
});

describe("free text in the workbook", () => {
  it("stays a string, whatever it starts with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-xlsx-"));
    const template = templateOf("can-tho-kh-2025");
    const layout = buildLayout(template, unitOf("STTTT"), "2025");
    const blank = join(dir, "blank.xlsx");
    const filled = join(dir, "filled.xlsx");
    await writeLayoutFile(layout, blank);
    const texts = ['=HYPERLINK("http://x")', "+84 123", "@SUM(A1)", "-1+2", "=1+1"];
    const cells = texts.map((value, i) => ({
      address: addressOf(layout, {
        kind: "indicator",
        id: template.indicators[i]!.id,
        field: i % 2 ? "evidence" : "note",
      }),
      value,
    }));
    await fillWorkbook(blank, filled, cells);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filled);
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    const grid = await readWorkbookGrid(filled);
    for (const { address, value } of cells) {
      const cell = sheet.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(value);
      expect(grid.values[Number(cell.row) - 1]![Number(cell.col) - 1]).toBe(value);
    }
  });
});

describe("readWorkbookGrid", () => {
  it("hands core plain values for every kind of exceljs cell", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Khác").getCell("A1").value = "not this one";
    const sheet = workbook.addWorksheet(REPORT_SHEET);
    sheet.getCell("A1").value = {
      richText: [{ text: "Giải " }, { text: "trình", font: { bold: true } }],
    };
    sheet.getCell("B1").value = { text: "minh chứng", hyperlink: "https://example.vn/qd" };
    sheet.getCell("C1").value = { formula: "1+1", result: 2 };
    sheet.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("E1").value = { formula: "NOW()" };
    sheet.getCell("F1").value = { error: "#N/A" };
    sheet.getCell("G1").value = new Date(Date.UTC(2025, 5, 15));
    sheet.getCell("G1").numFmt = "dd/mm/yyyy";
    sheet.getCell("H1").value = 0.8;
    sheet.getCell("H1").numFmt = "0%";
    sheet.getCell("I1").value = true;
    sheet.getCell("A2").value = "gộp";
    sheet.mergeCells("A2:C2");
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const grid = await readWorkbookGrid(buffer);
    expect(grid.sheetName).toBe(REPORT_SHEET);
    expect(grid.values[0]).toEqual([
      "Giải trình",
      "minh chứng",
      2,
      "#DIV/0!",
      null,
      "#N/A",
      new Date(Date.UTC(2025, 5, 15)),
      0.8,
      true,
    ]);
    expect(grid.values[1]!.slice(0, 3)).toEqual(["gộp", null, null]);
    expect(grid.formats[0]![6]).toBe("dd/mm/yyyy");
    expect(grid.formats[0]![7]).toBe("0%");
    expect(grid.formats[0]![0]).toBeNull();
  });

  it("reads the first sheet of a workbook without a report sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("B2").value = 5;
    const grid = await readWorkbookGrid(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(grid.sheetName).toBe("Sheet1");
    expect(grid.values[1]).toEqual([null, 5]);
  });
});

describe("wrappedLines", () => {
  it("wraps at word boundaries and breaks words longer than a line", () => {
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("ab cd", 5)).toBe(1);
    expect(wrappedLines("ab cd ef", 5)).toBe(2);
    expect(wrappedLines("abcdefghij", 4)).toBe(3);
    expect(wrappedLines("a\nb", 10)).toBe(2);
  });
});
