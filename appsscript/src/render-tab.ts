// Puts one of core's tracker tabs (tracker-tabs.ts) on its sheet: one write for the values, then the
// formats that make it readable: bold frozen header, plain-text free-text columns, status colours.
import type { TrackerTab } from "../../src/core/tracker-tabs.js";
import { HEADER_BACKGROUND, statusColours, textColumnsOf } from "./tab-style.js";
import { sheetNamed, writeWhole } from "./sheets.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function renderTab(ss: Spreadsheet, tab: TrackerTab): Sheet {
  const sheet = sheetNamed(ss, tab.name);
  writeWhole(sheet, [tab.header, ...tab.rows], textColumnsOf(tab));
  styleHeader(sheet, tab.header.length);
  colourStatuses(sheet, tab);
  return sheet;
}

export function styleHeader(sheet: Sheet, width: number): void {
  sheet
    .getRange(1, 1, 1, Math.max(1, width))
    .setFontWeight("bold")
    .setBackground(HEADER_BACKGROUND)
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
