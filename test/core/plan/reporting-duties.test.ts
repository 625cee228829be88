// Who must report what: the indicators a unit must fill and the tasks it leads, from the named leads.
import { describe, expect, it } from "vitest";
import { isRequiredOf, tasksOf } from "../../../src/core/plan/reporting-duties.js";
import { department, district, health, template } from "../../fixtures/template.js";

const indicator = (id: string) => template.indicators.find((i) => i.id === id)!;

describe("isRequiredOf", () => {
  it("binds every unit to a figure the units add up or average", () => {
    for (const unit of [department, district, health]) {
      expect(isRequiredOf(indicator("CQ-01"), unit)).toBe(true); // ratio of sums
      expect(isRequiredOf(indicator("CQ-02"), unit)).toBe(true); // mean
      expect(isRequiredOf(indicator("KT-01"), unit)).toBe(true); // sum
    }
  });

  it("binds nobody to a province-wide figure without a named lead", () => {
    for (const unit of [department, district, health])
      expect(isRequiredOf(indicator("KT-02"), unit)).toBe(false);
  });

  it("binds only the named lead to a figure its lead reports", () => {
    expect(isRequiredOf(indicator("XH-01"), health)).toBe(true);
    expect(isRequiredOf(indicator("XH-01"), department)).toBe(false);
    expect(isRequiredOf(indicator("XH-01"), district)).toBe(false);
  });
});

describe("tasksOf", () => {
  it("gives a unit the tasks it leads, in the plan's order, by name or by its kind", () => {
    expect(tasksOf(template, health).map((t) => t.id)).toEqual(["NV-01", "NV-02"]);
    expect(tasksOf(template, department).map((t) => t.id)).toEqual(["NV-01"]);
    expect(tasksOf(template, district)).toEqual([]);
  });
});
