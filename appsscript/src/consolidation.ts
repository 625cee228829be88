// "Tổng hợp ngay": core's consolidate, the same as `chitieu serve` runs, written to the tracker tabs:
// one read per source sheet, one write per tab, the trajectory to the targets among them.
import type { Consolidation } from "../../src/core/tracker/consolidate.js";
import { trajectoriesUpTo } from "../../src/core/report/trajectory.js";
import { trajectoryTab } from "../../src/core/report/trajectory-tab.js";
import {
  budgetTab,
  consolidatedTab,
  tasksTab,
  timelinessTab,
  unitsTab,
  unitValuesTab,
} from "../../src/core/tracker/tracker-tabs.js";
import { type TrackerTab } from "../../src/core/tracker/tracker-tab-layout.js";
import { capacityWarning, NO_ROOM } from "./capacity.js";
import { upgradeLayout } from "./layout-upgrade.js";
import { writeTabs } from "./render-tab.js";
import { activeSpreadsheet } from "./sheets.js";
import { consolidationOf, loadTracker, NOT_SET_UP, type TrackerData } from "./tracker-data.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tabs a consolidation rewrites; the catalogue is the plan's and the log only grows. */
export function consolidatedTabs(c: Consolidation): TrackerTab[] {
  return [
    unitsTab(c),
    consolidatedTab(c),
    unitValuesTab(c),
    tasksTab(c),
    timelinessTab(c),
    budgetTab(c),
  ];
}

/** The period's tabs and the trajectory up to it, every earlier period consolidated from the same rows. */
export function writeConsolidation(
  ss: Spreadsheet,
  c: Consolidation,
  data: TrackerData,
  now: Date,
): boolean {
  const trajectory = trajectoriesUpTo(
    {
      template: data.template,
      units: data.units,
      period: c.period,
      submissions: data.received,
      now,
    },
    c,
  );
  return writeTabs(ss, [...consolidatedTabs(c), trajectoryTab(trajectory)]);
}

export function summaryText(c: Consolidation): string {
  const s = c.summary;
  return (
    `${c.periodLabel}: ${s.unitsSubmitted}/${s.unitsExpected} đơn vị đã nộp (${s.unitsLate} trễ hạn, ` +
    `${s.unitsMissing} chưa nộp); ${s.indicatorsMet} chỉ tiêu đạt, ${s.indicatorsNotMet} chưa đạt, ` +
    `${s.indicatorsNoData} chưa có số liệu; ${s.tasksOverdue} nhiệm vụ quá hạn.`
  );
}

export function consolidateNow(): void {
  const ss = activeSpreadsheet();
  const data = loadTracker(ss);
  if (!data) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  const now = new Date();
  upgradeLayout(ss, data, now);
  const c = consolidationOf(data, now);
  if (!writeConsolidation(ss, c, data, now)) {
    SpreadsheetApp.getUi().alert(NO_ROOM);
    return;
  }
  const unreadable = data.rows.filter((r) => !r.ok).length;
  const warn =
    (data.unitProblems.length
      ? ` ${data.unitProblems.length} dòng đơn vị không hợp lệ bị bỏ qua / invalid unit rows skipped.`
      : "") +
    (unreadable
      ? ` ${unreadable} báo cáo lưu không đọc được: Chỉ tiêu › Kiểm tra tất cả báo cáo / unreadable stored reports.`
      : "");
  ss.toast(summaryText(c) + warn + capacityWarning(ss), "Đã tổng hợp / Consolidated", 10);
}
