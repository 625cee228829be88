// The report sheet in Excel: load a template into it, read it back, mark what the check found, keep
// receipts. Each operation reads in one sync and writes in one; core decides everything.
import { carryOver } from "../../core/sheet/carry-over.js";
import { blocksOf } from "../../core/sheet/cell-blocks.js";
import type { SheetCheck } from "../../core/sheet/check-sheet.js";
import type { Issue } from "../../core/check/issues.js";
import type { SheetLayout } from "../../core/sheet/layout-types.js";
import {
  a1,
  cellStyles,
  columnLetter,
  COLUMN_COUNT,
  headerCells,
  PROTECTION_PASSWORD,
} from "../../core/sheet/layout-types.js";
import { buildLayout } from "../../core/sheet/layout.js";
import type { Receipt } from "../../core/wire/protocol.js";
import type { Template } from "../../core/plan/template-schema.js";
import type { Unit } from "../../core/plan/unit-schema.js";
import { REPORT_AREA, writeLayout } from "./render-layout.js";

export { REPORT_AREA };

export const RECEIPT_SHEET = "Nhật ký gửi";
const RECEIPT_TABLE = "NhatKyGui";
const ISSUE_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function reportSheetName(template: Template, period: string): string {
  return `${period} ${template.id}`.replace(/[:\\/?*[\]]/gu, "-").slice(0, 31);
}

/** Loads a template for a unit and period; a sheet already there gives its entries to the new one. */
export async function loadTemplateSheet(
  context: Excel.RequestContext,
  template: Template,
  unit: Unit,
  period: string,
) {
  const name = reportSheetName(template, period);
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  const used = existing.getUsedRangeOrNullObject(true);
  // The formats too: a typed "80%" is 0.8 in a percent-formatted cell, and must stay one.
  used.load(["values", "numberFormat", "rowIndex", "columnIndex"]);
  await context.sync();
  let syncs = 1;

  const layout = buildLayout(template, unit, period);
  const carried = used.isNullObject
    ? []
    : carryOver(
        fromA1(used.values, used, null),
        layout,
        fromA1(used.numberFormat, used, "General"),
      );
  // The new sheet is written before the old one goes, so a failure leaves the officer's data.
  const sheet = context.workbook.worksheets.add(
    existing.isNullObject ? name : `${name.slice(0, 29)}~`,
  );
  syncs += await writeLayout(context, sheet, layout, carried);
  if (!existing.isNullObject) {
    existing.delete();
    sheet.name = name;
  }
  sheet.activate();
  sheet.getRange(a1(layout.freeze.rows + 1, 9)).select();
  await context.sync();
  return { sheetName: name, carried: carried.length, syncs: syncs + 1, layout };
}

export interface SheetContent {
  sheetName: string;
  values: unknown[][];
  formats: unknown[][];
  /** False when only the header block was read (a sheet without the report area's name). */
  complete: boolean;
}

/** The rows and columns of the header block: enough to tell a report sheet and its template. */
const HEADER_BLOCK = `A1:${columnLetter(COLUMN_COUNT)}${Math.max(...Object.values(headerCells).map((c) => c.row)) + 1}`;

/**
 * The active sheet, in one sync: its header block, and its report area (values and number formats)
 * where the sheet carries the area's name. Nothing else of the sheet is loaded.
 */
export async function readActiveSheet(context: Excel.RequestContext): Promise<SheetContent> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const header = sheet.getRange(HEADER_BLOCK);
  header.load("values");
  const area = sheet.names.getItemOrNullObject(REPORT_AREA).getRangeOrNullObject();
  area.load(["values", "numberFormat", "rowIndex", "columnIndex"]);
  await context.sync();
  if (area.isNullObject) {
    return { sheetName: sheet.name, values: header.values, formats: [], complete: false };
  }
  return {
    sheetName: sheet.name,
    values: fromA1(area.values, area, null),
    formats: fromA1(area.numberFormat, area, "General"),
    complete: true,
  };
}

/**
 * A report sheet that has no area name (made by the .xlsx command or an older add-in): its layout's
 * area, found from its header, in a second sync; whatever lies beyond is not read.
 */
export async function readLayoutArea(
  context: Excel.RequestContext,
  sheetName: string,
  layout: SheetLayout,
): Promise<SheetContent> {
  const range = context.workbook.worksheets
    .getItem(sheetName)
    .getRange(`A1:${columnLetter(layout.columnCount)}${layout.rowCount}`);
  range.load(["values", "numberFormat"]);
  await context.sync();
  return { sheetName, values: range.values, formats: range.numberFormat, complete: true };
}

/** A range's grid padded to start at A1, where core reads from: a used range starts at its content. */
function fromA1<T>(rows: T[][], at: { rowIndex: number; columnIndex: number }, fill: T): T[][] {
  return [
    ...Array.from({ length: at.rowIndex }, () => [] as T[]),
    ...rows.map((r) => [...Array<T>(at.columnIndex).fill(fill), ...r]),
  ];
}

const protectAgain = (sheet: Excel.Worksheet) =>
  sheet.protection.protect(
    {
      allowFormatColumns: true,
      allowFormatRows: true,
      selectionMode: Excel.ProtectionSelectionMode.normal,
    },
    PROTECTION_PASSWORD,
  );

/** The summary cell alone, for a report whose layout is unknown (no template, an old version). */
export function queueSummary(sheet: Excel.Worksheet, summary: string): void {
  sheet.protection.unprotect(PROTECTION_PASSWORD);
  sheet.getRange(a1(headerCells.checkResult.row, headerCells.checkResult.col)).values = [
    [quoted(summary)],
  ];
  protectAgain(sheet);
}

/** Text Excel must keep as text, whatever it starts with. */
const quoted = (text: string) => `'${text}`;

/** Input cells back to their colour, the found ones coloured, the summary written: one batch. */
export function queueMarks(
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  check: SheetCheck,
  summary: string,
): void {
  sheet.protection.unprotect(PROTECTION_PASSWORD);
  for (const block of blocksOf(layout.cells, (c) => (c.input ? "input" : undefined))) {
    sheet.getRange(block.address).format.fill.color = cellStyles.input.fill!;
  }
  const worst = new Map<string, Issue["severity"]>();
  for (const issue of check.issues) {
    const cell = issue.location.cell;
    if (cell && worst.get(cell) !== "error") worst.set(cell, issue.severity);
  }
  for (const [cell, severity] of worst)
    sheet.getRange(cell).format.fill.color = ISSUE_FILL[severity];
  sheet.getRange(a1(headerCells.checkResult.row, headerCells.checkResult.col)).values = [
    [quoted(summary)],
  ];
  protectAgain(sheet);
}

export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}

/** Looks up the receipt log in the same round trip as another read. */
export function queueReceiptLogLookup(context: Excel.RequestContext): Excel.Worksheet {
  const log = context.workbook.worksheets.getItemOrNullObject(RECEIPT_SHEET);
  log.load("isNullObject");
  return log;
}

export interface ReceiptRow {
  receipt: Receipt;
  planId: string;
  period: string;
}

/**
 * Appends receipts to the log sheet, creating it when `logExists` (looked up beforehand) says it is
 * missing; no read of its own: a table grows itself.
 */
export function queueReceipts(
  context: Excel.RequestContext,
  logExists: boolean,
  receipts: readonly ReceiptRow[],
): void {
  if (receipts.length === 0) return;
  const rows = receipts.map(({ receipt, planId, period }) => [
    receipt.receivedAt,
    receipt.submissionId,
    receipt.revision,
    planId,
    period,
    receipt.duplicate ? "Gửi lại (đã có)" : "Đã nhận",
  ]);
  if (logExists) {
    const log = context.workbook.worksheets.getItem(RECEIPT_SHEET);
    log.tables.getItem(RECEIPT_TABLE).rows.add(undefined, rows);
    return;
  }
  const sheet = context.workbook.worksheets.add(RECEIPT_SHEET);
  sheet.getRange("A1:F1").values = [
    ["Thời điểm nhận", "Mã báo cáo", "Lần nộp", "Kế hoạch", "Kỳ", "Kết quả"],
  ];
  const table = sheet.tables.add("A1:F1", true);
  table.name = RECEIPT_TABLE;
  table.rows.add(undefined, rows);
}
