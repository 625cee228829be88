// Renders core's sheet layout with Office.js. Everything is queued on the context; the caller syncs.
// Cells are grouped into rectangles (core's blocksOf) so a large sheet costs few range operations.
import type { CarriedValue } from "../../core/sheet/carry-over.js";
import { blocksOf } from "../../core/sheet/cell-blocks.js";
import type {
  CellStyle,
  LayoutCell,
  SheetLayout,
  ValidationRule,
} from "../../core/sheet/layout-types.js";
import {
  a1,
  cellStyles,
  columnLetter,
  PROTECTION_PASSWORD,
} from "../../core/sheet/layout-types.js";
import { layoutGrid, looksLikeFormula } from "../../core/sheet/layout.js";

/**
 * A sheet-scoped name over the layout's area. It marks a sheet as a report and bounds what a check
 * reads, in the same round trip: a large sheet that is not a report has no such name, so nothing of
 * it is loaded beyond its first rows (Excel on the web answers at most 5 MB a request).
 */
export const REPORT_AREA = "ChiTieu_BaoCao";

/** Excel measures column width in points; a layout's width is in characters of the default font. */
const POINTS_PER_CHARACTER = 6;

const validationMessages: Record<ValidationRule["type"], string> = {
  decimal: "Nhập một số trong khoảng cho phép. / Enter a number in the allowed range.",
  whole: "Nhập một số nguyên trong khoảng cho phép. / Enter a whole number in the allowed range.",
  list: "Chọn một giá trị trong danh sách. / Pick a value from the list.",
  date: "Nhập ngày dạng dd/mm/yyyy. / Enter a date as dd/mm/yyyy.",
};

function dataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "date":
      return {
        date: {
          formula1: "2000-01-01",
          operator: Excel.DataValidationOperator.greaterThanOrEqualTo,
        },
      };
    case "decimal":
    case "whole": {
      const basic: Excel.BasicDataValidation =
        rule.min !== undefined && rule.max !== undefined
          ? {
              formula1: rule.min,
              formula2: rule.max,
              operator: Excel.DataValidationOperator.between,
            }
          : rule.min !== undefined
            ? { formula1: rule.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo }
            : { formula1: -1e15, operator: Excel.DataValidationOperator.greaterThanOrEqualTo };
      return rule.type === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
  }
}

/** A value typed into a number cell must not turn into a formula when it is written back. */
function asCellInput(value: unknown): unknown {
  return typeof value === "string" && looksLikeFormula(value) ? `'${value}` : value;
}

/**
 * Excel on the web refuses a request over 5 MB. Grids go in bands of rows, and the context is
 * synced early only when what is queued would pass this budget: small sheets cost one request.
 */
const REQUEST_BUDGET_BYTES = 4_000_000;
const BAND_BUDGET_BYTES = 1_000_000;
/** A generous estimate of one range operation's share of a request (address, property, value). */
const OPERATION_BYTES = 300;

class RequestBudget {
  private pending = 0;
  syncs = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > REQUEST_BUDGET_BYTES) {
      await this.context.sync();
      this.syncs++;
      this.pending = 0;
    }
    this.pending += bytes;
  }
}

function bandsOf(rows: readonly unknown[][]): { start: number; end: number; bytes: number }[] {
  const bands: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row).length;
    if (bytes > 0 && bytes + size > BAND_BUDGET_BYTES) {
      bands.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) bands.push({ start, end: rows.length, bytes });
  return bands;
}

/**
 * Queues the whole layout on `sheet`. Answers how many syncs it had to spend on the way (0 unless
 * the sheet is too large for one request); the caller syncs what is left.
 */
export async function writeLayout(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  carried: readonly CarriedValue[] = [],
): Promise<number> {
  const budget = new RequestBudget(context);
  // Formats first: a text-formatted cell then keeps "2025-06" as text when the values arrive.
  const formats = Array.from({ length: layout.rowCount }, () =>
    Array<string>(layout.columnCount).fill("General"),
  );
  for (const cell of layout.cells)
    if (cell.numberFormat) formats[cell.row - 1]![cell.col - 1] = cell.numberFormat;
  for (const c of carried) if (c.numberFormat) formats[c.row - 1]![c.col - 1] = c.numberFormat;
  const grid: unknown[][] = layoutGrid(layout, { quoteText: true });
  for (const c of carried) grid[c.row - 1]![c.col - 1] = asCellInput(c.value);
  const lastColumn = columnLetter(layout.columnCount);
  for (const band of bandsOf(grid)) {
    const range = sheet.getRange(`A${band.start + 1}:${lastColumn}${band.end}`);
    const bandFormats = formats.slice(band.start, band.end);
    await budget.reserve(band.bytes + JSON.stringify(bandFormats).length);
    range.numberFormat = bandFormats;
    range.values = grid.slice(band.start, band.end);
  }

  const styleBlocks = blocksOf(layout.cells, (c: LayoutCell) => c.style);
  const inputBlocks = blocksOf(layout.cells, (c) => (c.input ? "input" : undefined));
  const validationBlocks = blocksOf(layout.cells, (c) => c.validation);
  await budget.reserve(
    (styleBlocks.length * 3 + inputBlocks.length + validationBlocks.length * 2) * OPERATION_BYTES,
  );
  for (const block of styleBlocks) {
    const style = cellStyles[block.key as CellStyle];
    const format = sheet.getRange(block.address).format;
    if (style.bold) format.font.bold = true;
    if (style.italic) format.font.italic = true;
    if (style.size) format.font.size = style.size;
    if (style.font) format.font.color = style.font;
    if (style.fill) format.fill.color = style.fill;
    if (style.wrap) format.wrapText = true;
  }
  for (const block of inputBlocks) sheet.getRange(block.address).format.protection.locked = false;
  for (const block of validationBlocks) {
    const dv = sheet.getRange(block.address).dataValidation;
    dv.rule = dataValidationRule(block.key);
    dv.errorAlert = {
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: "chitieu",
      message: validationMessages[block.key.type],
    };
  }
  sheet.names.add(REPORT_AREA, sheet.getRange(`A1:${lastColumn}${layout.rowCount}`));
  for (const merge of layout.merges) sheet.getRange(merge).merge(false);
  layout.columnWidths.forEach((width, i) => {
    const letter = columnLetter(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  for (const cf of layout.conditionalFormats) {
    const format = sheet
      .getRange(cf.range)
      .conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    format.cellValue.format.fill.color = cf.fill;
    format.cellValue.format.font.color = cf.font;
    format.cellValue.rule = {
      formula1: `="${cf.equals}"`,
      operator: Excel.ConditionalCellValueOperator.equalTo,
    };
  }
  sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(layout.freeze.rows, layout.freeze.columns)}`));
  sheet.protection.protect(
    {
      allowFormatColumns: true,
      allowFormatRows: true,
      selectionMode: Excel.ProtectionSelectionMode.normal,
    },
    PROTECTION_PASSWORD,
  );
  return budget.syncs;
}
