// Puts core's tracker tabs (tracker-tabs.ts) on their sheets, each sized to fit: one write for the
// values, then the formats that make it readable: bold frozen header, plain-text free-text columns,
// status colours. Nothing is written when the tabs would not fit under the spreadsheet's limit.
import type { TrackerTab } from "../../src/core/tracker/tracker-tab-layout.js";
import { fitsUnderLimit } from "./capacity.js";
import { TAB_STYLE } from "../../src/core/tracker/tracker-tab-layout.js";
import { columnLetter } from "../../src/core/sheet/layout-types.js";
import { numberColumnsOf, statusColours, textColumnsOf } from "./tab-style.js";
import { NEW_SHEET_CELLS, sheetCells, sheetNamed, wholeSize, writeWhole } from "./sheets.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tabs written whole, or (false) none when they would take the spreadsheet past its limit. */
export function writeTabs(ss: Spreadsheet, tabs: readonly TrackerTab[]): boolean {
  // Each tab is resized on its own, so only growth is counted, and a tab made anew starts at
  // Sheets' 1000 × 26 before it is cut to size.
  const growth = tabs.reduce((n, tab) => {
    const size = wholeSize([tab.header, ...tab.rows]);
    const sheet = ss.getSheetByName(tab.name);
    const cells = size.rows * size.cols;
    return n + (sheet ? Math.max(0, cells - sheetCells(sheet)) : Math.max(cells, NEW_SHEET_CELLS));
  }, 0);
  if (!fitsUnderLimit(ss, growth)) return false;
  for (const tab of tabs) renderTab(ss, tab);
  return true;
}

export function renderTab(ss: Spreadsheet, tab: TrackerTab): Sheet {
  const sheet = sheetNamed(ss, tab.name);
  writeWhole(sheet, [tab.header, ...tab.rows], textColumnsOf(tab));
  formatNumberColumns(sheet, tab, 2, tab.rows.length + 1);
  styleHeader(sheet, tab.header.length);
  colourStatuses(sheet, tab);
  return sheet;
}

/**
 * The number columns' rows from `top` to `bottom` in core's number format; the text columns were
 * made plain text as they were written (sheets.ts writeBlock).
 */
export function formatNumberColumns(
  sheet: Sheet,
  tab: Pick<TrackerTab, "key" | "columns">,
  top: number,
  bottom: number,
): void {
  const columns = [...numberColumnsOf(tab)];
  if (columns.length === 0 || bottom < top) return;
  sheet
    .getRangeList(columns.map((c) => `${columnLetter(c)}${top}:${columnLetter(c)}${bottom}`))
    .setNumberFormat(TAB_STYLE.numberFormats.number);
}

export function styleHeader(sheet: Sheet, width: number): void {
  const { header } = TAB_STYLE;
  sheet
    .getRange(1, 1, 1, Math.max(1, width))
    .setFontWeight(header.bold ? "bold" : "normal")
    .setBackground(header.fill)
    .setFontColor(header.font)
    .setWrap(true);
  sheet.setFrozenRows(1);
}

/** The rules cover the status column down to the sheet's last row, not only today's rows. */
export function colourStatuses(sheet: Sheet, tab: Pick<TrackerTab, "key" | "columns">): void {
  const specs = statusColours[tab.key] ?? [];
  const height = Math.max(1, sheet.getMaxRows() - 1);
  const rules = specs.flatMap(({ column, words }) => {
    const col = tab.columns.indexOf(column) + 1;
    if (col < 1) return [];
    const range = sheet.getRange(2, col, height, 1);
    return words.map(([word, colour]) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(word)
        .setBackground(colour.background)
        .setFontColor(colour.font)
        .setRanges([range])
        .build(),
    );
  });
  sheet.setConditionalFormatRules(rules);
}
