// Consolidation: one test per aggregation rule, revisions, timeliness around the deadline, tasks, budget.
import { beforeEach, describe, expect, it } from "vitest";
import type { Consolidation, ReceivedSubmission } from "../../../src/core/tracker/consolidate.js";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import type { SubmissionInput } from "../../../src/core/check/submission-schema.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { Template, type TemplateInput } from "../../../src/core/plan/template-schema.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import type { TrackerTab } from "../../../src/core/tracker/tracker-tab-layout.js";
import {
  budgetTab,
  consolidatedTab,
  tabGrid,
  tasksTab,
  timelinessTab,
  unitsTab,
  unitValuesTab,
} from "../../../src/core/tracker/tracker-tabs.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import {
  expectedBudgetRows,
  expectedConsolidatedHeader,
  expectedConsolidatedRows,
  expectedTimelinessRows,
  expectedUnitsRows,
  expectedUnitValuesHeader,
  expectedUnitValuesRows,
  SMALL_PERIOD,
  SMALL_PLAN,
  smallSubmissions,
  smallUnits,
} from "../../fixtures/small-case.js";
import { department, district, health, now, template as demo } from "../../fixtures/template.js";
import { indicator, type IndicatorInput, testPlan } from "../../fixtures/test-plan.js";

const commune: Unit = {
  code: "X-AB",
  name: "UBND phường An Bình",
  kind: "commune",
  level: "commune",
};
const commune2: Unit = {
  code: "X-CV",
  name: "UBND phường Cái Vồn",
  kind: "commune",
  level: "commune",
};

function templateOf(indicators: IndicatorInput[], extra: Partial<TemplateInput> = {}): Template {
  return Template.parse({
    ...testPlan,
    indicators,
    reporting: {
      frequency: "yearly",
      unitDeadline: { month: 12, day: 10 },
      leadUnit: "Sở Thông tin và Truyền thông",
      source: ["trước ngày 10 tháng 12 hàng năm"],
    },
    ...extra,
  });
}

let sequence = 0;
interface ReceiptOptions {
  revision?: number;
  receivedAt?: string;
  submittedAt?: string;
  period?: string;
  planId?: string;
  tasks?: SubmissionInput["tasks"];
  budget?: SubmissionInput["budget"];
}

function received(
  unit: string,
  indicators: SubmissionInput["indicators"],
  o: ReceiptOptions = {},
): ReceivedSubmission {
  sequence++;
  return {
    submission: Submission.parse({
      submissionId: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
      planId: o.planId ?? "thu",
      templateVersion: 1,
      unit,
      period: o.period ?? "2025",
      submittedAt: o.submittedAt ?? "2025-12-01T09:00:00+07:00",
      indicators,
      tasks: o.tasks ?? [],
      budget: o.budget ?? [],
    }),
    revision: o.revision ?? 1,
    receivedAt: o.receivedAt ?? "2025-12-01T09:00:00+07:00",
  };
}

const units = [department, district, commune];

function run(
  template: Template,
  submissions: ReceivedSubmission[],
  opts: { units?: Unit[]; period?: string; at?: Date } = {},
) {
  return consolidate({
    template,
    units: opts.units ?? units,
    period: opts.period ?? "2025",
    submissions,
    now: opts.at ?? now,
  });
}

const only = (c: ReturnType<typeof run>) => c.indicators[0]!;

describe("consolidate: aggregation rules", () => {
  it("ratio-of-sums: Σ numerators / Σ denominators × 100, over units that gave both", () => {
    const t = templateOf([
      indicator("R", {
        aggregation: "ratio-of-sums",
        numeratorLabel: "Hồ sơ trực tuyến",
        denominatorLabel: "Tổng hồ sơ",
      }),
    ]);
    const ind = only(
      run(t, [
        received("STTTT", [{ indicatorId: "R", numerator: 80, denominator: 100 }]),
        received("Q-NK", [{ indicatorId: "R", numerator: 10, denominator: 400 }]),
        received("X-AB", [{ indicatorId: "R", value: 99 }]),
      ]),
    );
    // Pooled: (80 + 10) / (100 + 400) = 18%. The mean of the two shares (80% and 2.5%) would be
    // 41.25, and 60.5 with X-AB's bare 99 counted in.
    expect(ind.aggregate).toBe(18);
    expect(ind.status).toBe("not-met");
    expect(ind.reported).toBe(3);
    expect(ind.contributing).toBe(2);
    expect(ind.note).toBe(
      "1 đơn vị chỉ báo tỷ lệ, không có tử số và mẫu số: không tính vào tỷ lệ chung",
    );
    expect(ind.byUnit["STTTT"]?.value).toBe(80);
  });

  it("ratio-of-sums: a count ratio is not scaled, and a zero total denominator is no data", () => {
    const t = templateOf([
      indicator("R", {
        aggregation: "ratio-of-sums",
        kind: "count",
        unit: "máy/người",
        numeratorLabel: "Máy",
        denominatorLabel: "Người",
        target: { op: ">=", value: 1, year: 2030 },
      }),
    ]);
    const scaled = only(
      run(t, [received("STTTT", [{ indicatorId: "R", numerator: 3, denominator: 2 }])]),
    );
    expect(scaled.aggregate).toBe(1.5);
    expect(scaled.status).toBe("met");
    const zero = only(
      run(t, [received("STTTT", [{ indicatorId: "R", numerator: 0, denominator: 0 }])]),
    );
    expect(zero).toMatchObject({ aggregate: null, status: "no-data", reported: 1 });
  });

  it("sum adds every unit's figure", () => {
    const t = templateOf([
      indicator("S", {
        aggregation: "sum",
        kind: "count",
        unit: "doanh nghiệp",
        target: { op: ">=", value: 12, year: 2030 },
      }),
    ]);
    const ind = only(
      run(t, [
        received("STTTT", [{ indicatorId: "S", value: 3 }]),
        received("Q-NK", [{ indicatorId: "S", value: 5 }]),
        received("X-AB", [{ indicatorId: "S", value: 7 }]),
      ]),
    );
    expect(ind).toMatchObject({ aggregate: 15, status: "met", reported: 3, expected: 3 });
  });

  it("mean averages the figures of the units that reported", () => {
    const t = templateOf([indicator("M", { aggregation: "mean" })]);
    const ind = only(
      run(t, [
        received("STTTT", [{ indicatorId: "M", value: 60 }]),
        received("Q-NK", [{ indicatorId: "M", numerator: 9, denominator: 10 }]),
      ]),
    );
    expect(ind).toMatchObject({ aggregate: 75, status: "not-met", reported: 2, expected: 3 });
  });

  it("min and max take the lowest and the highest figure", () => {
    const subs = [
      received("STTTT", [{ indicatorId: "A", value: 60 }]),
      received("Q-NK", [{ indicatorId: "A", value: 90 }]),
      received("X-AB", [{ indicatorId: "A", value: 85 }]),
    ];
    expect(only(run(templateOf([indicator("A", { aggregation: "min" })]), subs))).toMatchObject({
      aggregate: 60,
      status: "not-met",
    });
    expect(only(run(templateOf([indicator("A", { aggregation: "max" })]), subs))).toMatchObject({
      aggregate: 90,
      status: "met",
    });
  });

  describe("every-unit", () => {
    const t = templateOf([
      indicator("E", {
        aggregation: "every-unit",
        target: undefined,
        levelTargets: {
          province: { op: ">=", value: 90, year: 2030 },
          district: { op: ">=", value: 80, year: 2030 },
          commune: { op: ">=", value: 60, year: 2030 },
        },
      }),
    ]);
    const four = [...units, commune2];

    it("is the share of expected units meeting their own level's target", () => {
      const ind = only(
        run(
          t,
          [
            received("STTTT", [{ indicatorId: "E", value: 95 }]),
            received("Q-NK", [{ indicatorId: "E", value: 85 }]),
            received("X-AB", [{ indicatorId: "E", value: 50 }]),
          ],
          { units: four },
        ),
      );
      // 85 would miss the province's 90 and 50 would miss 60: judged per unit level, 2 of 4 meet.
      expect(ind).toMatchObject({ aggregate: 50, status: "not-met", expected: 4, reported: 3 });
      expect(ind.note).toContain("2/4");
      expect(ind.note).toContain("1 đơn vị chưa có số liệu");
    });

    it("is met only when every expected unit reported and met", () => {
      const allMet = [
        received("STTTT", [{ indicatorId: "E", value: 95 }]),
        received("Q-NK", [{ indicatorId: "E", value: 85 }]),
        received("X-AB", [{ indicatorId: "E", value: 61 }]),
      ];
      expect(only(run(t, allMet))).toMatchObject({ aggregate: 100, status: "met" });
      // The same three, but a fourth expected unit has not reported: not yet met.
      expect(only(run(t, allMet, { units: four }))).toMatchObject({
        aggregate: 75,
        status: "not-met",
      });
      expect(only(run(t, [], { units: four }))).toMatchObject({
        aggregate: 0,
        status: "no-data",
      });
    });

    it("leaves out units whose level the plan sets no target for", () => {
      const noCommune = templateOf([
        indicator("E", {
          aggregation: "every-unit",
          target: undefined,
          levelTargets: { province: { op: ">=", value: 90, year: 2030 } },
        }),
      ]);
      const ind = only(
        run(
          noCommune,
          [
            received("STTTT", [{ indicatorId: "E", value: 95 }]),
            received("X-AB", [{ indicatorId: "E", value: 10 }]),
          ],
          { units: [department, commune] },
        ),
      );
      expect(ind).toMatchObject({ aggregate: 100, status: "met" });
    });
  });

  describe("single-reporter", () => {
    it("takes the lead unit's figure and keeps others out of it", () => {
      // demo's XH-01: reporters "lead", lead "Sở Y tế", target 50% – 60%.
      const c = run(
        demo,
        [
          received("SYT", [{ indicatorId: "XH-01", value: 55 }], {
            planId: "demo",
            receivedAt: "2025-12-01T08:00:00+07:00",
          }),
          received("STTTT", [{ indicatorId: "XH-01", value: 70 }], {
            planId: "demo",
            receivedAt: "2025-12-02T08:00:00+07:00",
          }),
        ],
        { units: [department, health, district] },
      );
      const ind = c.indicators.find((i) => i.id === "XH-01")!;
      expect(ind).toMatchObject({
        aggregate: 55,
        aggregateFrom: "SYT",
        status: "met",
        expected: 1,
        reported: 1,
        outside: 1,
        targetText: "50% – 60%",
      });
      expect(ind.byUnit["STTTT"]).toMatchObject({ value: 70, counted: false });
      expect(ind.note).toContain("lấy số của Sở Y tế");
      expect(ind.note).toContain("không tính");
    });

    it("is no data while the lead has not reported, whoever else did", () => {
      const c = run(
        demo,
        [received("STTTT", [{ indicatorId: "XH-01", value: 55 }], { planId: "demo" })],
        { units: [department, health] },
      );
      expect(c.indicators.find((i) => i.id === "XH-01")).toMatchObject({
        aggregate: null,
        status: "no-data",
      });
    });

    it("without a lead takes the most recently received report and says how many reported", () => {
      // demo's KT-02: single-reporter, no lead, yes-no with target "= 1".
      const c = run(
        demo,
        [
          received("Q-NK", [{ indicatorId: "KT-02", value: 1, evidence: "QĐ 1" }], {
            planId: "demo",
            receivedAt: "2025-12-03T08:00:00+07:00",
          }),
          // Later as an instant although its text sorts first.
          received("STTTT", [{ indicatorId: "KT-02", value: 0 }], {
            planId: "demo",
            receivedAt: "2025-12-03T02:00:00Z",
          }),
        ],
        { units: [department, district] },
      );
      const ind = c.indicators.find((i) => i.id === "KT-02")!;
      expect(ind).toMatchObject({
        aggregate: 0,
        aggregateFrom: "STTTT",
        status: "not-met",
        reported: 2,
        contributing: 1,
        // Nobody is bound to report a province-wide figure without a lead (isRequiredOf).
        expected: 0,
      });
      expect(ind.note).toContain("2 đơn vị báo cáo");
    });
  });
});

describe("consolidate: revisions, plans and periods", () => {
  const t = templateOf([indicator("M", { aggregation: "sum", kind: "count", unit: "cái" })]);

  it("uses the highest revision per unit, whatever the order they come in", () => {
    const rev2 = received("STTTT", [{ indicatorId: "M", value: 30 }], {
      revision: 2,
      receivedAt: "2025-12-05T09:00:00+07:00",
    });
    const rev1 = received("STTTT", [{ indicatorId: "M", value: 10 }], {
      revision: 1,
      receivedAt: "2025-12-04T09:00:00+07:00",
    });
    const c = run(t, [rev2, rev1]);
    expect(only(c).aggregate).toBe(30);
    expect(only(c).byUnit["STTTT"]?.provenance).toEqual({
      submissionId: rev2.submission.submissionId,
      revision: 2,
      receivedAt: "2025-12-05T09:00:00+07:00",
    });
    expect(c.units[0]).toMatchObject({
      revision: 2,
      revisions: 2,
      submissionId: rev2.submission.submissionId,
      receivedAt: "2025-12-05T09:00:00+07:00",
      firstReceivedAt: "2025-12-04T09:00:00+07:00",
    });
  });

  it("takes the report signed last as current, not the one received last", () => {
    // A report held back (a queue flushed late, or a body replayed on the path) arrives after the
    // correction the unit signed later: it is stored as revision 2 and never counts.
    const correction = received("STTTT", [{ indicatorId: "M", value: 90 }], {
      revision: 1,
      submittedAt: "2025-12-05T10:00:00+07:00",
      receivedAt: "2025-12-05T10:00:01+07:00",
    });
    const heldBack = received("STTTT", [{ indicatorId: "M", value: 80 }], {
      revision: 2,
      submittedAt: "2025-12-04T08:00:00+07:00",
      receivedAt: "2025-12-06T08:00:00+07:00",
    });
    for (const order of [
      [correction, heldBack],
      [heldBack, correction],
    ]) {
      const c = run(t, order);
      expect(only(c).aggregate).toBe(90);
      expect(c.units[0]).toMatchObject({
        revision: 1,
        revisions: 2,
        submissionId: correction.submission.submissionId,
        firstReceivedAt: "2025-12-05T10:00:01+07:00",
      });
    }
  });

  it("compares signing times as instants, whatever their offsets, and breaks ties by revision", () => {
    const utc = received("STTTT", [{ indicatorId: "M", value: 1 }], {
      revision: 1,
      submittedAt: "2025-12-05T04:00:00Z",
    });
    const vietnam = received("STTTT", [{ indicatorId: "M", value: 2 }], {
      revision: 2,
      submittedAt: "2025-12-05T10:59:00+07:00",
    });
    expect(only(run(t, [utc, vietnam])).aggregate).toBe(1);
    const same = received("STTTT", [{ indicatorId: "M", value: 3 }], {
      revision: 3,
      submittedAt: "2025-12-05T11:00:00+07:00",
    });
    expect(only(run(t, [same, utc, vietnam])).aggregate).toBe(3);
  });

  it("ignores other plans and other periods", () => {
    const c = run(t, [
      received("STTTT", [{ indicatorId: "M", value: 5 }]),
      received("STTTT", [{ indicatorId: "M", value: 100 }], { planId: "khac", revision: 9 }),
      received("Q-NK", [{ indicatorId: "M", value: 100 }], { period: "2024" }),
    ]);
    expect(only(c).aggregate).toBe(5);
    expect(c.units.map((u) => u.timeliness)).toEqual(["on-time", "missing", "missing"]);
    expect(c.strays).toEqual([]);
  });

  it("reports units that are not on the list as strays and leaves them out of every figure", () => {
    const stray1 = received("X-LA", [{ indicatorId: "M", value: 100 }], { revision: 1 });
    const stray2 = received("X-LA", [{ indicatorId: "M", value: 200 }], {
      revision: 2,
      receivedAt: "2025-12-02T09:00:00+07:00",
    });
    const c = run(t, [received("STTTT", [{ indicatorId: "M", value: 5 }]), stray1, stray2]);
    expect(only(c).aggregate).toBe(5);
    expect(only(c).byUnit).not.toHaveProperty("X-LA");
    expect(c.strays).toEqual([
      {
        unit: "X-LA",
        revisions: 2,
        provenance: {
          submissionId: stray2.submission.submissionId,
          revision: 2,
          receivedAt: "2025-12-02T09:00:00+07:00",
        },
      },
    ]);
    expect(c.summary.strays).toBe(1);
  });

  it("ignores entries for indicators the template does not have", () => {
    const c = run(t, [
      received("STTTT", [
        { indicatorId: "M", value: 5 },
        { indicatorId: "ZZ", value: 9 },
      ]),
    ]);
    expect(c.indicators.map((i) => i.id)).toEqual(["M"]);
    expect(c.units[0]?.indicatorsReported).toBe(1);
  });

  it("is plain JSON: a round trip changes nothing", () => {
    const c = run(demo, [
      received("STTTT", [{ indicatorId: "CQ-01", numerator: 1, denominator: 2 }], {
        planId: "demo",
      }),
    ]);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it("refuses a period that is not one", () => {
    expect(() => run(t, [], { period: "2025-12" })).toThrow();
  });
});

describe("consolidate: timeliness", () => {
  const t = templateOf([indicator("M", {})]);
  const at = (receivedAt: string, revision = 1, unit = "STTTT") =>
    received(unit, [{ indicatorId: "M", value: 90 }], { receivedAt, revision });

  it("is on time before 10 December begins in Vietnam, late after, missing without a report", () => {
    const c = run(t, [
      at("2025-12-09T23:30:00+07:00", 1, "STTTT"),
      at("2025-12-10T00:10:00+07:00", 1, "Q-NK"),
    ]);
    expect(c.dueAt).toBe("2025-12-10T00:00:00.000+07:00");
    expect(c.units.map((u) => [u.code, u.timeliness, u.daysLate])).toEqual([
      ["STTTT", "on-time", null],
      ["Q-NK", "late", 1],
      ["X-AB", "missing", null],
    ]);
    expect(c.summary).toMatchObject({
      unitsExpected: 3,
      unitsSubmitted: 2,
      unitsOnTime: 1,
      unitsLate: 1,
      unitsMissing: 1,
    });
  });

  it("compares instants, not text: 17:10 UTC on 9 December is 00:10 on the 10th in Vietnam", () => {
    expect(run(t, [at("2025-12-09T17:10:00Z")]).units[0]?.timeliness).toBe("late");
    expect(run(t, [at("2025-12-09T16:59:59Z")]).units[0]?.timeliness).toBe("on-time");
  });

  it("is decided by the first revision: a late correction keeps an on-time report on time", () => {
    const c = run(t, [at("2025-12-12T08:00:00+07:00", 2), at("2025-12-09T08:00:00+07:00", 1)]);
    expect(c.units[0]).toMatchObject({
      timeliness: "on-time",
      revision: 2,
      firstReceivedAt: "2025-12-09T08:00:00+07:00",
    });
  });

  it("says only 'submitted' for a quarter, which has no deadline, or without a schedule", () => {
    const quarter = run(
      t,
      [received("STTTT", [{ indicatorId: "M", value: 1 }], { period: "2025-Q4" })],
      {
        period: "2025-Q4",
      },
    );
    expect(quarter.dueAt).toBeNull();
    expect(quarter.units.map((u) => u.timeliness)).toEqual(["submitted", "missing", "missing"]);
    const unscheduled = templateOf([indicator("M", {})], { reporting: undefined });
    expect(run(unscheduled, [at("2025-12-31T08:00:00+07:00")]).units[0]?.timeliness).toBe(
      "submitted",
    );
  });
});

describe("consolidate: levels, expectations and completeness", () => {
  it("judges a unit's figure against its own level's target", () => {
    // demo's CQ-02: province ≥ 90%, district ≥ 80%, no plan-wide target.
    const c = run(
      demo,
      [
        received("STTTT", [{ indicatorId: "CQ-02", value: 85 }], { planId: "demo" }),
        received("Q-NK", [{ indicatorId: "CQ-02", value: 85, level: "province" }], {
          planId: "demo",
        }),
      ],
      { units: [department, district] },
    );
    const ind = c.indicators.find((i) => i.id === "CQ-02")!;
    expect(ind.byUnit["STTTT"]).toMatchObject({
      level: "province",
      targetText: "≥ 90%",
      status: "not-met",
    });
    // The list's level decides, as in validation; what the entry claimed is kept alongside.
    expect(ind.byUnit["Q-NK"]).toMatchObject({
      level: "district",
      reportedLevel: "province",
      targetText: "≥ 80%",
      status: "met",
    });
    // Plan-wide: the province's level target stands in for a missing plan target.
    expect(ind).toMatchObject({ targetText: "≥ 90%", aggregate: 85, status: "not-met" });
    expect(ind.allTargetsText).toBe("Tỉnh: ≥ 90%; Huyện: ≥ 80%");
  });

  it("counts expected and reported indicators per unit as the add-in's required rule does", () => {
    const c = run(
      demo,
      [
        received(
          "SYT",
          [
            { indicatorId: "CQ-01", numerator: 1, denominator: 2 },
            { indicatorId: "XH-01", value: 55 },
            { indicatorId: "KT-02", value: 1, evidence: "QĐ" },
            { indicatorId: "KT-01", note: "chỉ có ghi chú" },
          ],
          { planId: "demo" },
        ),
      ],
      { units: [department, health] },
    );
    // Required of Sở Y tế: CQ-01, CQ-02, KT-01 (all units) and XH-01 (its lead); KT-02 is optional.
    expect(c.units[1]).toMatchObject({
      code: "SYT",
      indicatorsRequired: 4,
      indicatorsRequiredReported: 2,
      indicatorsReported: 3,
      tasksLed: 2,
      tasksReported: 0,
    });
    expect(c.indicators.map((i) => [i.id, i.expected])).toEqual([
      ["CQ-01", 2],
      ["CQ-02", 2],
      ["KT-01", 2],
      ["KT-02", 0],
      ["XH-01", 1],
    ]);
    // A note without a figure is shown, but is not a report.
    expect(c.indicators[2]).toMatchObject({ reported: 0, status: "no-data" });
    expect(c.indicators[2]?.byUnit["SYT"]).toMatchObject({ value: null, note: "chỉ có ghi chú" });
  });
});

describe("consolidate: tasks", () => {
  // demo: NV-01 led by "Các Sở, ban, ngành", due 2025-06; NV-02 led by Sở Y tế, recurring.
  const list = [department, health, district];
  const tasksOf = (
    byUnit: Record<string, SubmissionInput["tasks"]>,
    at: Date = now,
    unitsList: Unit[] = list,
  ) =>
    run(
      demo,
      Object.entries(byUnit).map(([unit, tasks]) => received(unit, [], { planId: "demo", tasks })),
      { units: unitsList, at },
    ).tasks;

  it("is done when every lead unit reported done, and then never overdue", () => {
    const [nv1] = tasksOf({
      STTTT: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-20" }],
      SYT: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-30" }],
    });
    expect(nv1).toMatchObject({ state: "done", overdue: false });
    expect(nv1?.leads.map((l) => [l.unit, l.status, l.completedOn])).toEqual([
      ["STTTT", "done", "2025-05-20"],
      ["SYT", "done", "2025-05-30"],
    ]);
  });

  it("is in progress when some lead reported progress, and overdue past its month", () => {
    const [nv1] = tasksOf({
      STTTT: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-20" }],
      SYT: [{ taskId: "NV-01", status: "not-started" }],
    });
    expect(nv1).toMatchObject({ state: "in-progress", overdue: true });
    const early = tasksOf(
      { STTTT: [{ taskId: "NV-01", status: "in-progress" }] },
      new Date("2025-06-30T16:59:00Z"),
    );
    expect(early[0]).toMatchObject({ state: "in-progress", overdue: false });
    expect(early[0]?.leads.map((l) => l.status)).toEqual(["in-progress", "missing"]);
  });

  it("is not started when the leads that reported have not started, no-report when none did", () => {
    const tasks = tasksOf({
      STTTT: [{ taskId: "NV-01", status: "not-started" }],
      // A district's status for a task it does not lead changes nothing.
      "Q-NK": [{ taskId: "NV-02", status: "done", completedOn: "2025-01-01" }],
    });
    expect(tasks.map((t) => [t.id, t.state, t.overdue])).toEqual([
      ["NV-01", "not-started", true],
      ["NV-02", "no-report", false],
    ]);
  });

  it("is no-report, not done, when no lead unit is on the list", () => {
    const tasks = tasksOf({}, now, [district]);
    expect(tasks.map((t) => [t.state, t.leads.length])).toEqual([
      ["no-report", 0],
      ["no-report", 0],
    ]);
  });

  it("keeps the provenance of each lead's status and counts the summary", () => {
    const c = run(
      demo,
      [
        received("SYT", [], {
          planId: "demo",
          revision: 3,
          tasks: [{ taskId: "NV-02", status: "done", completedOn: "2025-10-01", note: "xong" }],
        }),
      ],
      { units: list },
    );
    expect(c.tasks[1]?.leads[0]).toMatchObject({
      unit: "SYT",
      status: "done",
      note: "xong",
      provenance: { revision: 3, receivedAt: "2025-12-01T09:00:00+07:00" },
    });
    expect(c.summary).toMatchObject({ tasks: 2, tasksDone: 1, tasksOverdue: 1 });
  });
});

describe("consolidate: budget", () => {
  it("sums allocated and disbursed over current reports, with the disbursement rate", () => {
    const c = run(
      demo,
      [
        received("STTTT", [], {
          planId: "demo",
          budget: [
            { lineId: "KP-TONG", allocated: 300_000, disbursed: 250_000 },
            { lineId: "KP-DTPT", allocated: 100_000, disbursed: 50_000 },
          ],
        }),
        received("STTTT", [], {
          planId: "demo",
          revision: 2,
          budget: [
            { lineId: "KP-TONG", allocated: 200_000, disbursed: 100_000 },
            { lineId: "KP-SN", disbursed: 7 },
          ],
        }),
        received("Q-NK", [], {
          planId: "demo",
          budget: [{ lineId: "KP-TONG", allocated: 100_000, disbursed: 50_000, note: "đợt 1" }],
        }),
        received("X-LA", [], {
          planId: "demo",
          budget: [{ lineId: "KP-TONG", allocated: 9_000_000 }],
        }),
      ],
      { units: [department, district] },
    );
    expect(
      c.budget.map((b) => [
        b.id,
        b.role,
        b.planned,
        b.allocated,
        b.disbursed,
        b.reporters,
        b.disbursementRate,
      ]),
    ).toEqual([
      ["KP-TONG", "total", 300_000, 300_000, 150_000, 2, 50],
      ["KP-DTPT", "part", 100_000, 0, 0, 0, null],
      ["KP-SN", "part", 200_000, 0, 7, 1, null],
    ]);
    expect(c.budget[0]?.byUnit["Q-NK"]).toMatchObject({
      allocated: 100_000,
      note: "đợt 1",
      provenance: { revision: 1 },
    });
    expect(c.budget[0]?.byUnit["STTTT"]?.provenance.revision).toBe(2);
  });

  it("is empty when the template has no budget", () => {
    expect(run(templateOf([indicator("M", {})]), []).budget).toEqual([]);
  });
});

describe("consolidate and the tracker tabs: a small fixed case, against tables worked out by hand", () => {
  const plan = loadSeedTemplates().templates.find((t) => t.id === SMALL_PLAN)!;
  const consolidateCase = (order: (list: typeof smallSubmissions) => typeof smallSubmissions) =>
    consolidate({
      template: plan,
      units: smallUnits,
      period: SMALL_PERIOD,
      submissions: order(smallSubmissions).map(({ submission, receivedAt }) => ({
        submission,
        revision: submission.submissionId.endsWith("2") ? 2 : 1,
        receivedAt,
      })),
      now: new Date("2025-12-20T02:00:00Z"),
    });
  // In a hook, so that it is computed while a test runs; in both orders a store may hand them.
  let c: Consolidation;
  let reversed: Consolidation;
  beforeEach(() => {
    c = consolidateCase((list) => list);
    reversed = consolidateCase((list) => [...list].reverse());
  });
  const body = (tab: TrackerTab) =>
    tabGrid(tab, "raw")
      .slice(1)
      .map((row) => row.map((v) => (v === null ? "" : v)));

  it("gives the hand-made units, consolidated, unit values, tasks, timeliness and budget tables", () => {
    expect(reversed).toEqual(c);
    expect(body(unitsTab(c))).toEqual(expectedUnitsRows);
    expect(consolidatedTab(c).header).toEqual(expectedConsolidatedHeader);
    expect(body(consolidatedTab(c))).toEqual(expectedConsolidatedRows(plan));
    expect(unitValuesTab(c).name).toBe("Số liệu đơn vị 2025");
    expect(unitValuesTab(c).header).toEqual(expectedUnitValuesHeader(plan));
    expect(body(unitValuesTab(c))).toEqual(expectedUnitValuesRows(plan));
    expect(body(tasksTab(c))).toEqual([]);
    expect(body(timelinessTab(c))).toEqual(expectedTimelinessRows);
    expect(body(budgetTab(c))).toEqual(expectedBudgetRows);
  });

  it("counts the summary by hand: 16 indicators met, 5 not, 8 without data; 2 of 3 units sent", () => {
    expect(c.summary).toEqual({
      unitsExpected: 3,
      unitsSubmitted: 2,
      unitsOnTime: 0,
      unitsLate: 0,
      unitsMissing: 1,
      indicatorsMet: 16,
      indicatorsNotMet: 5,
      indicatorsNoData: 8,
      tasks: 0,
      tasksDone: 0,
      tasksOverdue: 0,
      strays: 0,
    });
  });

  it("keeps STTTT's first receipt as its first revision, and the second as current", () => {
    const stttt = c.units.find((u) => u.code === "STTTT")!;
    expect(stttt).toMatchObject({
      revision: 2,
      revisions: 2,
      firstReceivedAt: "2025-12-01T09:00:00.000+07:00",
      receivedAt: "2025-12-03T10:00:00.000+07:00",
      submissionId: "5a5a5a5a-0000-4000-8000-000000000002",
    });
  });
});

describe("consolidate: edges the rules above leave open", () => {
  const health2: Unit = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" };

  it("min takes the lowest figure wherever it comes in the list", () => {
    const subs = [
      received("STTTT", [{ indicatorId: "A", value: 90 }]),
      received("Q-NK", [{ indicatorId: "A", value: 60 }]),
      received("X-AB", [{ indicatorId: "A", value: 85 }]),
    ];
    expect(only(run(templateOf([indicator("A", { aggregation: "min" })]), subs)).aggregate).toBe(
      60,
    );
    expect(only(run(templateOf([indicator("A", { aggregation: "max" })]), subs)).aggregate).toBe(
      90,
    );
  });

  it("sum, mean, min and max add no note", () => {
    for (const aggregation of ["sum", "mean", "min", "max"] as const) {
      const ind = only(
        run(templateOf([indicator("A", { aggregation })]), [
          received("STTTT", [{ indicatorId: "A", value: 90 }]),
        ]),
      );
      expect(ind.note, aggregation).toBe("");
    }
  });

  it("an entry with empty figures, or half a ratio, is no report, whatever else it carries", () => {
    const t = templateOf([
      indicator("R", { aggregation: "ratio-of-sums", numeratorLabel: "n", denominatorLabel: "d" }),
    ]);
    const c = run(t, [
      received("STTTT", [
        { indicatorId: "R", numerator: null, denominator: null, note: "chưa có" },
      ]),
      received("Q-NK", [{ indicatorId: "R", numerator: 5 }]),
    ]);
    expect(only(c)).toMatchObject({
      reported: 0,
      aggregate: null,
      status: "no-data",
      contributing: 0,
    });
    expect(c.units.map((u) => u.indicatorsReported)).toEqual([0, 0, 0]);
  });

  it("a single reporter's 0 of 0 is no figure to take: the other unit's share is taken", () => {
    const t = templateOf([
      indicator("R", {
        aggregation: "single-reporter",
        numeratorLabel: "n",
        denominatorLabel: "d",
      }),
    ]);
    // The 0 of 0 came later: were it a figure, it would be the one taken.
    const c = run(t, [
      received("STTTT", [{ indicatorId: "R", numerator: 40, denominator: 50 }]),
      received("Q-NK", [{ indicatorId: "R", numerator: 0, denominator: 0 }], {
        receivedAt: "2025-12-02T09:00:00+07:00",
      }),
    ]);
    expect(only(c)).toMatchObject({ aggregate: 80, aggregateFrom: "STTTT", reported: 2 });
  });

  it("0 of 0 is a figure the unit gave, though no share: reported, not contributing", () => {
    const t = templateOf([
      indicator("R", { aggregation: "ratio-of-sums", numeratorLabel: "n", denominatorLabel: "d" }),
    ]);
    const c = run(t, [received("STTTT", [{ indicatorId: "R", numerator: 0, denominator: 0 }])]);
    expect(only(c)).toMatchObject({ reported: 1, contributing: 0, aggregate: null });
    expect(c.units[0]).toMatchObject({ indicatorsReported: 1, indicatorsRequiredReported: 1 });
  });

  it("every-unit: all expected units met is met, with the one note; no expected unit is no data", () => {
    const t = templateOf([indicator("E", { aggregation: "every-unit" })]);
    const all = only(
      run(t, [
        received("STTTT", [{ indicatorId: "E", value: 90 }]),
        received("Q-NK", [{ indicatorId: "E", value: 85 }]),
        received("X-AB", [{ indicatorId: "E", value: 80 }]),
      ]),
    );
    expect(all).toMatchObject({
      aggregate: 100,
      status: "met",
      note: "3/3 đơn vị đạt mục tiêu của cấp mình",
    });
    const none = only(run(t, [], { units: [] }));
    expect(none).toMatchObject({ aggregate: null, status: "no-data", expected: 0 });
  });

  it("a named lead only says who is in charge unless the lead alone reports: everyone's figure counts", () => {
    const t = templateOf([
      indicator("S", { aggregation: "sum", kind: "count", unit: "hệ thống", lead: ["Sở Y tế"] }),
    ]);
    const ind = only(
      run(
        t,
        [
          received("STTTT", [{ indicatorId: "S", value: 3 }]),
          received("SYT", [{ indicatorId: "S", value: 4 }]),
        ],
        { units: [department, health2] },
      ),
    );
    expect(ind).toMatchObject({ aggregate: 7, reported: 2, outside: 0, note: "" });
  });

  it("a single reporter with a named lead takes the lead's figure; others are outside, counted for them", () => {
    const t = templateOf([indicator("S", { aggregation: "single-reporter", lead: ["Sở Y tế"] })]);
    const c = run(
      t,
      [
        received("STTTT", [{ indicatorId: "S", value: 99 }], {
          receivedAt: "2025-12-05T09:00:00+07:00",
        }),
        received("SYT", [{ indicatorId: "S", value: 70 }]),
      ],
      { units: [department, health2] },
    );
    expect(only(c)).toMatchObject({
      aggregate: 70,
      aggregateFrom: "SYT",
      reported: 1,
      outside: 1,
      note: "1 đơn vị báo cáo; lấy số của Sở Y tế; 1 đơn vị không được giao cũng báo cáo: không tính vào tổng hợp",
    });
    expect(c.units.map((u) => [u.code, u.indicatorsReported])).toEqual([
      ["STTTT", 1],
      ["SYT", 1],
    ]);
    const waiting = only(
      run(t, [received("STTTT", [{ indicatorId: "S", value: 99 }])], {
        units: [department, health2],
      }),
    );
    expect(waiting).toMatchObject({ aggregate: null, status: "no-data" });
    expect(waiting.note).toBe(
      "Đơn vị chủ trì (Sở Y tế) chưa báo cáo; 1 đơn vị không được giao cũng báo cáo: không tính vào tổng hợp",
    );
  });

  it("a single reporter without a lead: on a tie in receipt time, the unit listed first", () => {
    const t = templateOf([indicator("S", { aggregation: "single-reporter" })]);
    const ind = only(
      run(t, [
        received("Q-NK", [{ indicatorId: "S", value: 30 }]),
        received("STTTT", [{ indicatorId: "S", value: 20 }]),
      ]),
    );
    expect(ind).toMatchObject({ aggregate: 20, aggregateFrom: "STTTT" });
  });

  it("tells lead lists apart that join to the same text", () => {
    // ["Sở Y", " tế"] names two units that do not exist, not "Sở Y tế".
    const t = templateOf([
      indicator("A", { aggregation: "sum", reporters: "lead", lead: ["Sở Y tế"] }),
      indicator("B", { aggregation: "sum", reporters: "lead", lead: ["Sở Y", " tế"] }),
      indicator("C", { aggregation: "single-reporter", lead: ["Sở Y", " tế"] }),
    ]);
    const c = run(t, [received("SYT", [{ indicatorId: "C", value: 5 }])], { units: [health2] });
    expect(c.indicators.map((i) => [i.id, i.expected])).toEqual([
      ["A", 1],
      ["B", 0],
      ["C", 0],
    ]);
    expect(c.indicators[2]).toMatchObject({ reported: 0, outside: 1, aggregate: null });
  });

  it("of two receipts with the same revision, the later one is current and the earlier first", () => {
    const t = templateOf([indicator("M", {})]);
    const early = received("STTTT", [{ indicatorId: "M", value: 10 }], {
      receivedAt: "2025-12-02T09:00:00+07:00",
    });
    const late = received("STTTT", [{ indicatorId: "M", value: 20 }], {
      receivedAt: "2025-12-03T09:00:00+07:00",
    });
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const c = run(t, order);
      expect(only(c).aggregate).toBe(20);
      expect(c.units[0]).toMatchObject({
        revisions: 2,
        receivedAt: "2025-12-03T09:00:00+07:00",
        firstReceivedAt: "2025-12-02T09:00:00+07:00",
      });
    }
  });

  it("leaves out a stored percentage over 100 and a numerator over a denominator of 0", () => {
    // Validation refuses both today; a store may hold them from before. 150% is not a share, so
    // the mean is Q-NK's 60 alone; 5 of 0 is no ratio, so the sum is Q-NK's 30 of 60, 50%.
    const t = templateOf([
      indicator("M", {}),
      indicator("R", {
        aggregation: "ratio-of-sums",
        numeratorLabel: "Hồ sơ trực tuyến",
        denominatorLabel: "Hồ sơ",
      }),
    ]);
    const c = run(t, [
      received("STTTT", [
        { indicatorId: "M", value: 150 },
        { indicatorId: "R", numerator: 5, denominator: 0 },
      ]),
      received("Q-NK", [
        { indicatorId: "M", value: 60 },
        { indicatorId: "R", numerator: 30, denominator: 60 },
      ]),
    ]);
    expect(c.indicators.map((i) => [i.id, i.aggregate])).toEqual([
      ["M", 60],
      ["R", 50],
    ]);
    // Neither is a figure the unit gave: STTTT's row counts none, as the indicators' counts do.
    expect(c.indicators.map((i) => i.reported)).toEqual([1, 1]);
    expect(
      c.units.map((u) => [u.code, u.indicatorsReported, u.indicatorsRequiredReported]),
    ).toEqual([
      ["STTTT", 0, 0],
      ["Q-NK", 2, 2],
      ["X-AB", 0, 0],
    ]);
  });

  it("lists strays in code order, and only units that are not on the list", () => {
    const t = templateOf([indicator("M", {})]);
    const c = run(t, [
      received("X-ZZ", [{ indicatorId: "M", value: 1 }]),
      received("STTTT", [{ indicatorId: "M", value: 1 }]),
      received("X-AA", [{ indicatorId: "M", value: 1 }]),
      received("X-MM", [{ indicatorId: "M", value: 1 }]),
    ]);
    expect(c.strays.map((s) => s.unit)).toEqual(["X-AA", "X-MM", "X-ZZ"]);
  });

  it("is late from the very instant the deadline day begins", () => {
    const t = templateOf([indicator("M", {})]);
    const c = run(t, [
      received("STTTT", [{ indicatorId: "M", value: 90 }], {
        receivedAt: "2025-12-10T00:00:00.000+07:00",
      }),
    ]);
    expect(c.units[0]).toMatchObject({ timeliness: "late", daysLate: 1 });
  });

  it("counts a unit's reported tasks: only those it leads, only with a status", () => {
    const c = run(
      demo,
      [
        received("SYT", [], {
          planId: "demo",
          tasks: [
            { taskId: "NV-01", status: null, note: "chưa rõ" },
            { taskId: "NV-02", status: "in-progress" },
          ],
        }),
        received("STTTT", [], {
          planId: "demo",
          tasks: [
            { taskId: "NV-01", status: "done", completedOn: "2025-05-01" },
            { taskId: "NV-02", status: "done", completedOn: "2025-05-01" },
          ],
        }),
      ],
      { units: [department, health] },
    );
    expect(c.units.map((u) => [u.code, u.tasksLed, u.tasksReported])).toEqual([
      ["STTTT", 1, 1],
      ["SYT", 2, 1],
    ]);
    expect(c.summary).toMatchObject({ tasks: 2, tasksDone: 0 });
  });

  it("a budget line given only a note has no reporter", () => {
    const c = run(
      demo,
      [
        received("STTTT", [], {
          planId: "demo",
          budget: [
            { lineId: "KP-TONG", note: "chưa có số" },
            { lineId: "KP-SN", allocated: null, disbursed: null },
          ],
        }),
      ],
      { units: [department] },
    );
    expect(c.budget.map((b) => [b.id, b.allocated, b.disbursed, b.reporters])).toEqual([
      ["KP-TONG", 0, 0, 0],
      ["KP-DTPT", 0, 0, 0],
      ["KP-SN", 0, 0, 0],
    ]);
    expect(c.budget[0]?.byUnit["STTTT"]).toMatchObject({ note: "chưa có số", allocated: null });
  });
});

describe("consolidate: leads, ties, notes and stored oddities", () => {
  const health2: Unit = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" };

  it("of a budget line sent twice (stored before validation refused it), the last counts, as for indicators", () => {
    const c = run(
      demo,
      [
        received("STTTT", [], {
          planId: "demo",
          budget: [
            { lineId: "KP-TONG", allocated: 100_000, disbursed: 10_000 },
            { lineId: "KP-TONG", allocated: 200_000, disbursed: 150_000 },
            { lineId: "KP-KHAC", allocated: 5 },
          ],
        }),
      ],
      { units: [department] },
    );
    // 150,000 of 200,000 is 75%; the line KP-KHAC is no line of the plan's.
    expect(
      c.budget.map((b) => [b.id, b.allocated, b.disbursed, b.reporters, b.disbursementRate]),
    ).toEqual([
      ["KP-TONG", 200_000, 150_000, 1, 75],
      ["KP-DTPT", 0, 0, 0, null],
      ["KP-SN", 0, 0, 0, null],
    ]);
  });

  it("a lead-reported sum with a named lead adds only its leads' figures; another unit's is outside", () => {
    const t = templateOf([
      indicator("S", {
        aggregation: "sum",
        kind: "count",
        unit: "hệ thống",
        reporters: "lead",
        lead: ["Sở Y tế"],
      }),
    ]);
    const c = run(
      t,
      [
        received("STTTT", [{ indicatorId: "S", value: 3 }]),
        received("SYT", [{ indicatorId: "S", value: 4 }]),
      ],
      { units: [department, health2] },
    );
    expect(only(c)).toMatchObject({
      aggregate: 4,
      expected: 1,
      reported: 1,
      outside: 1,
      note: "1 đơn vị không được giao cũng báo cáo: không tính vào tổng hợp",
    });
    expect(only(c).byUnit["STTTT"]).toMatchObject({ value: 3, counted: false });
  });

  it("names every named lead that has not reported, separated by semicolons", () => {
    const t = templateOf([
      indicator("S", {
        aggregation: "single-reporter",
        lead: ["Sở Y tế", "Sở Thông tin và Truyền thông"],
      }),
    ]);
    expect(only(run(t, [], { units: [department, health2] })).note).toBe(
      "Đơn vị chủ trì (Sở Y tế; Sở Thông tin và Truyền thông) chưa báo cáo",
    );
  });

  it("a province-wide figure is said to be one shared figure, first, once a unit gave it", () => {
    const t = templateOf([
      indicator("DN", {
        aggregation: "single-reporter",
        kind: "count",
        unit: "doanh nghiệp",
        target: { op: ">=", value: 20, year: 2025 },
        provinceWide: true,
      }),
    ]);
    const given = only(run(t, [received("STTTT", [{ indicatorId: "DN", value: 25 }])]));
    expect(given).toMatchObject({ aggregate: 25, status: "met" });
    expect(given.note).toBe(
      "Chỉ tiêu toàn tỉnh: một số liệu chung, không cộng số của các đơn vị; 1 đơn vị báo cáo; lấy số của Sở Thông tin và Truyền thông",
    );
    expect(only(run(t, [])).note).toBe("");
  });

  it("after the district level ended, its decision follows the indicator's own note", () => {
    const t = templateOf([
      indicator("S", {
        aggregation: "single-reporter",
        lead: ["Sở Y tế"],
        districtLevel: { reportedBy: "none", reason: "Kế hoạch chỉ giao cấp huyện" },
      }),
    ]);
    const note =
      "Cấp huyện (từ 01/07/2025) / district level (from 1 July 2025): không còn báo cáo / no longer reported — Kế hoạch chỉ giao cấp huyện";
    const subs = [received("SYT", [{ indicatorId: "S", value: 70 }])];
    expect(only(run(t, subs, { units: [health2] })).note).toBe(
      `1 đơn vị báo cáo; lấy số của Sở Y tế; ${note}`,
    );
    // The decision follows the missing lead's note too; 2025-H1 closes before it applies.
    expect(only(run(t, [], { units: [department, health2] })).note).toBe(
      `Đơn vị chủ trì (Sở Y tế) chưa báo cáo; ${note}`,
    );
    const h1 = [received("SYT", [{ indicatorId: "S", value: 70 }], { period: "2025-H1" })];
    expect(only(run(t, h1, { units: [health2], period: "2025-H1" })).note).toBe(
      "1 đơn vị báo cáo; lấy số của Sở Y tế",
    );
  });

  it("on a complete tie (signed, stored and received at the same instant) the report listed first is current and first, as in the tracker", () => {
    const t = templateOf([indicator("M", {})]);
    const first = received("STTTT", [{ indicatorId: "M", value: 10 }]);
    // 02:00 UTC is 09:00 in Vietnam: the same instant as the first receipt, written otherwise.
    const second = received("STTTT", [{ indicatorId: "M", value: 20 }], {
      receivedAt: "2025-12-01T02:00:00Z",
    });
    const c = run(t, [first, second]);
    expect(only(c).aggregate).toBe(10);
    expect(c.units[0]).toMatchObject({
      submissionId: first.submission.submissionId,
      receivedAt: "2025-12-01T09:00:00+07:00",
      firstReceivedAt: "2025-12-01T09:00:00+07:00",
    });
  });

  it("the lowest revision is the first receipt, even where the tracker's clock put it after the next", () => {
    const t = templateOf([indicator("M", {})]);
    const c = run(t, [
      received("STTTT", [{ indicatorId: "M", value: 10 }], {
        revision: 1,
        receivedAt: "2025-12-10T09:00:00+07:00",
      }),
      received("STTTT", [{ indicatorId: "M", value: 20 }], {
        revision: 2,
        receivedAt: "2025-12-09T09:00:00+07:00",
      }),
    ]);
    expect(only(c).aggregate).toBe(20);
    expect(c.units[0]).toMatchObject({
      revision: 2,
      receivedAt: "2025-12-09T09:00:00+07:00",
      firstReceivedAt: "2025-12-10T09:00:00+07:00",
      timeliness: "late",
      daysLate: 1,
    });
  });

  it("a task status for a task the plan does not have is left out; each task keeps its group", () => {
    const c = run(
      demo,
      [
        received("STTTT", [], {
          planId: "demo",
          tasks: [
            { taskId: "NV-99", status: "done", completedOn: "2025-05-01" },
            { taskId: "NV-01", status: "done", completedOn: "2025-05-01" },
          ],
        }),
      ],
      { units: [department] },
    );
    expect(c.tasks.map((t) => [t.id, t.group, t.state])).toEqual([
      ["NV-01", "CQ-1", "done"],
      ["NV-02", null, "no-report"],
    ]);
  });
});
