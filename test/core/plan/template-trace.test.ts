// Tracing a template to its source: quotes must occur and carry the template's numbers.
import { describe, expect, it } from "vitest";
import { foldForQuote, numbersIn, traceTemplate } from "../../../src/core/plan/template-trace.js";
import { Template } from "../../../src/core/plan/template-schema.js";

const source =
  "Mục tiêu:\n+ Tối thiểu  80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến;\n" +
  "a) Tổng kinh phí thực hiện Đề án dự kiến khoảng  657.187.600.000  đồng, trong đó:\n" +
  "- Vốn đầu tư phát triển: 544.400.000.000 đồng;\n- Vốn sự nghiệp: 112.787.600.000 đồng;";

function template(quote: string, value: number) {
  return Template.parse({
    id: "t",
    version: 1,
    plan: {
      province: "P",
      issuer: "I",
      kind: "de-an",
      title: "T",
      horizon: 2030,
      sourceFile: "002_5ac897632a561e74.txt",
    },
    pillars: [{ id: "CQ", name: "Chính quyền số", groups: [{ id: "G", name: "g" }] }],
    indicators: [
      {
        id: "CQ-01",
        group: "G",
        name: "n",
        unit: "%",
        kind: "percent",
        target: { op: ">=", value, year: 2030 },
        aggregation: "mean",
        source: quote,
      },
    ],
    budget: {
      total: {
        id: "KP-TONG",
        label: "Tổng",
        amount: 657187600000,
        source: "khoảng 657.187.600.000 đồng",
      },
      parts: [
        {
          id: "KP-DTPT",
          label: "ĐTPT",
          amount: 544400000000,
          source: "Vốn đầu tư phát triển: 544.400.000.000 đồng",
        },
        {
          id: "KP-SN",
          label: "SN",
          amount: 112787600000,
          source: "Vốn sự nghiệp: 112.787.600.000 đồng",
        },
      ],
    },
  });
}

describe("numbersIn", () => {
  it("reads both number styles of the sources and decimal commas", () => {
    expect(numbersIn("657.187.600.000 và 150,327,674,000")).toEqual(
      new Set([657187600000, 150327674000]),
    );
    expect(numbersIn("12,5%").has(12.5)).toBe(true);
    expect(numbersIn("chợ 4.0").has(4)).toBe(true);
  });
});

describe("traceTemplate", () => {
  it("finds quotes despite doubled spaces and NFD in the source", () => {
    expect(
      traceTemplate(
        template("Tối thiểu 80% hồ sơ thủ tục hành chính", 80),
        source.normalize("NFD"),
      ),
    ).toEqual([]);
  });

  it("reports a quote that is not in the source", () => {
    const problems = traceTemplate(template("Tối thiểu 85% hồ sơ thủ tục hành chính", 85), source);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("$.indicators[0].source");
  });

  it("reports a target number that its quote does not state", () => {
    const problems = traceTemplate(template("Tối thiểu 80% hồ sơ thủ tục hành chính", 90), source);
    expect(problems[0]?.message).toMatch(/number 90/);
  });

  it("reports a budget amount that differs from its quote", () => {
    const t = template("Tối thiểu 80% hồ sơ", 80);
    t.budget!.parts[0]!.amount = 544400000001;
    expect(traceTemplate(t, source).map((p) => p.path)).toContain("$.budget.parts[0].source");
  });

  it("traces a target's year to the sentence that sets it, and a yearly target to 'hàng năm'", () => {
    const t = template("Tối thiểu 80% hồ sơ thủ tục hành chính", 80);
    const target = t.indicators[0]!.target!;
    target.year = 2025;
    target.yearSource = "Vốn sự nghiệp: 112.787.600.000 đồng";
    target.yearly = true;
    expect(traceTemplate(t, source).map((p) => [p.path, p.message.slice(0, 12)])).toEqual([
      ["$.indicators[0].target.yearSource", "số 2025 khôn"],
      ["$.indicators[0].target.yearly", "chỉ tiêu hàn"],
    ]);
    const withYear = `${source}\nThời gian hoàn thành: Trong tháng 12 năm 2025.`;
    target.yearSource = "Trong tháng 12 năm 2025";
    delete target.yearly;
    expect(traceTemplate(t, withYear)).toEqual([]);
  });
});

describe("foldForQuote", () => {
  it("composes accents, folds every run of spaces into one, and trims the ends", () => {
    expect(foldForQuote("  To\u0302\u0301i  thie\u0302\u0309u\u00a0\n80% ")).toBe("Tối thiểu 80%");
  });
});

describe("traceTemplate, every quote of the template", () => {
  const QUOTE = "Tối thiểu 80% hồ sơ thủ tục hành chính";

  it("says which quote is missing, in full", () => {
    expect(traceTemplate(template("Tối  thiểu 85% hồ sơ", 85), source)).toEqual([
      {
        path: "$.indicators[0].source",
        message:
          'trích dẫn không có trong văn bản nguồn / quote not found in the source: "Tối thiểu 85% hồ sơ"',
      },
    ]);
  });

  it("checks a range's upper end against its quote", () => {
    const t = template(QUOTE, 80);
    t.indicators[0]!.target = { op: "between", value: 80, max: 90, year: 2030 };
    expect(traceTemplate(t, source)).toEqual([
      {
        path: "$.indicators[0].source",
        message: `số 90 không có trong trích dẫn / number 90 is not in the quote: "${QUOTE}"`,
      },
    ]);
  });

  it("checks each level target's value, upper end and year sentence", () => {
    const t = template(QUOTE, 80);
    t.indicators[0]!.levelTargets = {
      district: { op: "between", value: 80, max: 95, year: 2030 },
      commune: {
        op: ">=",
        value: 70,
        year: 2030,
        yearSource: "Vốn sự nghiệp: 112.787.600.000 đồng",
      },
    };
    expect(traceTemplate(t, source).map((p) => [p.path, p.message.slice(0, 7)])).toEqual([
      ["$.indicators[0].source", "số 95 k"],
      ["$.indicators[0].source", "số 70 k"],
      ["$.indicators[0].levelTargets.commune.yearSource", "số 2030"],
    ]);
  });

  it("checks the tasks' quotes", () => {
    const t = template(QUOTE, 80);
    t.tasks = [
      {
        id: "NV-01",
        text: "Nâng cấp",
        lead: ["Sở A"],
        partners: [],
        deadline: null,
        source: "Xây dựng kho dữ liệu dùng chung",
      },
    ];
    expect(traceTemplate(t, source).map((p) => p.path)).toEqual(["$.tasks[0].source"]);
  });

  it("checks the budget total's amount against its quote", () => {
    const t = template(QUOTE, 80);
    t.budget!.total.amount = 657187600001;
    expect(traceTemplate(t, source)).toEqual([
      {
        path: "$.budget.total.source",
        message:
          'số 657187600001 không có trong trích dẫn / number 657187600001 is not in the quote: "khoảng 657.187.600.000 đồng"',
      },
    ]);
  });

  it("checks the reporting schedule's quotes", () => {
    const t = template(QUOTE, 80);
    t.reporting = {
      frequency: "yearly",
      unitDeadline: { month: 12, day: 10 },
      leadDeadline: { month: 12, day: 15 },
      leadUnit: "Sở A",
      source: ["Mục tiêu:", "trước ngày 10 tháng 12 hàng năm"],
    };
    expect(traceTemplate(t, source).map((p) => p.path)).toEqual(["$.reporting.source[1]"]);
  });
});
