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
import { comparisonTab, planComparison } from "../../src/core/tracker/plan-comparison.js";
import { tabForPlan } from "../../src/core/tracker/plan-tabs.js";
import { carriedOver, carriedOverTab } from "../../src/core/tracker/carried-over.js";
import { primaryPlan } from "./config.js";
import { measureTables } from "./templates.js";

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

/**
 * Every plan's tabs (the first plan's under the plain names, the others' named with their id), each
 * with the trajectory to its targets up to the period, and, when the tracker follows several
 * plans, the comparison of what they measure alike.
 */
export function trackerConsolidationTabs(
  data: TrackerData,
  consolidations: readonly Consolidation[],
  now: Date,
): TrackerTab[] {
  const primary = primaryPlan(data.config);
  const templateOf = (c: Consolidation) => data.templates.find((t) => t.id === c.planId)!;
  // Once units have successors, what the old units reported is shown under those who took over.
  const carried = (c: Consolidation) => {
    if (data.history.successions.length === 0) return [];
    const rows = carriedOver(templateOf(c), c.period, data.received, data.history);
    return [carriedOverTab(rows, templateOf(c), c.period)];
  };
  // Every earlier period consolidated from the same rows.
  const trajectory = (c: Consolidation) =>
    trajectoryTab(
      trajectoriesUpTo(
        {
          template: templateOf(c),
          units: data.units,
          history: data.history,
          period: c.period,
          submissions: data.received,
          now,
        },
        c,
      ),
    );
  const tabs = consolidations.flatMap((c) =>
    [...consolidatedTabs(c), ...carried(c), trajectory(c)].map((t) =>
      tabForPlan(t, c.planId, primary),
    ),
  );
  if (consolidations.length < 2) return tabs;
  const rows = planComparison(measureTables(), consolidations);
  return [...tabs, comparisonTab(rows, data.config.plans, data.config.period)];
}

/** Consolidates every plan the tracker follows, the first plan's first. */
export function consolidationsOf(data: TrackerData, now: Date): Consolidation[] {
  return data.templates.map((t) => consolidationOf(data, now, t));
}

export function writeConsolidation(
  ss: Spreadsheet,
  data: TrackerData,
  consolidations: readonly Consolidation[],
  now: Date,
): boolean {
  return writeTabs(ss, trackerConsolidationTabs(data, consolidations, now));
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
  const all = consolidationsOf(data, now);
  const c = all[0]!;
  if (!writeConsolidation(ss, data, all, now)) {
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
