// How much of Google Sheets' limit of 10 million cells per spreadsheet the tracker uses, and the line
// it holds: the consolidator is warned from 80%, and a post that would pass 95% is refused whole,
// which leaves room for the consolidation tabs and never lets Sheets refuse a write half-way.
import { sheetCells } from "./sheets.js";
import { compactTracker } from "./compact.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SPREADSHEET_CELL_LIMIT = 10_000_000;
const WARN_SHARE = 0.8;
const REFUSE_SHARE = 0.95;

/** Every cell of every sheet, blank or not: what Google counts against the limit. */
export function cellsUsed(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, sheet) => n + sheetCells(sheet), 0);
}

/** A post refused because storing it would take the spreadsheet past the line. */
export class TrackerFull extends Error {
  constructor(
    readonly used: number,
    readonly needed: number,
  ) {
    super(`tracker full: ${used} + ${needed} cells`);
  }
}

/** Cells the sheet gains when it must hold `rows` × `cols`. */
export function growthOf(sheet: Sheet, rows: number, cols: number): number {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  return Math.max(rows, maxRows) * Math.max(cols, maxCols) - maxRows * maxCols;
}

/**
 * Throws TrackerFull unless the cells `growth` counts stay under 95% of the limit. Sheets an older
 * version grew in advance are first cut back to what they hold, which may be room enough (the
 * growth is counted again after, since a sheet cut back has less slack to write into).
 */
export function ensureRoomForPost(ss: Spreadsheet, growth: () => number): void {
  const line = REFUSE_SHARE * SPREADSHEET_CELL_LIMIT;
  if (cellsUsed(ss) + growth() <= line) return;
  compactTracker(ss);
  const used = cellsUsed(ss);
  const needed = growth();
  if (used + needed > line) throw new TrackerFull(used, needed);
}

/** Whether `growth` more cells fit under the limit itself (the consolidator's own writes). */
export function fitsUnderLimit(ss: Spreadsheet, growth: number): boolean {
  return cellsUsed(ss) + growth <= SPREADSHEET_CELL_LIMIT;
}

const percent = (used: number) => Math.floor((100 * used) / SPREADSHEET_CELL_LIMIT);

/** The consolidator's warning from 80% of the limit; empty below it. */
export function capacityWarning(ss: Spreadsheet): string {
  const used = cellsUsed(ss);
  if (used < WARN_SHARE * SPREADSHEET_CELL_LIMIT) return "";
  return (
    ` Bảng tính đã dùng ${percent(used)}% giới hạn 10 triệu ô của Google Sheets; từ 95% báo cáo mới bị từ chối: hãy lưu trữ kỳ cũ sang bảng tính khác. /` +
    ` The spreadsheet uses ${percent(used)}% of Google Sheets' 10-million-cell limit; from 95% new reports are refused: archive old periods to another spreadsheet.`
  );
}

export const NO_ROOM =
  "Không đủ chỗ: Google Sheets giữ tối đa 10 triệu ô, bảng tính không ghi được các trang tổng hợp; chưa ghi gì. Hãy xoá bớt trang không cần hoặc lưu trữ kỳ cũ sang bảng tính khác. / Not enough room: Google Sheets holds at most 10 million cells; nothing was written.";
