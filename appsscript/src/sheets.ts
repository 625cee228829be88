// The tracker's own sheets, and the only two moves the shell makes with them: read a block, write a block.
import type { TabCellValue } from "../../src/core/tracker/tracker-tab-layout.js";
import { quotedCell, rawCell } from "../../src/core/tracker/tracker-tabs.js";
import { columnLetter } from "../../src/core/sheet/layout-types.js";

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
/** The registry's columns: a sheet set up before units had validity has only the first four. */
export const REGISTRY_COLUMNS = [...UNIT_COLUMNS, "validFrom", "validTo"] as const;
/** Who took over whom (plan/unit-history.ts), one row per succession, never edited by a post. */
export const SUCCESSIONS_SHEET = "_successions";
export const SUCCESSION_COLUMNS = ["from", "to", "effective", "basis", "duty"] as const;
/** Sheets' grid for a sheet made anew: 1000 rows by 26 columns. */
export const NEW_SHEET_CELLS = 1000 * 26;

export const activeSpreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();

/**
 * The sheet, made (with its header, hidden if asked) when it is missing: as wide as its header and
 * a row deep, since every cell of Sheets' default 1000 × 26 counts against the spreadsheet's limit.
 * `keepGrid` leaves a sheet people type into at the default size.
 */
export function ensureSheet(
  ss: Spreadsheet,
  name: string,
  header: readonly string[],
  options: { hidden?: boolean; protect?: boolean; index?: number; keepGrid?: boolean } = {},
): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name, options.index ?? ss.getNumSheets());
  if (!options.keepGrid) fitSheet(sheet, 2, header.length);
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

/** Grows the sheet just enough that `rows` × `cols` fits: Apps Script refuses a range past its edges. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/**
 * Makes the sheet exactly `rows` × `cols`, keeping a row below the frozen header and a column as
 * Sheets requires. Shrinks first, so the cells freed count towards the growth.
 */
export function fitSheet(sheet: Sheet, rows: number, cols: number): void {
  const wantRows = Math.max(rows, sheet.getFrozenRows() + 1, 1);
  const wantCols = Math.max(cols, 1);
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows > wantRows) sheet.deleteRows(wantRows + 1, maxRows - wantRows);
  if (maxCols > wantCols) sheet.deleteColumns(wantCols + 1, maxCols - wantCols);
  if (maxRows < wantRows) sheet.insertRowsAfter(maxRows, wantRows - maxRows);
  if (maxCols < wantCols) sheet.insertColumnsAfter(maxCols, wantCols - maxCols);
}

/** Cells a sheet counts against the spreadsheet's limit: every row by every column, blank or not. */
export function sheetCells(sheet: Sheet | null): number {
  return sheet ? sheet.getMaxRows() * sheet.getMaxColumns() : 0;
}

/** What writeWhole will make of the sheet: the grid's size, or at least `minimum`. */
export function wholeSize(
  grid: readonly (readonly TabCellValue[])[],
  minimum: { rows?: number; cols?: number } = {},
): { rows: number; cols: number } {
  return {
    rows: Math.max(grid.length, minimum.rows ?? 0, 2),
    cols: Math.max(
      grid.reduce((w, row) => Math.max(w, row.length), 0),
      minimum.cols ?? 0,
      1,
    ),
  };
}

/**
 * One block in one setValues, from row `top`. Columns in `textColumns` (1-based) are made plain
 * text first and take strings as they are; elsewhere setValues parses like typing, so strings go
 * in through core's quotedCell and stay the text they were.
 */
export function writeBlock(
  sheet: Sheet,
  top: number,
  grid: readonly (readonly TabCellValue[])[],
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
 * A whole tab in one write, on a sheet made exactly the grid's size (or `minimum`): nothing stale
 * survives past the grid, no separate clear is needed, and no empty cell counts against the limit.
 */
export function writeWhole(
  sheet: Sheet,
  grid: readonly (readonly TabCellValue[])[],
  textColumns: ReadonlySet<number>,
  minimum: { rows?: number; cols?: number } = {},
): void {
  const size = wholeSize(grid, minimum);
  fitSheet(sheet, size.rows, size.cols);
  const padded: TabCellValue[][] = grid.map((row) => [
    ...row,
    ...Array<TabCellValue>(size.cols - row.length).fill(null),
  ]);
  // Rows the minimum keeps below the grid are blanked too, so nothing of the last write stays.
  while (padded.length < Math.min(size.rows, Math.max(grid.length, sheet.getLastRow())))
    padded.push(Array<TabCellValue>(size.cols).fill(null));
  writeBlock(sheet, 1, padded, textColumns);
}

export function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}
