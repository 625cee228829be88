// The tracker's tabs as a vocabulary: names, column keys, which tabs are kept per period, the
// words statuses are written in, each column's kind and the one style every tracker draws with.
import { describe, expect, it } from "vitest";
import {
  aggregationNames,
  columnKinds,
  consolidatedTabName,
  indicatorColumnKey,
  PERIOD_TABS,
  TAB_STYLE,
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

describe("column kinds", () => {
  it("are what TRACKER_TABS says, text where it says nothing", () => {
    expect(
      columnKinds({ key: "budget", columns: ["period", "lineId", "planned", "disbursementRate"] }),
    ).toEqual(["text", "text", "number", "number"]);
  });

  it("make the per-indicator and per-plan result columns numbers, the plans' words text", () => {
    expect(
      columnKinds({
        key: "unitValues",
        columns: ["unitCode", indicatorColumnKey("CT-01"), indicatorColumnKey("CT-02")],
      }),
    ).toEqual(["text", "number", "number"]);
    expect(
      columnKinds({
        key: "comparison",
        columns: ["measureId", "plan:a", "target:a", "aggregate:a", "status:a"],
      }),
    ).toEqual(["text", "text", "text", "number", "text"]);
  });

  it("never make free text a number: names, notes and the log's ids stay text", () => {
    const kindOf = (key: keyof typeof TRACKER_TABS, column: string) =>
      columnKinds({ key, columns: [column] })[0];
    expect(kindOf("indicators", "name")).toBe("text");
    expect(kindOf("submissions", "note")).toBe("text");
    expect(kindOf("submissions", "submissionId")).toBe("text");
    expect(kindOf("submissions", "value")).toBe("number");
  });
});

describe("TAB_STYLE", () => {
  it("keeps free text as plain text and gives every kind a format", () => {
    expect(TAB_STYLE.numberFormats).toEqual({ text: "@", number: "General" });
    expect(TAB_STYLE.header.fill).toMatch(/^#[0-9a-f]{6}$/u);
    expect(TAB_STYLE.header.font).toMatch(/^#[0-9a-f]{6}$/u);
  });
});
