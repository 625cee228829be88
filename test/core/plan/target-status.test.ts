// Targets: which one applies at a level, whether a value meets it (at its edges too), and how it
// reads in a cell.
import { describe, expect, it } from "vitest";
import {
  describeAllTargets,
  describeTarget,
  meets,
  statusOf,
  targetFor,
} from "../../../src/core/plan/target-status.js";
import type { Indicator, Target } from "../../../src/core/plan/template-schema.js";
import { template } from "../../fixtures/template.js";

const t = (op: Target["op"], value: number, max?: number): Target => ({
  op,
  value,
  year: 2030,
  ...(max === undefined ? {} : { max }),
});
const base = template.indicators[1]!;
const indicator = (over: Partial<Indicator>): Indicator => ({ ...base, ...over });

describe("meets", () => {
  it.each([
    [">=", 80, 80, true],
    [">=", 80, 79.99, false],
    [">=", 80, 81, true],
    [">", 80, 80, false],
    [">", 80, 80.01, true],
    ["<=", 10, 10, true],
    ["<=", 10, 10.01, false],
    ["<", 10, 10, false],
    ["<", 10, 9.99, true],
    ["=", 1, 1, true],
    ["=", 1, 0, false],
    ["=", 1, 2, false],
  ] as const)("%s %d with %d: %s", (op, target, value, met) => {
    expect(meets(t(op, target), value)).toBe(met);
  });

  it("forgives only the last bits of a float: 0.1 + 0.2 meets = 0.3, 0.3 + 1e-6 does not", () => {
    expect(meets(t("=", 0.3), 0.1 + 0.2)).toBe(true);
    expect(meets(t(">=", 0.3), 0.1 + 0.2 - 1e-12)).toBe(true);
    expect(meets(t("<=", 0.3), 0.3 + 1e-12)).toBe(true);
    expect(meets(t(">", 0.3), 0.3 + 1e-12)).toBe(false);
    expect(meets(t("<", 0.3), 0.3 - 1e-12)).toBe(false);
    expect(meets(t("=", 0.3), 0.3 + 1e-6)).toBe(false);
    expect(meets(t(">=", 0.3), 0.3 - 1e-6)).toBe(false);
    expect(meets(t("<=", 0.3), 0.3 + 1e-6)).toBe(false);
    expect(meets(t(">", 0.3), 0.3 + 1e-6)).toBe(true);
    expect(meets(t("<", 0.3), 0.3 - 1e-6)).toBe(true);
  });

  it("counts a value exactly at the tolerance's edge as the target itself", () => {
    // 1e-9 is the whole tolerance: at 0, a value of ±1e-9 is equal to the target, so it meets
    // >=, <= and =, and is neither above nor below it.
    const edge = 1e-9;
    expect(meets(t(">=", 0), -edge)).toBe(true);
    expect(meets(t("<=", 0), edge)).toBe(true);
    expect(meets(t("=", 0), edge)).toBe(true);
    expect(meets(t("=", 0), -edge)).toBe(true);
    expect(meets(t(">", 0), edge)).toBe(false);
    expect(meets(t("<", 0), -edge)).toBe(false);
    expect(meets(t("between", 0, 1), -edge)).toBe(true);
    expect(meets(t("between", 0, 1), 1 + edge)).toBe(true);
  });

  it("between: both ends included, nothing outside", () => {
    const range = t("between", 50, 60);
    expect([49.99, 50, 55, 60, 60.01].map((v) => meets(range, v))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    // A range without its upper end is the single value.
    expect([49, 50, 51].map((v) => meets(t("between", 50), v))).toEqual([false, true, false]);
  });
});

describe("targetFor and statusOf", () => {
  const levelled = indicator({
    target: t(">=", 70),
    levelTargets: { province: t(">=", 90), district: t(">=", 80) },
  });

  it("takes the level's own target where there is one, the plan-wide one elsewhere", () => {
    expect(targetFor(levelled, "province")).toEqual(t(">=", 90));
    expect(targetFor(levelled, "district")).toEqual(t(">=", 80));
    expect(targetFor(levelled, "commune")).toEqual(t(">=", 70));
    expect(targetFor(indicator({ target: undefined, levelTargets: undefined }), "commune")).toBe(
      undefined,
    );
  });

  it("judges a value at the unit's level", () => {
    expect(statusOf(levelled, "province", 85)).toBe("not-met");
    expect(statusOf(levelled, "district", 85)).toBe("met");
    expect(statusOf(levelled, "commune", 70)).toBe("met");
    expect(statusOf(levelled, "commune", 69)).toBe("not-met");
  });

  it("has no data without a value or without a target", () => {
    expect(statusOf(levelled, "province", null)).toBe("no-data");
    expect(statusOf(levelled, "province", undefined)).toBe("no-data");
    expect(statusOf(indicator({ target: undefined, levelTargets: undefined }), "province", 5)).toBe(
      "no-data",
    );
    // 0 is a value, not a missing one.
    expect(
      statusOf(indicator({ target: t("<=", 0), levelTargets: undefined }), "province", 0),
    ).toBe("met");
  });
});

describe("describeTarget and describeAllTargets", () => {
  it.each([
    [{ unit: "%" }, t(">=", 80), "≥ 80%"],
    [{ unit: "%" }, t(">", 50), "> 50%"],
    [{ unit: "%" }, t("<=", 10), "≤ 10%"],
    [{ unit: "%" }, t("<", 5), "< 5%"],
    [{ unit: "%" }, t("=", 100), "= 100%"],
    [{ unit: "%" }, t(">=", 12.5), "≥ 12,5%"],
    [{ unit: "%" }, t("between", 50, 60), "50% – 60%"],
    [{ unit: "%" }, t("between", 50), "50% – 50%"],
    [{ unit: "hạng", kind: "rank" }, t("<=", 10), "≤ 10 hạng"],
    [{ unit: "doanh nghiệp", kind: "count" }, t(">=", 1200), "≥ 1.200 doanh nghiệp"],
    [{ unit: "có/không", kind: "yes-no" }, t("=", 1), "Có"],
  ] as const)("%j with %j reads %j", (over, target, text) => {
    expect(describeTarget(indicator(over), target)).toBe(text);
  });

  it("is empty without a target", () => {
    expect(describeTarget(indicator({}), undefined)).toBe("");
  });

  it("writes out every level's target, or the plan-wide one", () => {
    expect(
      describeAllTargets(
        indicator({
          levelTargets: { province: t(">=", 90), district: t(">=", 80), commune: t(">=", 60) },
        }),
      ),
    ).toBe("Tỉnh: ≥ 90%; Huyện: ≥ 80%; Xã: ≥ 60%");
    expect(describeAllTargets(indicator({ target: t(">", 50), levelTargets: undefined }))).toBe(
      "> 50%",
    );
    expect(describeAllTargets(indicator({ target: undefined, levelTargets: undefined }))).toBe("");
  });
});
