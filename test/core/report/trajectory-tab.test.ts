// The "Lộ trình" tab: a row per indicator and period, in the tracker's words.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import { trajectoriesUpTo } from "../../../src/core/report/trajectory.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { trajectoryTab } from "../../../src/core/report/trajectory-tab.js";
import { rowKeyOf } from "../../../src/core/tracker/tracker-tabs.js";
import { TRACKER_TABS } from "../../../src/core/tracker/tracker-tab-layout.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";

const unit: Unit = {
  code: "SKHCN",
  name: "Sở Khoa học và Công nghệ",
  kind: "department",
  level: "province",
};
const template = Template.parse({
  id: "lo-trinh",
  version: 1,
  plan: {
    province: "Tỉnh Thử",
    issuer: "UBND tỉnh Thử",
    kind: "de-an",
    title: "Đề án thử",
    horizon: 2030,
    sourceFile: "000_0123456789abcdef.txt",
  },
  pillars: [{ id: "P", name: "Kinh tế số", groups: [{ id: "G", name: "Nhóm" }] }],
  indicators: [
    {
      id: "NSLD",
      group: "G",
      name: "Tăng năng suất lao động hàng năm",
      unit: "%/năm",
      kind: "growth",
      target: { op: ">=", value: 8, year: 2030, yearly: true },
      aggregation: "single-reporter",
      source: "Năng suất lao động hàng năm tăng tối thiểu 8%",
    },
    {
      id: "RANGE",
      group: "G",
      name: '=HYPERLINK("http://x") khoảng',
      unit: "%",
      kind: "percent",
      target: { op: "between", value: 50, max: 60, year: 2028 },
      aggregation: "single-reporter",
      source: "khoảng 50% - 60% người dân",
    },
  ],
});

const submissions = [
  ["2025", { NSLD: 8.5, RANGE: 20 }],
  ["2026", { NSLD: 7, RANGE: 30 }],
].map(([period, values], i) => ({
  submission: Submission.parse({
    submissionId: `00000000-0000-4000-8000-00000000000${i + 1}`,
    planId: template.id,
    templateVersion: 1,
    unit: unit.code,
    period,
    submittedAt: "2026-12-01T09:00:00+07:00",
    indicators: Object.entries(values as Record<string, number>).map(([indicatorId, value]) => ({
      indicatorId,
      value,
    })),
  }),
  revision: 1,
  receivedAt: "2026-12-01T09:00:01+07:00",
}));

describe("the trajectory tab", () => {
  const input = {
    template,
    units: [unit],
    period: "2026",
    submissions,
    now: new Date("2026-12-20T00:00:00Z"),
  };
  const tab = trajectoryTab(trajectoriesUpTo(input, consolidate(input)));

  it("has the tab's columns and a row per indicator and period, in the tracker's words", () => {
    expect(tab.name).toBe("Lộ trình");
    expect(tab.header).toEqual(TRACKER_TABS.trajectory.columns.map((c) => c.label));
    const column = (key: string) => tab.rows.map((r) => r[tab.columns.indexOf(key)]);
    expect(column("period")).toEqual(["2025", "2026", "2025", "2026"]);
    expect(column("target")).toEqual([
      "≥ 8 %/năm (hàng năm)",
      "≥ 8 %/năm (hàng năm)",
      "50% – 60%",
      "50% – 60%",
    ]);
    expect(column("value")).toEqual([8.5, 7, 20, 30]);
    // 20 → 50–60 over three years: one third of the way in 2026 is 30 – 33,33.
    expect(column("expected")).toEqual([8, 8, 20, "30 – 33,33"]);
    expect(column("status")).toEqual(["Đạt", "Chưa đạt", "Mốc xuất phát", "Đúng lộ trình"]);
  });

  it("rows have distinct keys, so a writer can update them in place", () => {
    const keys = tab.rows.map((r) => rowKeyOf(tab, r));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps an indicator's name as the plain text it is: the writer protects it", () => {
    expect(tab.rows[2]![tab.columns.indexOf("name")]).toBe('=HYPERLINK("http://x") khoảng');
  });
});
