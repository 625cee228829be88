// The years to the target: each expectation below is worked out by hand from the straight line
// between the first reported figure and the target, over two and three periods.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import type { Consolidation } from "../../../src/core/tracker/consolidation-types.js";
import {
  periodEnd,
  periodsUpTo,
  trajectories,
  trajectoriesUpTo,
} from "../../../src/core/report/trajectory.js";
import type { IndicatorTrajectory } from "../../../src/core/report/trajectory.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { Template, type TemplateInput } from "../../../src/core/plan/template-schema.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";

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
    indicator("GT", { target: { op: ">", value: 80, year: 2030 } }),
    indicator("LT", { kind: "rank", unit: "hạng", target: { op: "<", value: 10, year: 2030 } }),
    indicator("EQ", { target: { op: "=", value: 50, year: 2030 } }),
    indicator("YBAND", { target: { op: "between", value: 5, max: 7, year: 2030, yearly: true } }),
    indicator("XA", {
      target: undefined,
      levelTargets: { commune: { op: ">=", value: 90, year: 2030 } },
    }),
  ],
});

let serial = 0;
function received(p: string, values: Record<string, number>) {
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
  return { submission, revision: 1, receivedAt: "2030-12-01T09:00:01+07:00" };
}
const now = new Date("2030-12-20T00:00:00Z");

/** The consolidation of one period in which the unit reported these figures. */
function period(p: string, values: Record<string, number>): Consolidation {
  return consolidate({
    template,
    units: [unit],
    period: p,
    submissions: [received(p, values)],
    now,
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

describe("trajectories from a tracker's stored submissions", () => {
  const submissions = [
    received("2027", { PCT: 60 }),
    received("2025", { PCT: 50 }),
    received("2026", { PCT: 57 }),
    received("2028", { PCT: 70 }),
  ];

  it("follows the periods up to the one asked for, each consolidated from the same store", () => {
    expect(periodsUpTo(submissions, template.id, "2027")).toEqual(["2025", "2026", "2027"]);
    expect(periodsUpTo(submissions, "another-plan", "2027")).toEqual(["2027"]);
    // The last quarter of 2027 ends with the year asked for, so it is up to it.
    expect(periodsUpTo([received("2027-Q4", { PCT: 61 })], template.id, "2027")).toEqual([
      "2027",
      "2027-Q4",
    ]);
    const t = byId(
      trajectoriesUpTo({ template, units: [unit], period: "2027", submissions, now }),
      "PCT",
    );
    expect(seen(t)).toEqual([
      ["2025", 50, 50, null, "start"],
      ["2026", 57, 56, null, "on-track"],
      ["2027", 60, 62, null, "off-track"],
    ]);
  });
});

describe("each kind of target against its line (worked out by hand)", () => {
  const two = (id: string, first: number, second: number | null, from = "2025", to = "2026") =>
    byId(
      trajectories([
        period(from, { [id]: first }),
        period(to, second === null ? {} : { [id]: second }),
      ]),
      id,
    ).points[1]!;

  it("a figure exactly on the line is on track, upwards (50 → 80: 56) and downwards (20 → 10: 18)", () => {
    expect(two("PCT", 50, 56)).toMatchObject({ expected: 56, status: "on-track" });
    expect(two("RANK", 20, 18)).toMatchObject({ expected: 18, status: "on-track" });
    expect(two("RANK", 20, 18.5)).toMatchObject({ expected: 18, status: "off-track" });
  });

  it("strict targets follow the same line: above 80 (50 → 56 in 2026), below 10 (20 → 18)", () => {
    expect(two("GT", 50, 57)).toMatchObject({ expected: 56, status: "on-track" });
    expect(two("GT", 50, 55)).toMatchObject({ status: "off-track" });
    expect(two("LT", 20, 17)).toMatchObject({ expected: 18, status: "on-track" });
    expect(two("LT", 20, 19)).toMatchObject({ status: "off-track" });
  });

  it("an exact target (= 50) is approached from either side: 30 → 34 in 2026, 80 → 74", () => {
    expect(two("EQ", 30, 34)).toMatchObject({ expected: 34, status: "on-track" });
    expect(two("EQ", 30, 33)).toMatchObject({ expected: 34, status: "off-track" });
    expect(two("EQ", 80, 74)).toMatchObject({ expected: 74, status: "on-track" });
    expect(two("EQ", 80, 75)).toMatchObject({ expected: 74, status: "off-track" });
  });

  it("an exact target (= 50) is a point, not a floor or a ceiling: passing it before its year is off track, from either side", () => {
    // 30 → 55 in 2026 went past 50; 80 → 45 went below it. Neither is on the way to exactly 50.
    expect(two("EQ", 30, 55)).toMatchObject({ expected: 34, status: "off-track" });
    expect(two("EQ", 80, 45)).toMatchObject({ expected: 74, status: "off-track" });
    // Landing on it early is met, as for every other kind of target.
    expect(two("EQ", 30, 50)).toMatchObject({ status: "met" });
  });

  it("a figure that started exactly on an exact target (= 50) and left it is off track, up or down", () => {
    expect(two("EQ", 50, 52)).toMatchObject({ expected: 50, status: "off-track" });
    expect(two("EQ", 50, 48)).toMatchObject({ expected: 50, status: "off-track" });
    expect(two("EQ", 50, 50)).toMatchObject({ status: "met" });
  });

  it("a range approached from below: on the lower line (26) is on track, past the top (65) is not", () => {
    expect(two("RANGE", 20, 26)).toMatchObject({
      expected: 26,
      expectedMax: 28,
      status: "on-track",
    });
    expect(two("RANGE", 20, 65)).toMatchObject({ status: "off-track" });
  });

  it("a range approached from above: 80 → 50–60 is 74–76 in 2026; 76 and 75 on track, 77 and 45 not", () => {
    expect(two("RANGE", 80, 76)).toMatchObject({
      expected: 74,
      expectedMax: 76,
      status: "on-track",
    });
    expect(two("RANGE", 80, 75)).toMatchObject({ status: "on-track" });
    expect(two("RANGE", 80, 77)).toMatchObject({ status: "off-track" });
    expect(two("RANGE", 80, 45)).toMatchObject({ status: "off-track" });
  });

  it("a range names both its ends once judged: met early, in its year, and every year for a yearly one", () => {
    expect(two("RANGE", 20, 55)).toMatchObject({ expected: 50, expectedMax: 60, status: "met" });
    expect(two("RANGE", 20, 65, "2029", "2030")).toMatchObject({
      expected: 50,
      expectedMax: 60,
      status: "not-met",
    });
    expect(two("YBAND", 6, 8)).toMatchObject({ expected: 5, expectedMax: 7, status: "not-met" });
  });

  it("a rank not reported in a later year has no status there, though its line goes on (18)", () => {
    expect(two("RANK", 20, null)).toMatchObject({ value: null, expected: 18, status: "no-data" });
  });

  it("a milestone not reported before its year has no status, rather than waiting", () => {
    const t = byId(trajectories([period("2025", {}), period("2026", { KHU: 1 })]), "KHU");
    expect(t.points.map((p) => p.status)).toEqual(["no-data", "met"]);
  });

  it("a year with no figure after its second half that started the line has no status", () => {
    const t = byId(trajectories([period("2025-H2", { PCT: 50 }), period("2025", {})]), "PCT");
    expect(seen(t)).toEqual([
      ["2025-H2", 50, 50, null, "start"],
      ["2025", null, 50, null, "no-data"],
    ]);
  });

  it("an indicator with a target only at commune level has no target year and no status", () => {
    const t = byId(trajectories([period("2025", { XA: 50 }), period("2026", { XA: 60 })]), "XA");
    expect(t).toMatchObject({ target: null, targetYear: null, yearly: false, latest: "no-data" });
    expect(t.points.map((p) => p.status)).toEqual(["no-data", "no-data"]);
  });

  it("no consolidation at all gives no trajectory", () => {
    expect(trajectories([])).toEqual([]);
  });

  it("an indicator added to the template later starts its line at its first figure", () => {
    const older = Template.parse({
      ...template,
      version: 1,
      indicators: template.indicators.filter((i) => i.id !== "PCT"),
    });
    const before = consolidate({
      template: older,
      units: [unit],
      period: "2025",
      submissions: [received("2025", { RANK: 20 })],
      now,
    });
    const t = byId(
      trajectories([before, period("2026", { PCT: 40 }), period("2027", { PCT: 48 })]),
      "PCT",
    );
    // 40 in 2026 → 80 by 2030: 50 in 2027.
    expect(seen(t)).toEqual([
      ["2025", null, null, null, "no-data"],
      ["2026", 40, 40, null, "start"],
      ["2027", 48, 50, null, "off-track"],
    ]);
  });

  it("uses the consolidation the caller already has for the asked period", () => {
    const submissions = [received("2025", { PCT: 50 }), received("2026", { PCT: 57 })];
    const input = { template, units: [unit], period: "2026", submissions, now };
    // The caller's own consolidation of 2026 holds 55, below the line's 56.
    const current = consolidate({ ...input, submissions: [received("2026", { PCT: 55 })] });
    const t = byId(trajectoriesUpTo(input, current), "PCT");
    expect(seen(t)).toEqual([
      ["2025", 50, 50, null, "start"],
      ["2026", 55, 56, null, "off-track"],
    ]);
  });
});
