// The years a plan covers: from the year it was signed to its horizon, or a decade back without a date.
import { describe, expect, it } from "vitest";
import { planYears, yearOf } from "../../../src/core/plan/plan-years.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { template } from "../../fixtures/template.js";

const withPlan = (plan: Partial<Template["plan"]>): Template => ({
  ...template,
  plan: { ...template.plan, ...plan },
});

describe("planYears", () => {
  it("runs from the year the plan was signed to its horizon", () => {
    expect(planYears(withPlan({ documentDate: "2022-03-15", horizon: 2030 }))).toEqual({
      first: 2022,
      last: 2030,
    });
  });

  it("without a signing date, starts ten years before the horizon", () => {
    expect(template.plan.documentDate).toBeUndefined();
    expect(planYears(template)).toEqual({ first: 2020, last: 2030 });
  });

  it("never starts after it ends, even when signed after its own horizon", () => {
    expect(planYears(withPlan({ documentDate: "2026-01-05", horizon: 2025 }))).toEqual({
      first: 2025,
      last: 2025,
    });
  });
});

describe("yearOf", () => {
  it.each([
    ["2025", 2025],
    ["2025-Q4", 2025],
    ["2024-H1", 2024],
  ])("%s belongs to %i", (period, year) => {
    expect(yearOf(period)).toBe(year);
  });
});

const planWith = (plan: Partial<typeof template.plan>) => ({
  ...template,
  plan: { ...template.plan, ...plan },
});

describe("planYears", () => {
  it("runs from the year the plan was signed to its horizon", () => {
    expect(planYears(planWith({ documentDate: "2021-09-15", horizon: 2025 }))).toEqual({
      first: 2021,
      last: 2025,
    });
  });

  it("starts a decade before the horizon when the signing date is unknown", () => {
    expect(planYears(planWith({ horizon: 2030 }))).toEqual({ first: 2020, last: 2030 });
  });

  it("never starts after the horizon", () => {
    expect(planYears(planWith({ documentDate: "2026-01-05", horizon: 2025 }))).toEqual({
      first: 2025,
      last: 2025,
    });
  });
});

describe("yearOf", () => {
  it.each([
    ["2025", 2025],
    ["2024-H2", 2024],
    ["2026-Q1", 2026],
  ])("%s belongs to %d", (period, year) => {
    expect(yearOf(period)).toBe(year);
  });
});
