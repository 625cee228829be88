// The tracker's own sheets, and the only two moves the shell makes with them: read a block, write a block.
import type { CellValue } from "../../src/core/tracker-tabs.js";
import { quotedCell, rawCell } from "../../src/core/tracker-tabs.js";
import { columnLetter } from "../../src/core/layout.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The unit list as imported and validated: code, name, kind, level. */
export const UNITS_SHEET = "_units";
/** Every submission received, one row each, never rewritten (see submission-rows.ts). */
export const SUBMISSIONS_SHEET = "_submissions";
/** Where a consolidator may type or paste the unit list before importing it. */
export const IMPORT_SHEET = "Đơn vị (nhập)";
export const DASHBOARD_SHEET = "Bảng điều khiển";

export const UNIT_COLUMNS = ["code", "name", "kind", "level"] as const;

// Rows added at once when a sheet must grow, so that appends rarely change its size.
const GROWTH = 500;

export const activeSpreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();

/** The sheet, made (with its header, hidden if asked) when it is missing. */
export function ensureSheet(
  ss: Spreadsheet,
  name: string,
  header: readonly string[],
  options: { hidden?: boolean; protect?: boolean; index?: number } = {},
): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name, options.index ?? ss.getNumSheets());
  writeBlock(sheet, 1, [[...header]], allColumns(header.length));
  sheet.setFrozenRows(1);
  if (options.protect) sheet.protect().setWarningOnly(true);
  if (options.hidden) sheet.hideSheet();
  return sheet;
}

/** The sheet, added at `index` (0-based; after the last one by default) when it is missing. */
export function sheetNamed(ss: Spreadsheet, name: string, index?: number): Sheet {
  return ss.getSheetByName(name) ?? ss.insertSheet(name, index ?? ss.getNumSheets());
}

export const allColumns = (width: number) =>
  new Set(Array.from({ length: width }, (_, i) => i + 1));

/** Rows under the header, in one getValues (none when the sheet has no rows). */
export function readBody(sheet: Sheet, width?: number): unknown[][] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const cols = width ?? sheet.getLastColumn();
  if (cols < 1) return [];
  return sheet.getRange(2, 1, last - 1, cols).getValues();
}

/** The same, as the sheet shows it: for lists a person typed, where what is seen is what was meant. */
export function readBodyAsShown(sheet: Sheet): string[][] {
  const last = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (last < 1 || cols < 1) return [];
  return sheet.getRange(1, 1, last, cols).getDisplayValues();
}

/** Grows the sheet so that `rows` × `cols` fits: Apps Script refuses a range past its edges. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): number {
  let maxRows = sheet.getMaxRows();
  if (maxRows < rows) {
    sheet.insertRowsAfter(maxRows, rows - maxRows + GROWTH);
    maxRows = rows + GROWTH;
  }
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  return maxRows;
}

/**
 * One block in one setValues, from row `top`. Columns in `textColumns` (1-based) are made plain
 * text first and take strings as they are; elsewhere setValues parses like typing, so strings go
 * in through core's quotedCell and stay the text they were.
 */
export function writeBlock(
  sheet: Sheet,
  top: number,
  grid: readonly (readonly CellValue[])[],
  textColumns: ReadonlySet<number>,
): void {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  if (grid.length === 0 || width === 0) return;
  ensureSize(sheet, top + grid.length - 1, width);
  const bottom = top + grid.length - 1;
  const text = [...textColumns].filter((c) => c <= width).sort((a, b) => a - b);
  if (text.length > 0) {
    const ranges = text.map((c) => `${columnLetter(c)}${top}:${columnLetter(c)}${bottom}`);
    sheet.getRangeList(ranges).setNumberFormat("@");
  }
  const values = grid.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const v = row[i] ?? null;
      const cell = textColumns.has(i + 1) ? rawCell(v) : quotedCell(v);
      return cell === null ? "" : cell;
    }),
  );
  sheet.getRange(top, 1, grid.length, width).setValues(values);
}

/**
 * A whole tab in one write: blanks pad the grid over whatever the previous content covered, so
 * nothing stale survives and no separate clear is needed.
 */
export function writeWhole(
  sheet: Sheet,
  grid: readonly (readonly CellValue[])[],
  textColumns: ReadonlySet<number>,
): void {
  const oldRows = sheet.getLastRow();
  const oldCols = sheet.getLastColumn();
  const width = grid.reduce((w, row) => Math.max(w, row.length), oldCols);
  const padded: CellValue[][] = grid.map((row) => [
    ...row,
    ...Array(width - row.length).fill(null),
  ]);
  while (padded.length < oldRows) padded.push(Array(width).fill(null));
  writeBlock(sheet, 1, padded, textColumns);
}

export function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}
