// The self-hosted tracker's tabs as an .xlsx workbook (exceljs), the same tabs the Google tracker has.
import ExcelJS from "exceljs";
import type { TrackerTab } from "../../core/tracker/tracker-tab-layout.js";
import { columnKinds, TAB_STYLE } from "../../core/tracker/tracker-tab-layout.js";
import { tabGrid } from "../../core/tracker/tracker-tabs.js";

const argb = (hex: string) => `FF${hex.replace(/^#/u, "").toUpperCase()}`;
const HEADER_FILL = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(TAB_STYLE.header.fill) },
} as const;

/** exceljs writes strings as strings, never formulas, so the grid goes in raw. */
export function trackerWorkbook(tabs: readonly TrackerTab[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chitieu";
  for (const tab of tabs) {
    const sheet = workbook.addWorksheet(tab.name.slice(0, 31), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.addRows(tabGrid(tab, "raw"));
    // Whole columns, so a figure typed below the rows later is kept as the column's kind says.
    columnKinds(tab).forEach((kind, i) => {
      sheet.getColumn(i + 1).numFmt = TAB_STYLE.numberFormats[kind];
    });
    const header = sheet.getRow(1);
    header.font = { bold: TAB_STYLE.header.bold, color: { argb: argb(TAB_STYLE.header.font) } };
    header.fill = HEADER_FILL;
    header.alignment = { wrapText: true, vertical: "top" };
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        ...[tab.header[i], ...tab.rows.slice(0, 200).map((r) => r[i])].map(
          (v) => String(v ?? "").length,
        ),
      );
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    if (tab.rows.length)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tab.header.length } };
  }
  return workbook;
}
