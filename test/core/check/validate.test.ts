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
import type { Template } from "../../../src/core/plan/template-schema.js";
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

describe("validateDraft: empty cells, edges, and what each finding says where", () => {
  const withNote = (note: string) => ({ note });
  const found = (issues: Issue[]) => issues.map((i) => [i.code, i.location, i.message.vi] as const);

  it("an emptied figure (null) counts as not reported", () => {
    expect(issuesOf((d) => (entry(d, "KT-01").value = null))).toEqual([
      {
        code: "required",
        severity: "error",
        location: { indicatorId: "KT-01", field: "value" },
        message: {
          vi: "Chưa nhập: đơn vị phải báo cáo chỉ tiêu này.",
          en: "Missing: this unit must report this indicator.",
        },
      },
    ]);
    // A share whose value cell was emptied is judged on its numerator and denominator: 85/100.
    expect(issuesOf((d) => (entry(d, "CQ-01").value = null))).toEqual([]);
  });

  it("half-ratio: either half alone is refused, naming the missing one in both languages", () => {
    expect(issuesOf((d) => (entry(d, "CQ-01").denominator = null))).toEqual([
      {
        code: "half-ratio",
        severity: "error",
        location: { indicatorId: "CQ-01", field: "denominator" },
        message: {
          vi: "Thiếu mẫu số: tử số và mẫu số phải nhập cùng nhau.",
          en: "Missing the denominator: numerator and denominator go together.",
        },
      },
    ]);
    // Without a numerator there is no figure at all: required, and the half named.
    expect(issuesOf((d) => delete entry(d, "CQ-01").numerator)).toEqual([
      expect.objectContaining({ code: "required" }),
      {
        code: "half-ratio",
        severity: "error",
        location: { indicatorId: "CQ-01", field: "numerator" },
        message: {
          vi: "Thiếu tử số: tử số và mẫu số phải nhập cùng nhau.",
          en: "Missing the numerator: numerator and denominator go together.",
        },
      },
    ]);
  });

  it("zero-denominator names the denominator; the numerator above it is named too", () => {
    expect(found(issuesOf((d) => (entry(d, "CQ-01").denominator = 0)))).toEqual([
      [
        "zero-denominator",
        { indicatorId: "CQ-01", field: "denominator" },
        "Mẫu số bằng 0 trong khi tử số đã nhập.",
      ],
      [
        "numerator-exceeds-denominator",
        { indicatorId: "CQ-01", field: "numerator" },
        "Tử số (85) lớn hơn mẫu số (0).",
      ],
    ]);
  });

  it("numerator-exceeds-denominator: equal is a full 100%; above it is refused, naming both", () => {
    expect(
      issuesOf((d) => Object.assign(entry(d, "CQ-01"), { numerator: 100, denominator: 100 })),
    ).toEqual([]);
    const issues = issuesOf((d) =>
      Object.assign(entry(d, "CQ-01"), { numerator: 120, denominator: 100 }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      {
        vi: "Tử số (120) lớn hơn mẫu số (100).",
        en: "Numerator (120) is greater than denominator (100).",
      },
    ]);
  });

  it("a quotient of another kind than percent is not scaled, and may exceed 1", () => {
    // 50 enterprises over 2 years: 25 a year, reported as 25.
    expect(
      issuesOf((d) =>
        Object.assign(entry(d, "KT-01"), { value: 25, numerator: 50, denominator: 2 }),
      ),
    ).toEqual([]);
  });

  it("value-mismatch: names the value and the quotient to two decimals", () => {
    expect(issuesOf((d) => (entry(d, "CQ-01").value = 90))).toEqual([
      {
        code: "value-mismatch",
        severity: "error",
        location: { indicatorId: "CQ-01", field: "value" },
        message: {
          vi: "Giá trị 90 không khớp tử số/mẫu số (85,00).",
          en: "Value 90 does not match numerator/denominator (85,00).",
        },
      },
    ]);
  });

  it("value-mismatch: half a unit of the last decimal written is the officer's rounding", () => {
    // 5/6 = 83,333…%
    const share = (value: number) =>
      codes(
        issuesOf((d) => Object.assign(entry(d, "CQ-01"), { numerator: 5, denominator: 6, value })),
      );
    for (const value of [83, 83.3, 83.33]) expect(share(value), String(value)).toEqual([]);
    for (const value of [84, 83.5, 83.4, 83.34])
      expect(share(value), String(value)).toEqual(["value-mismatch"]);
    // 7/8 = 87,5% exactly: 87 and 88 are both half a unit away, and both accepted.
    const eighths = (value: number) =>
      codes(
        issuesOf((d) => Object.assign(entry(d, "CQ-01"), { numerator: 7, denominator: 8, value })),
      );
    expect(eighths(87)).toEqual([]);
    expect(eighths(88)).toEqual([]);
    expect(eighths(89)).toEqual(["value-mismatch"]);
  });

  it("not-whole names the value; a fraction beyond the range is named only as out of range", () => {
    expect(found(issuesOf((d) => (entry(d, "KT-01").value = 20.5)))).toEqual([
      ["not-whole", { indicatorId: "KT-01", field: "value" }, "Giá trị 20,5 phải là số nguyên."],
    ]);
    // −1,5 also misses the target of 20.
    expect(codes(issuesOf((d) => (entry(d, "KT-01").value = -1.5)))).toEqual([
      "out-of-range",
      "explanation-required",
    ]);
    expect(codes(issuesOf((d) => (entry(d, "KT-01").value = 1_000_000_000.5)))).toEqual([
      "out-of-range",
    ]);
  });

  it("text-too-long: 4,000 characters fit; 4,001 are refused where the text is", () => {
    const fits = "a".repeat(4000);
    expect(
      issuesOf((d) => {
        Object.assign(entry(d, "CQ-02"), withNote(fits));
        d.tasks[0]!.note = fits;
        d.budget[2]!.note = fits;
      }),
    ).toEqual([]);
    const long = "a".repeat(4001);
    const message = "Văn bản dài 4.001 ký tự, quá giới hạn 4.000 ký tự: hãy rút gọn.";
    expect(
      found(
        issuesOf((d) => {
          entry(d, "CQ-02").evidence = long;
          d.tasks[0]!.note = long;
          d.budget[2]!.note = long;
        }),
      ),
    ).toEqual([
      ["text-too-long", { indicatorId: "CQ-02", field: "evidence" }, message],
      ["text-too-long", { taskId: "NV-01", field: "note" }, message],
      ["text-too-long", { budgetLineId: "KP-SN", field: "note" }, message],
    ]);
  });

  it("a note or evidence of only spaces counts as empty", () => {
    expect(
      codes(issuesOf((d) => Object.assign(entry(d, "CQ-02"), { value: 85, note: "  \n " }))),
    ).toEqual(["explanation-required"]);
    expect(codes(issuesOf((d) => (entry(d, "KT-02").evidence = " ")))).toEqual([
      "evidence-required",
    ]);
  });

  it("evidence is not asked of an indicator left blank", () => {
    // KT-02 has one reporter, so a department may leave it blank.
    expect(
      issuesOf((d) => (d.indicators = d.indicators.filter((e) => e.indicatorId !== "KT-02"))),
    ).toEqual([]);
  });

  it("done-without-date and completion-in-future point at the completion date", () => {
    expect(issuesOf((d) => delete d.tasks[0]!.completedOn)).toEqual([
      {
        code: "done-without-date",
        severity: "error",
        location: { taskId: "NV-01", field: "completedOn" },
        message: {
          vi: "Nhiệm vụ đã hoàn thành cần có ngày hoàn thành.",
          en: "A done task needs a completion date.",
        },
      },
    ]);
    expect(issuesOf((d) => (d.tasks[0]!.completedOn = "2025-12-02"))).toEqual([
      {
        code: "completion-in-future",
        severity: "error",
        location: { taskId: "NV-01", field: "completedOn" },
        message: {
          vi: "Ngày hoàn thành 02/12/2025 ở tương lai (hôm nay 01/12/2025).",
          en: "Completion date 02/12/2025 is in the future (today is 01/12/2025).",
        },
      },
    ]);
  });

  it("date-without-done and task-overdue point at the status; overdue names the deadline", () => {
    expect(found(issuesOf((d) => (d.tasks[0]!.status = "in-progress")))).toEqual([
      [
        "date-without-done",
        { taskId: "NV-01", field: "status" },
        "Có ngày hoàn thành nhưng trạng thái chưa là Hoàn thành.",
      ],
      [
        "task-overdue",
        { taskId: "NV-01", field: "status" },
        "Nhiệm vụ quá hạn (hạn tháng 6/2025) mà chưa hoàn thành.",
      ],
    ]);
  });

  it("a status given for a task the unit does not lead is still checked", () => {
    // NV-02 is led by Sở Y tế, not this department.
    expect(found(issuesOf((d) => d.tasks.push({ taskId: "NV-02", status: "done" })))).toEqual([
      [
        "done-without-date",
        { taskId: "NV-02", field: "completedOn" },
        "Nhiệm vụ đã hoàn thành cần có ngày hoàn thành.",
      ],
    ]);
  });

  it("budget-parts-sum: a line or a figure left out is not counted, and without a total nothing is compared", () => {
    const byId = (d: SubmissionDraft, id: string) => d.budget.find((e) => e.lineId === id)!;
    // No total line: the parts have nothing to add up to.
    expect(issuesOf((d) => (d.budget = d.budget.filter((e) => e.lineId !== "KP-TONG")))).toEqual(
      [],
    );
    // The total alone: no part was reported.
    expect(issuesOf((d) => (d.budget = [byId(d, "KP-TONG")]))).toEqual([]);
    // One part left out: the other carries the whole total.
    expect(
      issuesOf((d) => {
        d.budget = [
          { lineId: "KP-TONG", allocated: 100_000, disbursed: 50_000 },
          { lineId: "KP-DTPT", allocated: 100_000, disbursed: 50_000 },
        ];
      }),
    ).toEqual([]);
    // An emptied allocation: the other part carries the allocated total, and an amount disbursed
    // against no allocation is not "more than allocated".
    expect(
      issuesOf((d) => {
        d.budget = [
          { lineId: "KP-TONG", allocated: 300_000, disbursed: 250_000 },
          { lineId: "KP-DTPT", allocated: null, disbursed: 50_000 },
          { lineId: "KP-SN", allocated: 300_000, disbursed: 200_000 },
        ];
      }),
    ).toEqual([]);
  });

  it("disbursed-exceeds-allocated names both amounts at the disbursed figure", () => {
    const issues = issuesOf((d) => {
      d.budget[0]!.disbursed = 350_000;
      d.budget[2]!.disbursed = 300_000;
    });
    expect(found(issues.filter((i) => i.code === "disbursed-exceeds-allocated"))).toEqual([
      [
        "disbursed-exceeds-allocated",
        { budgetLineId: "KP-TONG", field: "disbursed" },
        "Đã giải ngân (350.000 đồng) nhiều hơn đã bố trí (300.000 đồng).",
      ],
      [
        "disbursed-exceeds-allocated",
        { budgetLineId: "KP-SN", field: "disbursed" },
        "Đã giải ngân (300.000 đồng) nhiều hơn đã bố trí (200.000 đồng).",
      ],
    ]);
  });

  it("a template without a budget knows no budget line", () => {
    const noBudget: Template = { ...template };
    delete noBudget.budget;
    const check = (d: SubmissionDraft) =>
      validateDraft(d, { template: noBudget, unit: department, now });
    expect(check({ ...validDraft(), budget: [] })).toEqual([]);
    expect(found(check(validDraft()))).toEqual(
      ["KP-TONG", "KP-DTPT", "KP-SN"].map((id) => [
        "unknown-budget-line",
        { budgetLineId: id, field: "allocated" },
        `Biểu mẫu không có dòng kinh phí "${id}".`,
      ]),
    );
  });

  it("unknown and duplicate entries are named, each where it was written", () => {
    const issues = issuesOf((d) => {
      d.indicators.push({ indicatorId: "ZZ-99", value: 1 }, { indicatorId: "KT-01", value: 25 });
      d.tasks.push({ taskId: "NV-99", status: "done", completedOn: "2025-01-01" });
      d.budget.push({ lineId: "KP-X", allocated: 1 });
    });
    expect(found(issues)).toEqual([
      [
        "unknown-indicator",
        { indicatorId: "ZZ-99", field: "value" },
        'Biểu mẫu không có chỉ tiêu "ZZ-99".',
      ],
      [
        "duplicate-entry",
        { indicatorId: "KT-01", field: "value" },
        '"KT-01" được báo cáo hai lần.',
      ],
      ["unknown-task", { taskId: "NV-99", field: "status" }, 'Biểu mẫu không có nhiệm vụ "NV-99".'],
      [
        "unknown-budget-line",
        { budgetLineId: "KP-X", field: "allocated" },
        'Biểu mẫu không có dòng kinh phí "KP-X".',
      ],
    ]);
  });

  it("template-mismatch and template-version name what was found and what was expected", () => {
    expect(issuesOf((d) => (d.planId = "other"))).toEqual([
      {
        code: "template-mismatch",
        severity: "error",
        location: { field: "template" },
        message: {
          vi: 'Trang này thuộc biểu mẫu "other", không phải "demo".',
          en: 'This sheet belongs to template "other", not "demo".',
        },
      },
    ]);
    expect(issuesOf((d) => (d.templateVersion = 2))).toEqual([
      {
        code: "template-version",
        severity: "error",
        location: { field: "version" },
        message: {
          vi: "Biểu mẫu phiên bản 2 đã cũ; phiên bản hiện hành là 3. Hãy tải biểu mẫu mới (số liệu đã nhập được giữ lại).",
          en: "Template version 2 is outdated; the current version is 3. Load the new template (entered figures are kept).",
        },
      },
    ]);
  });
});
