// The periods a report follows its indicators through: the same kind, from the plan's first year.
import { describe, expect, it } from "vitest";
import { periodsUpTo } from "../../../src/core/report/earlier-periods.js";
import { template } from "../../fixtures/template.js";

// Signed in 2024, so its periods start in 2024.
const signed2024 = { ...template, plan: { ...template.plan, documentDate: "2024-07-01" } };

describe("periodsUpTo", () => {
  it("years: from the plan's first year to the reported one, oldest first", () => {
    expect(periodsUpTo(signed2024, "2026")).toEqual(["2024", "2025", "2026"]);
  });

  it("quarters: every quarter from the first year's Q1", () => {
    expect(periodsUpTo(signed2024, "2025-Q2")).toEqual([
      "2024-Q1",
      "2024-Q2",
      "2024-Q3",
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
    ]);
  });

  it("halves, and a period in the first year itself", () => {
    expect(periodsUpTo(signed2024, "2025-H1")).toEqual(["2024-H1", "2024-H2", "2025-H1"]);
    expect(periodsUpTo(signed2024, "2024")).toEqual(["2024"]);
  });

  it("without a signing date, from a decade before the horizon (2020 for a 2030 plan)", () => {
    expect(periodsUpTo(template, "2021")).toEqual(["2020", "2021"]);
  });
});
