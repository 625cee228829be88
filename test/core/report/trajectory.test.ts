// The years to the target: each expectation below is worked out by hand from the straight line
// between the first reported figure and the target, over two and three periods.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/consolidate.js";
import type { Consolidation } from "../../../src/core/consolidation-types.js";
import { periodEnd, trajectories } from "../../../src/core/report/trajectory.js";
import type { IndicatorTrajectory } from "../../../src/core/report/trajectory.js";
import { Submission } from "../../../src/core/submission-schema.js";
import { Template, type TemplateInput } from "../../../src/core/template-schema.js";
import type { Unit } from "../../../src/core/unit-schema.js";

type IndicatorInput = TemplateInput["indicators"][number];

const unit: Unit = {
  code: "SKHCN",
  name: "Sở Khoa học và Công nghệ",
  kind: "department",
  level: "province",
};

const indicator = (id: string, extra: Partial<IndicatorInput>): IndicatorInput => ({
  id,
  group: "G",
  name: `Chỉ tiêu ${id}`,
  unit: "%",
  kind: "percent",
  target: { op: ">=", value: 80, year: 2030 },
  aggregation: "single-reporter",
  source: "trích dẫn nguồn của chỉ tiêu",
  ...extra,
});

const template = Template.parse({
  id: "lo-trinh",
  version: 1,
  plan: {
    province: "Tỉnh Thử",
    issuer: "UBND tỉnh Thử",
    kind: "de-an",
    title: "Đề án thử 2025 - 2030",
    horizon: 2030,
    sourceFile: "000_0123456789abcdef.txt",
  },
  pillars: [{ id: "P", name: "Kinh tế số", groups: [{ id: "G", name: "Nhóm" }] }],
  indicators: [
    indicator("PCT", {}),
    indicator("RANK", { kind: "rank", unit: "hạng", target: { op: "<=", value: 10, year: 2030 } }),
    indicator("NSLD", {
      kind: "growth",
      unit: "%/năm",
      target: { op: ">=", value: 8, year: 2030, yearly: true },
    }),
    indicator("KHU", {
      kind: "yes-no",
      unit: "có/không",
      target: { op: "=", value: 1, year: 2026 },
    }),
    indicator("RANGE", { target: { op: "between", value: 50, max: 60, year: 2030 } }),
    indicator("SOON", { target: { op: ">=", value: 100, year: 2026 } }),
  ],
});

let serial = 0;
/** The consolidation of one period in which the unit reported these figures. */
function period(p: string, values: Record<string, number>): Consolidation {
  serial++;
  const submission = Submission.parse({
    submissionId: `00000000-0000-4000-8000-${String(serial).padStart(12, "0")}`,
    planId: template.id,
    templateVersion: 1,
    unit: unit.code,
    period: p,
    submittedAt: "2030-12-01T09:00:00+07:00",
    indicators: Object.entries(values).map(([indicatorId, value]) => ({ indicatorId, value })),
  });
  return consolidate({
    template,
    units: [unit],
    period: p,
    submissions: [{ submission, revision: 1, receivedAt: "2030-12-01T09:00:01+07:00" }],
    now: new Date("2030-12-20T00:00:00Z"),
  });
}

const byId = (list: IndicatorTrajectory[], id: string) => list.find((t) => t.id === id)!;
const seen = (t: IndicatorTrajectory) =>
  t.points.map((p) => [p.period, p.value, p.expected, p.expectedMax, p.status]);

describe("trajectory over three periods (2025, 2026, 2027) towards 2030", () => {
  const series = [
    period("2025", { PCT: 50, RANK: 20, NSLD: 8.5, KHU: 0, RANGE: 20 }),
    period("2026", { PCT: 57, RANK: 17, NSLD: 7.9, KHU: 0, RANGE: 27 }),
    period("2027", { PCT: 60, RANK: 17, KHU: 1, RANGE: 25 }),
  ];
  const all = trajectories(series);

  it("a share: on the line 50 → 80 over five years (56 in 2026, 62 in 2027)", () => {
    const t = byId(all, "PCT");
    expect(seen(t)).toEqual([
      ["2025", 50, 50, null, "start"],
      ["2026", 57, 56, null, "on-track"],
      ["2027", 60, 62, null, "off-track"],
    ]);
    expect(t.latest).toBe("off-track");
    expect(t.targetYear).toBe(2030);
  });

  it("a rank goes down: 20 → 10 is 18 in 2026 and 16 in 2027", () => {
    expect(seen(byId(all, "RANK"))).toEqual([
      ["2025", 20, 20, null, "start"],
      ["2026", 17, 18, null, "on-track"],
      ["2027", 17, 16, null, "off-track"],
    ]);
  });

  it("a yearly target (hàng năm) is judged in each year, not by a line", () => {
    const t = byId(all, "NSLD");
    expect(t.yearly).toBe(true);
    expect(seen(t)).toEqual([
      ["2025", 8.5, 8, null, "met"],
      ["2026", 7.9, 8, null, "not-met"],
      ["2027", null, 8, null, "no-data"],
    ]);
  });

  it("a milestone waits before its year, is judged in it, and is met once done", () => {
    expect(byId(all, "KHU").points.map((p) => p.status)).toEqual(["pending", "not-met", "met"]);
  });

  it("a range: 20 → 50–60 gives the band 26–28 in 2026 and 32–36 in 2027", () => {
    expect(seen(byId(all, "RANGE"))).toEqual([
      ["2025", 20, 20, null, "start"],
      ["2026", 27, 26, 28, "on-track"],
      ["2027", 25, 32, 36, "off-track"],
    ]);
  });

  it("the same, whatever order the periods are given in", () => {
    const shuffled = trajectories([series[2]!, series[0]!, series[1]!]);
    expect(shuffled).toEqual(all);
  });

  it("an indicator nobody reported has no line and no status", () => {
    expect(byId(all, "SOON").points.map((p) => p.status)).toEqual([
      "no-data",
      "no-data",
      "no-data",
    ]);
  });
});

describe("trajectory over two periods", () => {
  it("the target year itself is judged against the target, not the line", () => {
    const t = byId(trajectories([period("2029", { PCT: 70 }), period("2030", { PCT: 79 })]), "PCT");
    expect(seen(t)).toEqual([
      ["2029", 70, 70, null, "start"],
      ["2030", 79, 80, null, "not-met"],
    ]);
  });

  it("a figure that already reaches the target before its year is met", () => {
    const t = byId(trajectories([period("2027", { PCT: 60 }), period("2028", { PCT: 85 })]), "PCT");
    expect(t.points.map((p) => p.status)).toEqual(["start", "met"]);
  });

  it("the line starts at the first figure, not the first period", () => {
    const t = byId(trajectories([period("2025", {}), period("2026", { PCT: 40 })]), "PCT");
    expect(seen(t)).toEqual([
      ["2025", null, null, null, "no-data"],
      ["2026", 40, 40, null, "start"],
    ]);
  });

  it("half-years sit on the same line: 40 in 2025-H1 → 100 by 2026 is 60 at the end of 2025", () => {
    expect(periodEnd("2025-H1")).toBe(2024.5);
    expect(periodEnd("2025-Q3")).toBe(2024.75);
    expect(periodEnd("2025")).toBe(2025);
    const t = byId(
      trajectories([period("2025-H1", { SOON: 40 }), period("2025", { SOON: 60 })]),
      "SOON",
    );
    expect(seen(t)).toEqual([
      ["2025-H1", 40, 40, null, "start"],
      ["2025", 60, 60, null, "on-track"],
    ]);
    // 2026-H1 ends at 2025.5: 40 + 60 × (1 / 1.5) = 80.
    const later = byId(
      trajectories([period("2025-H1", { SOON: 40 }), period("2026-H1", { SOON: 79 })]),
      "SOON",
    );
    expect(later.points[1]).toMatchObject({ expected: 80, status: "off-track" });
  });
});
