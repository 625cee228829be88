// The tracker's tabs as a vocabulary: names, column keys, which tabs are kept per period, and the
// words statuses are written in.
import { describe, expect, it } from "vitest";
import {
  aggregationNames,
  consolidatedTabName,
  indicatorColumnKey,
  PERIOD_TABS,
  tabName,
  targetStatusNames,
  taskOverallNames,
  timelinessNames,
  TRACKER_TAB_ORDER,
  TRACKER_TABS,
  type TabKey,
} from "../../../src/core/tracker/tracker-tab-layout.js";

const keys = Object.keys(TRACKER_TABS) as TabKey[];

describe("TRACKER_TABS", () => {
  it.each(keys)("%s: its column keys are distinct and its key columns are among them", (key) => {
    const columns = TRACKER_TABS[key].columns.map((c) => c.key);
    expect(new Set(columns).size).toBe(columns.length);
    for (const k of TRACKER_TABS[key].keyColumns) expect(columns).toContain(k);
  });

  it("no two tabs share a name (Sheets refuses a second sheet of the same name)", () => {
    const names = keys.map((k) => TRACKER_TABS[k].name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("every tracker shows eight tabs in one order; the trajectory, comparison and carried-over tabs are written apart", () => {
    expect(TRACKER_TAB_ORDER).toEqual([
      "indicators",
      "units",
      "submissions",
      "consolidated",
      "unitValues",
      "tasks",
      "timeliness",
      "budget",
    ]);
    expect(keys.filter((k) => !TRACKER_TAB_ORDER.includes(k)).sort()).toEqual([
      "carriedOver",
      "comparison",
      "trajectory",
    ]);
  });
});

describe("tab names", () => {
  it("a tab kept per period carries the period in its name", () => {
    expect(tabName("consolidated", "2025")).toBe("Tổng hợp 2025");
    expect(tabName("unitValues", "2025-Q3")).toBe("Số liệu đơn vị 2025-Q3");
    expect(consolidatedTabName("2024")).toBe("Tổng hợp 2024");
  });

  it("a tab that holds every period keeps its plain name", () => {
    expect(tabName("units", "2025")).toBe("Đơn vị");
    expect(tabName("submissions", "2025")).toBe("Nhật ký nộp");
  });

  it("the per-period tabs are exactly these four", () => {
    expect([...PERIOD_TABS].sort()).toEqual([
      "carriedOver",
      "comparison",
      "consolidated",
      "unitValues",
    ]);
  });

  it("an indicator's column in the unit-values tab is keyed by its id", () => {
    expect(indicatorColumnKey("CQ-01")).toBe("indicator:CQ-01");
  });
});

describe("the words statuses are written in", () => {
  it("target status, timeliness and task state", () => {
    expect(targetStatusNames).toEqual({
      met: "Đạt",
      "not-met": "Chưa đạt",
      "no-data": "Chưa có số liệu",
    });
    expect(timelinessNames.late).toBe("Trễ hạn");
    expect(timelinessNames.missing).toBe("Chưa nộp");
    expect(taskOverallNames["no-report"]).toBe("Chưa báo cáo");
  });

  it("every aggregation and every word is NFC", () => {
    expect(Object.keys(aggregationNames).sort()).toEqual([
      "every-unit",
      "max",
      "mean",
      "min",
      "ratio-of-sums",
      "single-reporter",
      "sum",
    ]);
    const words = [
      ...Object.values(aggregationNames),
      ...Object.values(targetStatusNames),
      ...Object.values(timelinessNames),
      ...Object.values(taskOverallNames),
      ...keys.flatMap((k) => [
        TRACKER_TABS[k].name,
        ...TRACKER_TABS[k].columns.map((c) => c.label),
      ]),
    ];
    for (const w of words) expect(w).toBe(w.normalize("NFC"));
  });
});
