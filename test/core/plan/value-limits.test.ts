// Each quantity is bounded by what its kind can mean, in one table that validation and the sheet's
// data validation both read.
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../src/core/check/issues.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import type { SubmissionDraft } from "../../../src/core/check/submission-schema.js";
import { Template, type TemplateInput } from "../../../src/core/plan/template-schema.js";
import { validateDraft } from "../../../src/core/check/validate.js";
import { budgetLimit, indicatorLimit, valueLimits } from "../../../src/core/plan/value-limits.js";
import { department, now, template as demo, validDraft } from "../../fixtures/template.js";

type IndicatorInput = TemplateInput["indicators"][number];

const extra = (id: string, kind: IndicatorInput["kind"], more: Partial<IndicatorInput> = {}) => ({
  id,
  group: "KT-1",
  name: `Chỉ tiêu ${id}`,
  unit: kind === "rank" ? "hạng" : kind === "money" ? "đồng" : "%",
  kind,
  aggregation: "single-reporter" as const,
  target: { op: kind === "rank" ? ("<=" as const) : (">=" as const), value: 10, year: 2030 },
  source: "trích dẫn nguồn của chỉ tiêu",
  ...more,
});

/** The demo plan with one indicator of each kind it lacks. */
const template = Template.parse({
  ...demo,
  indicators: [
    ...demo.indicators,
    extra("RK-01", "rank"),
    extra("GR-01", "growth"),
    extra("RD-01", "reduction"),
    extra("MN-01", "money"),
  ],
});

function issuesOf(mutate: (d: SubmissionDraft) => void): Issue[] {
  const draft = validDraft();
  mutate(draft);
  return validateDraft(draft, { template, unit: department, now });
}
const rangeIssues = (issues: Issue[]) =>
  issues
    .filter((i) => i.code === "out-of-range" || i.code === "not-whole")
    .map((i) => [i.code, i.location.indicatorId ?? i.location.budgetLineId, i.location.field]);
const set = (d: SubmissionDraft, id: string, e: Partial<SubmissionDraft["indicators"][number]>) => {
  const found = d.indicators.find((x) => x.indicatorId === id);
  if (found) Object.assign(found, e);
  else d.indicators.push({ indicatorId: id, ...e });
};

describe("value limits by kind", () => {
  it("the valid report with figures at every limit passes", () => {
    const issues = issuesOf((d) => {
      set(d, "KT-01", { value: 1_000_000_000 });
      set(d, "CQ-01", { numerator: 1_000_000_000, denominator: 1_000_000_000 });
      set(d, "RK-01", { value: 63 });
      set(d, "GR-01", { value: -100 });
      set(d, "RD-01", { value: 100 });
      set(d, "MN-01", { value: 1e15 });
    });
    expect(rangeIssues(issues)).toEqual([]);
  });

  it("counts of people, documents and communes stop at a billion", () => {
    expect(rangeIssues(issuesOf((d) => set(d, "KT-01", { value: 1_000_000_001 })))).toEqual([
      ["out-of-range", "KT-01", "value"],
    ]);
  });

  it("a share's numerator and denominator are counts too: 1.7e308 and 1e300 are refused", () => {
    const issues = issuesOf((d) => set(d, "CQ-01", { numerator: 1.7e308, denominator: 1e300 }));
    expect(rangeIssues(issues)).toEqual([
      ["out-of-range", "CQ-01", "numerator"],
      ["out-of-range", "CQ-01", "denominator"],
    ]);
    expect(issues.find((i) => i.code === "out-of-range")?.message.vi).toContain("1.000.000.000");
  });

  it("a rank goes no further than the country's 63 provinces", () => {
    expect(rangeIssues(issuesOf((d) => set(d, "RK-01", { value: 64 })))).toEqual([
      ["out-of-range", "RK-01", "value"],
    ]);
  });

  it("growth cannot fall by more than all of it; a reduction cannot remove more than all", () => {
    expect(
      rangeIssues(
        issuesOf((d) => {
          set(d, "GR-01", { value: -101 });
          set(d, "RD-01", { value: 101 });
        }),
      ),
    ).toEqual([
      ["out-of-range", "GR-01", "value"],
      ["out-of-range", "RD-01", "value"],
    ]);
    expect(rangeIssues(issuesOf((d) => set(d, "GR-01", { value: 1e300 })))).toEqual([
      ["out-of-range", "GR-01", "value"],
    ]);
  });

  it("money is whole and below 10^15 đồng, so sums stay exact", () => {
    expect(rangeIssues(issuesOf((d) => set(d, "MN-01", { value: 2 ** 53 + 2 })))).toEqual([
      ["out-of-range", "MN-01", "value"],
    ]);
    expect(rangeIssues(issuesOf((d) => set(d, "MN-01", { value: 1.5 })))).toEqual([
      ["not-whole", "MN-01", "value"],
    ]);
  });

  it("a unit's budget line goes no further than the plan's whole budget", () => {
    const issues = issuesOf((d) => {
      d.budget[1]!.allocated = 300_001;
      d.budget[1]!.disbursed = 2 ** 53 + 2;
    });
    expect(rangeIssues(issues)).toEqual([
      ["out-of-range", "KP-DTPT", "allocated"],
      ["out-of-range", "KP-DTPT", "disbursed"],
    ]);
    expect(issues.find((i) => i.code === "out-of-range")?.message.vi).toContain("300.000");
  });

  it("NaN and ±Infinity from a hand-made draft are out of range, never passed over", () => {
    const issues = issuesOf((d) => {
      set(d, "CQ-02", { value: Number.NaN });
      set(d, "KT-01", { value: Number.POSITIVE_INFINITY });
      set(d, "CQ-01", { numerator: Number.NEGATIVE_INFINITY });
    });
    expect(rangeIssues(issues)).toEqual(
      expect.arrayContaining([
        ["out-of-range", "CQ-02", "value"],
        ["out-of-range", "KT-01", "value"],
        ["out-of-range", "CQ-01", "numerator"],
      ]),
    );
  });

  it("the sheet's data validation offers exactly the table's limits, field by field", () => {
    const layout = buildLayout(template, department, "2025");
    const ruled = layout.cells.filter((c) => c.validation && c.validation.type !== "list");
    expect(ruled.length).toBeGreaterThan(0);
    for (const cell of ruled) {
      const field = layout.fields.find((f) => f.row === cell.row && f.col === cell.col)!;
      const { ref } = field;
      // Task fields are a status list and a date, not quantities.
      if (ref.kind === "task") continue;
      const limit =
        ref.kind === "budget"
          ? budgetLimit(template)
          : indicatorLimit(
              template.indicators.find((i) => i.id === ref.id)!,
              ref.field as "value",
            );
      expect(cell.validation, field.address).toEqual({
        type: limit.whole ? "whole" : "decimal",
        min: limit.min,
        max: limit.max,
      });
    }
    expect(budgetLimit(template)).toEqual({ min: 0, max: 300_000, whole: true });
    expect(valueLimits.count).toEqual({ min: 0, max: 1_000_000_000, whole: true });
  });
});
