// The pairing of indicators that measure the same thing, held to the plans' own words, and the
// comparison rows made from each plan's consolidation.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import {
  comparisonTab,
  measureTableProblems,
  planComparison,
  type MeasureTable,
} from "../../../src/core/tracker/plan-comparison.js";
import { loadMeasureTables, loadSeedTemplates } from "../../../src/node/seeds.js";

const templates = loadSeedTemplates().templates;
const tables = loadMeasureTables(templates);
const table = tables.find((t) => t.id === "can-tho-2025")!;

function withMember(
  i: number,
  change: Partial<MeasureTable["measures"][number]["indicators"][number]>,
) {
  const measures = structuredClone(table.measures);
  Object.assign(measures[0]!.indicators[i]!, change);
  return { ...table, measures };
}

describe("the shipped measure tables", () => {
  it("pair only indicators whose sources hold the quotes, of one kind and unit", () => {
    expect(table.measures.length).toBeGreaterThan(3);
    expect(measureTableProblems(table, templates)).toEqual([]);
  });

  it("name a quote that is not in its indicator's source", () => {
    const problems = measureTableProblems(withMember(1, { quote: "tối thiểu 99%" }), templates);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("tối thiểu 99%");
  });

  it("name an indicator that does not exist, and one of another kind", () => {
    expect(measureTableProblems(withMember(1, { indicator: "CQ-99" }), templates)[0]).toContain(
      "CQ-99",
    );
    // can-tho-kh-2025 CQ-01 is a rank: it cannot measure what a percentage does.
    const rank = withMember(1, {
      indicator: "CQ-01",
      quote: "thuộc nhóm 10 tỉnh, thành phố thực hiện chuyển đổi số tốt",
    });
    expect(measureTableProblems(rank, templates).join()).toContain("kind or unit");
  });
});

describe("planComparison", () => {
  const now = new Date("2026-01-15T00:00:00+07:00");
  const consolidationOf = (id: string) =>
    consolidate({
      template: templates.find((t) => t.id === id)!,
      units: [],
      period: "2025",
      submissions: [],
      now,
    });

  it("makes a row only where two of the plans given share a measure, in their order", () => {
    const rows = planComparison(tables, [
      consolidationOf("hau-giang-190"),
      consolidationOf("can-tho-2256"),
    ]);
    const ids = rows.map((r) => r.measureId);
    expect(ids).toContain("ho-so-truc-tuyen-toan-trinh");
    expect(ids).toContain("sme-nen-tang-so");
    // Only the Cần Thơ kế hoạch and KH 190 have this one.
    expect(ids).not.toContain("dvc-toan-trinh");
    const row = rows.find((r) => r.measureId === "ho-so-truc-tuyen-toan-trinh")!;
    expect(row.byPlan.map((b) => [b.planId, b.indicatorId])).toEqual([
      ["hau-giang-190", "CQ-03"],
      ["can-tho-2256", "CQ-02"],
    ]);
    expect(planComparison(tables, [consolidationOf("can-tho-2256")])).toEqual([]);
  });

  it("lays the rows out as a tab, four columns per plan, blank where a plan lacks the measure", () => {
    const plans = ["can-tho-2256", "can-tho-kh-2025", "hau-giang-190"];
    const rows = planComparison(tables, plans.map(consolidationOf));
    const tab = comparisonTab(rows, plans, "2025");
    expect(tab.name).toBe("So sánh kế hoạch 2025");
    expect(tab.header).toHaveLength(3 + 4 * plans.length);
    const row = tab.rows.find((r) => r[0] === "dvc-toan-trinh")!;
    expect(row.slice(3, 7)).toEqual([null, null, null, null]);
    expect(row[7]).toBe("CQ-03 — Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình");
  });
});
