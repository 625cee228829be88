// "Bảng điều khiển": core's consolidation as three small tables (indicators by status, units by
// timeliness, completeness by unit) in one write, and the charts Sheets draws from those ranges.
import type { Consolidation, Timeliness } from "../../src/core/tracker/consolidate.js";
import type { TargetStatus } from "../../src/core/plan/target-status.js";
import type { TabCellValue } from "../../src/core/tracker/tracker-tab-layout.js";
import { targetStatusNames, timelinessNames } from "../../src/core/tracker/tracker-tab-layout.js";
import { activeSpreadsheet, DASHBOARD_SHEET, writeWhole } from "./sheets.js";
import { consolidationOf, loadTracker, NOT_SET_UP } from "./tracker-data.js";

const STATUS_ORDER: readonly TargetStatus[] = ["met", "not-met", "no-data"];
const TIMELINESS_ORDER: readonly Timeliness[] = ["on-time", "late", "submitted", "missing"];

/** Where each table sits (1-based row, column) and how big it is, header included. */
export interface DashboardLayout {
  grid: TabCellValue[][];
  status: { row: number; col: number; rows: number };
  timeliness: { row: number; col: number; rows: number };
  units: { row: number; col: number; rows: number };
}

const TABLE_TOP = 4;
const UNITS_COL = 4;
// The charts sit right of the tables, one under the other.
const CHART_COLUMN = UNITS_COL + 5;
const CHART_GAP = 20;

export function dashboardLayout(c: Consolidation, title: string): DashboardLayout {
  const statusRows: TabCellValue[][] = [
    ["Đánh giá chỉ tiêu", "Số chỉ tiêu"],
    ...STATUS_ORDER.map((s) => [
      targetStatusNames[s],
      c.indicators.filter((i) => i.status === s).length,
    ]),
  ];
  const timelinessRows: TabCellValue[][] = [
    ["Tình trạng nộp", "Số đơn vị"],
    ...TIMELINESS_ORDER.map((t) => [
      timelinessNames[t],
      c.units.filter((u) => u.timeliness === t).length,
    ]),
  ];
  const unitRows: TabCellValue[][] = [
    ["Đơn vị", "Chỉ tiêu phải báo cáo", "Đã báo cáo (bắt buộc)", "Tình trạng nộp"],
    ...c.units.map((u) => [
      u.name,
      u.indicatorsRequired,
      u.indicatorsRequiredReported,
      timelinessNames[u.timeliness],
    ]),
  ];
  const timelinessTop = TABLE_TOP + statusRows.length + 1;
  const height = Math.max(
    timelinessTop + timelinessRows.length - 1,
    TABLE_TOP + unitRows.length - 1,
  );
  const width = UNITS_COL + unitRows[0]!.length - 1;
  const grid: TabCellValue[][] = Array.from({ length: height }, () =>
    Array<TabCellValue>(width).fill(null),
  );
  const place = (rows: TabCellValue[][], top: number, left: number) =>
    rows.forEach((row, r) => row.forEach((v, k) => (grid[top - 1 + r]![left - 1 + k] = v)));
  place([[title]], 1, 1);
  place([[`Cập nhật / updated ${c.generatedAt}`]], 2, 1);
  place(statusRows, TABLE_TOP, 1);
  place(timelinessRows, timelinessTop, 1);
  place(unitRows, TABLE_TOP, UNITS_COL);
  return {
    grid,
    status: { row: TABLE_TOP, col: 1, rows: statusRows.length },
    timeliness: { row: timelinessTop, col: 1, rows: timelinessRows.length },
    units: { row: TABLE_TOP, col: UNITS_COL, rows: unitRows.length },
  };
}

export function buildDashboard(): void {
  const ss = activeSpreadsheet();
  const data = loadTracker(ss);
  if (!data) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  const c = consolidationOf(data, new Date());
  const layout = dashboardLayout(c, `${data.template.plan.title} — ${c.periodLabel}`);
  const sheet = ss.getSheetByName(DASHBOARD_SHEET) ?? ss.insertSheet(DASHBOARD_SHEET, 0);
  // Columns 1 and 4 (labels) and 7 (status words) are text; the counts stay numbers for the charts.
  // The sheet keeps the cells the charts are anchored to, and nothing more.
  writeWhole(sheet, layout.grid, new Set([1, 4, 7]), {
    rows: TABLE_TOP + CHART_GAP * 2,
    cols: CHART_COLUMN,
  });
  sheet.getRange(1, 1).setFontWeight("bold").setFontSize(14);
  for (const t of [layout.status, layout.timeliness, layout.units])
    sheet.getRange(t.row, t.col, 1, t.col === UNITS_COL ? 4 : 2).setFontWeight("bold");

  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.insertChart(
    sheet
      .newChart()
      .asPieChart()
      .setTitle("Chỉ tiêu theo đánh giá")
      .addRange(sheet.getRange(layout.status.row, 1, layout.status.rows, 2))
      .setPosition(TABLE_TOP, CHART_COLUMN, 0, 0)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .setTitle("Đơn vị theo tình trạng nộp")
      .addRange(sheet.getRange(layout.timeliness.row, 1, layout.timeliness.rows, 2))
      .setPosition(TABLE_TOP + CHART_GAP, CHART_COLUMN, 0, 0)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .asBarChart()
      .setTitle("Mức độ đầy đủ theo đơn vị (chỉ tiêu phải báo cáo / đã báo cáo)")
      .addRange(sheet.getRange(layout.units.row, UNITS_COL, layout.units.rows, 3))
      .setPosition(TABLE_TOP + CHART_GAP * 2, CHART_COLUMN, 0, 0)
      .build(),
  );
  ss.setActiveSheet(sheet);
}
