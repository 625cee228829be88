// The pairing of indicators that measure the same thing, held to the plans' own words, and the
// comparison rows made from each plan's consolidation.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import {
  comparisonTab,
  measureTableProblems,
  planComparison,
  type ComparisonRow,
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

describe("measureTableProblems", () => {
  const member = (plan: string, indicator: string, quote: string) => ({ plan, indicator, quote });
  const sme = [
    member("can-tho-2256", "KT-03", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số"),
    // Case and runs of spaces do not matter: the quote is the plan's words, however pasted.
    member("hau-giang-190", "KT-03", "TỶ LỆ DOANH NGHIỆP  nhỏ và vừa"),
  ];
  const measure = (id: string, indicators: ReturnType<typeof member>[]) => ({
    id,
    name: "Doanh nghiệp nhỏ và vừa dùng nền tảng số",
    why: "Cùng đếm doanh nghiệp / both count businesses",
    indicators,
  });

  it("names each problem with its table and measure, in Vietnamese and English", () => {
    const made: MeasureTable = {
      id: "bang-thu",
      title: "Bảng thử",
      measures: [
        measure("sme", sme),
        measure("sme", sme),
        measure("khong-co", [sme[0]!, member("ha-noi-2030", "CQ-01", "hồ sơ")]),
        measure("mot-ke-hoach", [
          member(
            "can-tho-2256",
            "CQ-02",
            "hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
          ),
          member("can-tho-2256", "CQ-03", "được triển khai thanh toán trực tuyến"),
        ]),
      ],
    };
    expect(measureTableProblems(made, templates)).toEqual([
      "bang-thu › sme: mã lặp lại / id used twice",
      "bang-thu › khong-co: không có chỉ tiêu ha-noi-2030 CQ-01 / no such indicator",
      "bang-thu › mot-ke-hoach: hai chỉ tiêu của cùng kế hoạch / two indicators of one plan",
    ]);
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

  it("sets each plan's target beside the others, every level's where the plan sets levels", () => {
    const plans = ["can-tho-2256", "can-tho-kh-2025", "hau-giang-190"];
    const row = planComparison(tables, plans.map(consolidationOf)).find(
      (r) => r.measureId === "ho-so-cong-viec-moi-truong-mang",
    )!;
    const levels = "Tỉnh: ≥ 90%; Huyện: ≥ 80%; Xã: ≥ 60%";
    const name = "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng";
    expect(row.byPlan).toEqual([
      {
        planId: "can-tho-2256",
        indicatorId: "CQ-07",
        indicatorName: "Hồ sơ công việc được xử lý trên môi trường mạng",
        targetText: "≥ 100%",
        aggregate: null,
        status: "no-data",
      },
      {
        planId: "can-tho-kh-2025",
        indicatorId: "CQ-09",
        indicatorName: name,
        targetText: levels,
        aggregate: null,
        status: "no-data",
      },
      {
        planId: "hau-giang-190",
        indicatorId: "CQ-07",
        indicatorName: name,
        targetText: levels,
        aggregate: null,
        status: "no-data",
      },
    ]);
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

describe("comparisonTab", () => {
  it("is keyed by measure, with a label and a key for each of a plan's four columns", () => {
    const rows: ComparisonRow[] = [
      {
        measureId: "ho-so-truc-tuyen-toan-trinh",
        name: "Hồ sơ trực tuyến toàn trình",
        why: "Cùng đếm hồ sơ / both count files",
        // Listed in another order than the plans: each lands under its own plan's columns.
        byPlan: [
          {
            planId: "hau-giang-190",
            indicatorId: "CQ-03",
            indicatorName: "Tỷ lệ hồ sơ trực tuyến toàn trình",
            targetText: "≥ 60%",
            aggregate: 62.5,
            status: "met",
          },
          {
            planId: "can-tho-2256",
            indicatorId: "CQ-02",
            indicatorName: "Hồ sơ TTHC được xử lý hoàn toàn trực tuyến",
            targetText: "≥ 80%",
            aggregate: 62.5,
            status: "not-met",
          },
        ],
      },
    ];
    expect(
      comparisonTab(rows, ["can-tho-2256", "hau-giang-190", "can-tho-kh-2025"], "2025-H1"),
    ).toEqual({
      key: "comparison",
      name: "So sánh kế hoạch 2025-H1",
      header: [
        "Mã phép đo",
        "Cùng đo",
        "Vì sao cùng đo",
        "can-tho-2256: chỉ tiêu",
        "can-tho-2256: mục tiêu",
        "can-tho-2256: kết quả",
        "can-tho-2256: đánh giá",
        "hau-giang-190: chỉ tiêu",
        "hau-giang-190: mục tiêu",
        "hau-giang-190: kết quả",
        "hau-giang-190: đánh giá",
        "can-tho-kh-2025: chỉ tiêu",
        "can-tho-kh-2025: mục tiêu",
        "can-tho-kh-2025: kết quả",
        "can-tho-kh-2025: đánh giá",
      ],
      columns: [
        "measureId",
        "name",
        "why",
        "plan:can-tho-2256",
        "target:can-tho-2256",
        "aggregate:can-tho-2256",
        "status:can-tho-2256",
        "plan:hau-giang-190",
        "target:hau-giang-190",
        "aggregate:hau-giang-190",
        "status:hau-giang-190",
        "plan:can-tho-kh-2025",
        "target:can-tho-kh-2025",
        "aggregate:can-tho-kh-2025",
        "status:can-tho-kh-2025",
      ],
      keyColumns: ["measureId"],
      rows: [
        [
          "ho-so-truc-tuyen-toan-trinh",
          "Hồ sơ trực tuyến toàn trình",
          "Cùng đếm hồ sơ / both count files",
          "CQ-02 — Hồ sơ TTHC được xử lý hoàn toàn trực tuyến",
          "≥ 80%",
          62.5,
          "Chưa đạt",
          "CQ-03 — Tỷ lệ hồ sơ trực tuyến toàn trình",
          "≥ 60%",
          62.5,
          "Đạt",
          null,
          null,
          null,
          null,
        ],
      ],
    });
  });
});
