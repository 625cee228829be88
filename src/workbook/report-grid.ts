// An opened .xlsx (exceljs, which reads an ArrayBuffer in the browser and in Node alike) and the
// values and number formats of its report sheet within a bounded area, as core's readSheet takes them.
import ExcelJS from "exceljs";
import { REPORT_SHEET } from "../core/sheet/layout-types.js";
import type { RawCellValue } from "../core/text/parse-number.js";
import type { Grid } from "../core/sheet/read-sheet.js";

export interface WorkbookGrid {
  sheetName: string;
  values: Grid;
  /** Each cell's number format ("0%", "dd/mm/yyyy"), so core can read a percent-formatted 0.8. */
  formats: Grid;
}

export interface ReportWorkbook {
  sheetName: string;
  /**
   * Rows 1..rows and columns 1..columns, and nothing beyond: a cell at row 1,048,576 is never
   * visited, so reading costs the area asked for, whatever the sheet's extent.
   */
  read(rows: number, columns: number): WorkbookGrid;
}

/** The report sheet (or, in a workbook without one, the first sheet); undefined when it has none. */
export async function openReportWorkbook(bytes: Uint8Array): Promise<ReportWorkbook | undefined> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; a copy gives one whatever backs the caller's bytes.
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  const sheet = workbook.getWorksheet(REPORT_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return undefined;
  return { sheetName: sheet.name, read: (rows, columns) => readArea(sheet, rows, columns) };
}

function readArea(sheet: ExcelJS.Worksheet, rows: number, columns: number): WorkbookGrid {
  const values: RawCellValue[][] = [];
  const formats: RawCellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    // findRow and findCell create nothing, so an absent row costs one lookup.
    const row = sheet.findRow(r);
    const rowValues: RawCellValue[] = [];
    const rowFormats: RawCellValue[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row?.findCell(c);
      // A merged range's other cells hand back its first cell's value in exceljs, not in Excel.
      const merged = cell?.type === ExcelJS.ValueType.Merge;
      rowValues.push(!cell || merged ? null : plainValue(cell.value));
      rowFormats.push(cell?.numFmt ?? null);
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  return { sheetName: sheet.name, values, formats };
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    const runs = (value as ExcelJS.CellRichTextValue).richText;
    return runs.map((run) => run.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** A cell's value as Excel's own API would show it: text, number, boolean, date or nothing. */
export function plainValue(value: ExcelJS.CellValue): RawCellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  )
    return value;
  if ("formula" in value || "sharedFormula" in value)
    return value.result === undefined ? null : plainValue(value.result);
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) return textOf(value.text);
  if ("error" in value) return value.error;
  return null;
}
