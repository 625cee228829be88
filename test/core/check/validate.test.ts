// One test per validation rule: the valid report passes, one planted fault is found where it is.
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../src/core/check/issues.js";
import { catalogue } from "../../../src/core/check/messages.js";
import type { SubmissionDraft } from "../../../src/core/check/submission-schema.js";
import {
  budgetLineRules,
  budgetRules,
  indicatorRules,
  taskRules,
  validateDraft,
} from "../../../src/core/check/validate.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import {
  department,
  district,
  health,
  now,
  template,
  validDraft,
} from "../../fixtures/template.js";

function issuesOf(
  mutate: (d: SubmissionDraft) => void,
  unit: Unit = department,
  at: Date = now,
): Issue[] {
  const draft = validDraft();
  mutate(draft);
  return validateDraft(draft, { template, unit, now: at });
}
const codes = (issues: Issue[]) => issues.map((i) => i.code);
const entry = (d: SubmissionDraft, id: string) => d.indicators.find((e) => e.indicatorId === id)!;

describe("validateDraft", () => {
  it("passes the valid report with no issue at all", () => {
    expect(issuesOf(() => {})).toEqual([]);
  });

  it("period-outside-plan: a year far from the plan's is refused, naming the plan's years", () => {
    // The demo plan gives no signing date: its years run a decade back from its horizon, 2030.
    for (const period of ["2000", "2099", "2019-Q4", "2031"]) {
      const issues = issuesOf((d) => (d.period = period));
      expect(issues, period).toEqual([
        expect.objectContaining({
          code: "period-outside-plan",
          severity: "error",
          location: { field: "period" },
        }),
      ]);
      expect(issues[0]!.message.vi).toContain("2020–2030");
      expect(issues[0]!.message.en).toContain(period);
    }
    for (const period of ["2020", "2025-H1", "2030-Q4"])
      expect(codes(issuesOf((d) => (d.period = period))), period).toEqual([]);
    // A plan signed on a known date starts that year.
    const signed = { ...template, plan: { ...template.plan, documentDate: "2024-10-14" } };
    const draft = { ...validDraft(), period: "2023" };
    expect(
      validateDraft(draft, { template: signed, unit: department, now })[0]?.message.en,
    ).toContain("2024–2030");
  });

  it("required: a unit must report what applies to it", () => {
    const issues = issuesOf(
      (d) => (d.indicators = d.indicators.filter((e) => e.indicatorId !== "KT-01")),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: "required",
        severity: "error",
        location: { indicatorId: "KT-01", field: "value" },
      }),
    ]);
  });

  it("required: a lead-only indicator binds its lead, not others", () => {
    expect(codes(issuesOf(() => {}, department))).not.toContain("required");
    const forHealth = issuesOf((d) => (d.unit = "SYT"), health);
    expect(forHealth.find((i) => i.location.indicatorId === "XH-01")?.code).toBe("required");
  });

  it("out-of-range: a percentage above 100, a negative count, a rank below 1", () => {
    const issues = issuesOf((d) => {
      entry(d, "CQ-02").value = 120;
      entry(d, "KT-01").value = -1;
    });
    expect(
      issues.filter((i) => i.code === "out-of-range").map((i) => i.location.indicatorId),
    ).toEqual(["CQ-02", "KT-01"]);
    expect(issues[0]?.message.vi).toContain("120");
  });

  it("out-of-range: negative numerator", () => {
    const issues = issuesOf((d) => (entry(d, "CQ-01").numerator = -5));
    expect(issues.find((i) => i.code === "out-of-range")?.location.field).toBe("numerator");
  });

  it("not-whole: counts are whole", () => {
    expect(codes(issuesOf((d) => (entry(d, "KT-01").value = 20.5)))).toContain("not-whole");
  });

  it("half-ratio: numerator without denominator", () => {
    const issues = issuesOf((d) => delete entry(d, "CQ-01").denominator);
    expect(issues.find((i) => i.code === "half-ratio")?.location.field).toBe("denominator");
  });

  it("ratio-parts-required: a share consolidated as a ratio needs its numerator and denominator", () => {
    const issues = issuesOf((d) => (d.indicators[0] = { indicatorId: "CQ-01", value: 85 }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "ratio-parts-required",
        location: { indicatorId: "CQ-01", field: "numerator" },
      }),
    ]);
  });

  it("zero-denominator", () => {
    expect(codes(issuesOf((d) => (entry(d, "CQ-01").denominator = 0)))).toContain(
      "zero-denominator",
    );
  });

  it("numerator-exceeds-denominator", () => {
    const issues = issuesOf((d) =>
      Object.assign(entry(d, "CQ-01"), { numerator: 120, denominator: 100 }),
    );
    expect(issues.find((i) => i.code === "numerator-exceeds-denominator")?.location).toEqual({
      indicatorId: "CQ-01",
      field: "numerator",
    });
  });

  it("value-mismatch: value must equal numerator/denominator within rounding", () => {
    expect(codes(issuesOf((d) => (entry(d, "CQ-01").value = 85)))).not.toContain("value-mismatch");
    expect(
      codes(
        issuesOf((d) =>
          Object.assign(entry(d, "CQ-01"), { numerator: 2, denominator: 3, value: 66.7 }),
        ),
      ),
    ).toEqual(["explanation-required"]);
    expect(codes(issuesOf((d) => (entry(d, "CQ-01").value = 90)))).toContain("value-mismatch");
  });

  it("explanation-required: a missed target needs a note, at the unit's level", () => {
    const issues = issuesOf((d) => (entry(d, "CQ-02").value = 85));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "explanation-required",
        location: { indicatorId: "CQ-02", field: "note" },
      }),
    ]);
    expect(issues[0]?.message.vi).toContain("≥ 90%");
    // 85 meets the district's 80.
    expect(
      codes(issuesOf((d) => ((d.unit = "Q-NK"), (entry(d, "CQ-02").value = 85)), district)),
    ).not.toContain("explanation-required");
    expect(
      codes(
        issuesOf((d) => Object.assign(entry(d, "CQ-02"), { value: 85, note: "Do thiếu nhân lực" })),
      ),
    ).toEqual([]);
  });

  it("explanation-required: 'between' is missed above its range too", () => {
    const issues = issuesOf(
      (d) => d.indicators.push({ indicatorId: "XH-01", value: 65 }),
      department,
    );
    expect(issues.find((i) => i.location.indicatorId === "XH-01")?.code).toBe(
      "explanation-required",
    );
  });

  it("evidence-required: a milestone reported done needs evidence", () => {
    const issues = issuesOf((d) => delete entry(d, "KT-02").evidence);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "evidence-required",
        location: { indicatorId: "KT-02", field: "evidence" },
      }),
    ]);
    expect(
      codes(
        issuesOf((d) =>
          Object.assign(entry(d, "KT-02"), { value: 0, evidence: undefined, note: "Chưa xong" }),
        ),
      ),
    ).toEqual([]);
  });

  it("task-status-required: a task the unit leads needs a status", () => {
    const issues = issuesOf((d) => (d.tasks = []));
    expect(codes(issues)).toContain("task-status-required");
    expect(issues.find((i) => i.code === "task-status-required")?.location).toEqual({
      taskId: "NV-01",
      field: "status",
    });
  });

  it("done-without-date", () => {
    expect(codes(issuesOf((d) => delete d.tasks[0]!.completedOn))).toEqual(["done-without-date"]);
  });

  it("completion-in-future, judged by Vietnam's calendar", () => {
    expect(codes(issuesOf((d) => (d.tasks[0]!.completedOn = "2025-12-02")))).toEqual([
      "completion-in-future",
    ]);
    // 1 Dec 2025 10:00 in Vietnam: the 1st is today, not the future.
    expect(codes(issuesOf((d) => (d.tasks[0]!.completedOn = "2025-12-01")))).toEqual([]);
    // 30 Nov 20:00 UTC is already 1 Dec in Vietnam.
    expect(
      codes(
        issuesOf(
          (d) => (d.tasks[0]!.completedOn = "2025-12-01"),
          department,
          new Date("2025-11-30T20:00:00Z"),
        ),
      ),
    ).toEqual([]);
  });

  it("date-without-done is a warning", () => {
    const issues = issuesOf((d) => (d.tasks[0]!.status = "in-progress"));
    expect(issues.find((i) => i.code === "date-without-done")?.severity).toBe("warning");
  });

  it("task-overdue: past its month and not done is a warning", () => {
    const issues = issuesOf((d) => (d.tasks[0] = { taskId: "NV-01", status: "in-progress" }));
    expect(issues).toEqual([
      expect.objectContaining({ code: "task-overdue", severity: "warning" }),
    ]);
    // In June 2025 the task is not yet overdue.
    expect(
      codes(
        issuesOf(
          (d) => (d.tasks[0] = { taskId: "NV-01", status: "in-progress" }),
          department,
          new Date("2025-06-30T16:00:00Z"),
        ),
      ),
    ).toEqual([]);
    // 1 July 00:30 in Vietnam is past June.
    expect(
      codes(
        issuesOf(
          (d) => (d.tasks[0] = { taskId: "NV-01", status: "in-progress" }),
          department,
          new Date("2025-06-30T17:30:00Z"),
        ),
      ),
    ).toEqual(["task-overdue"]);
  });

  it("budget-parts-sum: parts add up to the total, per column", () => {
    const issues = issuesOf((d) => (d.budget[1]!.allocated = 90_000));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "budget-parts-sum",
        location: { budgetLineId: "KP-TONG", field: "allocated" },
      }),
    ]);
    expect(issues[0]?.message.vi).toContain("290.000");
  });

  it("disbursed-exceeds-allocated is a warning", () => {
    const issues = issuesOf((d) => {
      d.budget[0]!.disbursed = 350_000;
      d.budget[2]!.disbursed = 300_000;
    });
    expect(
      issues
        .filter((i) => i.code === "disbursed-exceeds-allocated")
        .map((i) => [i.location.budgetLineId, i.severity]),
    ).toEqual([
      ["KP-TONG", "warning"],
      ["KP-SN", "warning"],
    ]);
  });

  it("unknown-indicator, unknown-task, unknown-budget-line, duplicate-entry", () => {
    const issues = issuesOf((d) => {
      d.indicators.push({ indicatorId: "ZZ-99", value: 1 }, { indicatorId: "KT-01", value: 25 });
      d.tasks.push({ taskId: "NV-99", status: "done", completedOn: "2025-01-01" });
      d.budget.push({ lineId: "KP-X", allocated: 1 });
    });
    expect(codes(issues).sort()).toEqual([
      "duplicate-entry",
      "unknown-budget-line",
      "unknown-indicator",
      "unknown-task",
    ]);
  });

  it("template-mismatch and template-version stop the check", () => {
    expect(codes(issuesOf((d) => (d.planId = "other")))).toEqual(["template-mismatch"]);
    expect(codes(issuesOf((d) => (d.templateVersion = 2)))).toEqual(["template-version"]);
  });

  it("every message has Vietnamese and English text, and every rule's code is in the catalogue", () => {
    for (const [code, spec] of Object.entries(catalogue)) {
      const params = {
        input: "x",
        found: 1,
        expected: 2,
        value: 3,
        range: "0 – 100",
        readings: "1234",
        numerator: 1,
        denominator: 2,
        missing: "a",
        missingEn: "b",
        computed: 4,
        sum: 5,
        total: 6,
        disbursed: 7,
        allocated: 8,
        date: "d",
        today: "t",
        deadline: "2025-06",
        count: 2,
        ids: "CQ-02, KT-01",
        target: "≥ 80%",
        id: "X",
        length: 5000,
        max: 4000,
        submittedAt: "s",
        now: "n",
        period: "2099",
        first: 2024,
        last: 2030,
        unit: "U",
        from: "2025-07-01",
        ended: "2025-06-30",
        successors: "S",
      };
      expect(spec.vi(params).length, code).toBeGreaterThan(10);
      expect(spec.en(params).length, code).toBeGreaterThan(10);
      expect(spec.vi(params)).not.toContain("undefined");
    }
    for (const rule of [...indicatorRules, ...taskRules, ...budgetRules, ...budgetLineRules]) {
      expect(catalogue).toHaveProperty(rule.code);
    }
  });
});
