// Sections I–IV of the report read off a consolidation: who reported, each indicator against its
// target, the tasks and the budget, in the report's words.
import { describe, expect, it } from "vitest";
import {
  budgetSection,
  implementationSection,
  indicatorSection,
  taskSection,
} from "../../../src/core/report/report-sections.js";
import type { Template } from "../../../src/core/plan/template-schema.js";
import { consolidated, received } from "../../fixtures/report-series.js";
import { department, district, health, template } from "../../fixtures/template.js";

const units = [department, health, district];
// Due "trước ngày 10 tháng 12": the department sends on the 5th; the district on the 12th at
// 10:00, 2 days 10 hours after 10 December began, so 3 days late; Sở Y tế sends nothing.
const stttt = received(template, department, "2025", "2025-12-05T10:00:00+07:00", {
  indicators: [{ indicatorId: "KT-01", value: 20 }],
  tasks: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-20" }],
  budget: [
    { lineId: "KP-TONG", allocated: 300_000, disbursed: 150_000 },
    { lineId: "KP-DTPT", allocated: 100_000, disbursed: 50_000 },
    { lineId: "KP-SN", allocated: 200_000, disbursed: 100_000 },
  ],
});
const qnk = received(template, district, "2025", "2025-12-12T10:00:00+07:00", {
  indicators: [{ indicatorId: "KT-01", value: 5 }],
});
const c2025 = consolidated(template, units, "2025", [stttt, qnk]);
const c2024 = consolidated(template, units, "2024", [
  received(template, department, "2024", "2024-12-05T10:00:00+07:00", {
    indicators: [{ indicatorId: "KT-01", value: 15 }],
  }),
]);

describe("implementationSection (I)", () => {
  it("counts and names who reported on time, late (by how many days) and not at all", () => {
    expect(implementationSection(c2025)).toEqual([
      { kind: "section", text: "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN" },
      {
        kind: "paragraph",
        text: "Số đơn vị phải báo cáo: 3; đã báo cáo: 2; chưa báo cáo: 1. Hạn gửi báo cáo của các đơn vị: trước ngày 10/12/2025.",
      },
      { kind: "item", text: "- Báo cáo đúng hạn (1): Sở Thông tin và Truyền thông." },
      { kind: "item", text: "- Báo cáo trễ hạn (1): UBND quận Ninh Kiều (trễ 3 ngày)." },
      { kind: "item", text: "- Chưa báo cáo (1): Sở Y tế." },
    ]);
  });

  it("names every late unit one after another, each with its days late", () => {
    // Due before 10 December: Sở Y tế sends on the 10th at 09:00 (1 day late), the district on the
    // 12th at 10:00 (3 days late).
    const syt = received(template, health, "2025", "2025-12-10T09:00:00+07:00");
    const blocks = implementationSection(consolidated(template, units, "2025", [stttt, syt, qnk]));
    expect(blocks.slice(2)).toEqual([
      { kind: "item", text: "- Báo cáo đúng hạn (1): Sở Thông tin và Truyền thông." },
      {
        kind: "item",
        text: "- Báo cáo trễ hạn (2): Sở Y tế (trễ 1 ngày); UBND quận Ninh Kiều (trễ 3 ngày).",
      },
    ]);
  });

  it("a quarter has no due date: who reported is listed undated, and units not on the list apart", () => {
    // The plans set only a yearly date, so a quarter's reports are neither on time nor late. Two
    // reports come from units the tracker does not list (Sở Xây dựng, Sở Giáo dục và Đào tạo).
    const outsider = (code: string, name: string) =>
      received(
        template,
        { code, name, kind: "department", level: "province" },
        "2025-Q3",
        "2025-10-05T10:00:00+07:00",
      );
    const blocks = implementationSection(
      consolidated(template, units, "2025-Q3", [
        received(template, department, "2025-Q3", "2025-10-03T10:00:00+07:00"),
        received(template, health, "2025-Q3", "2025-10-20T10:00:00+07:00"),
        outsider("SXD", "Sở Xây dựng"),
        outsider("SGDDT", "Sở Giáo dục và Đào tạo"),
      ]),
    );
    expect(blocks.slice(1)).toEqual([
      { kind: "paragraph", text: "Số đơn vị phải báo cáo: 3; đã báo cáo: 2; chưa báo cáo: 1." },
      { kind: "item", text: "- Đã báo cáo (2): Sở Thông tin và Truyền thông; Sở Y tế." },
      { kind: "item", text: "- Chưa báo cáo (1): UBND quận Ninh Kiều." },
      { kind: "item", text: "- Báo cáo của đơn vị ngoài danh sách (2): SGDDT; SXD." },
    ]);
  });

  it("says so when no unit has reported yet, dated the day it was written", () => {
    const none = consolidated(template, units, "2025", []);
    expect(implementationSection(none)[2]).toEqual({
      kind: "paragraph",
      text: "Đến ngày 14/12/2025, chưa có đơn vị nào gửi báo cáo năm 2025; các số liệu dưới đây sẽ được cập nhật khi các đơn vị gửi báo cáo.",
    });
  });
});

describe("indicatorSection (II)", () => {
  const kt01 = (blocks: ReturnType<typeof indicatorSection>) => {
    const table = blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    return { columns: table.columns.map((c) => c.label), row: table.rows[2]! };
  };

  it("without a previous period: no change column, and the paragraph says why", () => {
    const blocks = indicatorSection(c2025, null);
    expect(blocks[0]).toEqual({ kind: "section", text: "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" });
    const paragraph = blocks[1];
    expect(paragraph?.kind === "paragraph" && paragraph.text).toMatch(
      /^Trong 5 chỉ tiêu: .* Kỳ trước chưa có số liệu nên báo cáo không so sánh với kỳ trước\.$/u,
    );
    const { columns, row } = kt01(blocks);
    expect(columns).toEqual([
      "TT",
      "Chỉ tiêu",
      "Mục tiêu",
      "Kết quả",
      "Đánh giá",
      "Đơn vị chưa đạt",
    ]);
    // KT-01 is summed: 20 + 5 = 25 ≥ 20, met; the district's 5 misses its own 20.
    expect(row).toEqual([
      "3",
      "Doanh nghiệp công nghệ số (KT-01)",
      "≥ 20 doanh nghiệp (năm 2030)",
      "25 doanh nghiệp",
      "Đạt",
      "UBND quận Ninh Kiều",
    ]);
  });

  it("with a previous period: the change from it, signed", () => {
    const blocks = indicatorSection(c2025, c2024);
    const { row } = kt01(blocks);
    // 25 this year against 15 last year.
    expect(row[5]).toBe("+10 doanh nghiệp");
    const table = blocks[2];
    expect(table?.kind === "table" && table.columns).toEqual([
      { label: "TT", width: 6, align: "center" },
      { label: "Chỉ tiêu", width: 30, align: "left" },
      { label: "Mục tiêu", width: 14, align: "center" },
      { label: "Kết quả", width: 12, align: "right" },
      { label: "Đánh giá", width: 11, align: "center" },
      { label: "So với năm 2024", width: 12, align: "right" },
      { label: "Đơn vị chưa đạt", width: 15, align: "left" },
    ]);
  });

  it("names every unit below its own target, one after another", () => {
    // KT-01 at 20 per unit: Sở Y tế's 3 and the district's 5 both miss it; the department's 20 meets it.
    const syt = received(template, health, "2025", "2025-12-05T11:00:00+07:00", {
      indicators: [{ indicatorId: "KT-01", value: 3 }],
    });
    const { row } = kt01(
      indicatorSection(consolidated(template, units, "2025", [stttt, syt, qnk]), null),
    );
    expect(row.slice(3)).toEqual(["28 doanh nghiệp", "Đạt", "Sở Y tế; UBND quận Ninh Kiều"]);
  });

  it("a yes-no indicator's change is in words: unchanged, or the answer before and now", () => {
    const kt02 = (value: number, period: string, at: string) =>
      received(template, department, period, at, { indicators: [{ indicatorId: "KT-02", value }] });
    const change = (before: number, now: number) => {
      const table = indicatorSection(
        consolidated(template, units, "2025", [kt02(now, "2025", "2025-12-05T10:00:00+07:00")]),
        consolidated(template, units, "2024", [kt02(before, "2024", "2024-12-05T10:00:00+07:00")]),
      )[2];
      return table?.kind === "table" ? table.rows[3]?.[5] : undefined;
    };
    expect(change(0, 1)).toBe("Chưa → Có");
    expect(change(1, 1)).toBe("Không đổi");
    expect(change(0, 0)).toBe("Không đổi");
  });

  it("an indicator the previous period's template did not have compares with nothing: a dash", () => {
    // Last year's template had no KT-02 yet; this year the department reports it done.
    const before: Template = {
      ...template,
      indicators: template.indicators.filter((i) => i.id !== "KT-02"),
    };
    const c2024Without = consolidated(before, units, "2024", [
      received(before, department, "2024", "2024-12-05T10:00:00+07:00", {
        indicators: [{ indicatorId: "KT-01", value: 15 }],
      }),
    ]);
    const now = consolidated(template, units, "2025", [
      received(template, department, "2025", "2025-12-05T10:00:00+07:00", {
        indicators: [
          { indicatorId: "KT-01", value: 20 },
          { indicatorId: "KT-02", value: 1, evidence: "QĐ 123/QĐ-UBND" },
        ],
      }),
    ]);
    const table = indicatorSection(now, c2024Without)[2];
    expect(table?.kind === "table" && table.rows.map((r) => [r[3], r[5]])).toEqual([
      ["Chưa có số liệu", "—"],
      ["Chưa có số liệu", "—"],
      ["20 doanh nghiệp", "+5 doanh nghiệp"],
      ["Có", "—"],
      ["Chưa có số liệu", "—"],
    ]);
  });

  it("no change where either period has no figure: a dash, not a difference with nothing", () => {
    // 2024: only KT-02 (a yes-no) reported, done; 2025: only KT-01 reported.
    const only02 = consolidated(template, units, "2024", [
      received(template, department, "2024", "2024-12-05T10:00:00+07:00", {
        indicators: [{ indicatorId: "KT-02", value: 1 }],
      }),
    ]);
    const table = indicatorSection(c2025, only02)[2];
    const change = table?.kind === "table" ? table.rows.map((r) => r[5]) : [];
    expect(change).toEqual(["—", "—", "—", "—", "—"]);
  });

  it("every indicator's row: targets at each level, no figure in words, a dash where nothing compares", () => {
    const blocks = indicatorSection(c2025, c2024);
    // Only KT-01 was reported (20 + 5 = 25, met); with a previous period the paragraph ends there.
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text: "Trong 5 chỉ tiêu: đạt 1; chưa đạt 0; chưa có số liệu 4.",
    });
    const table = blocks[2];
    expect(table?.kind === "table" && table.rows).toEqual([
      [
        "1",
        "Hồ sơ TTHC xử lý trực tuyến (CQ-01)",
        "≥ 80% (năm 2030)",
        "Chưa có số liệu",
        "Chưa có số liệu",
        "—",
        "",
      ],
      [
        "2",
        "Hồ sơ công việc xử lý trên môi trường mạng (CQ-02)",
        "Tỉnh: ≥ 90%; Huyện: ≥ 80% (năm 2030)",
        "Chưa có số liệu",
        "Chưa có số liệu",
        "—",
        "",
      ],
      [
        "3",
        "Doanh nghiệp công nghệ số (KT-01)",
        "≥ 20 doanh nghiệp (năm 2030)",
        "25 doanh nghiệp",
        "Đạt",
        "+10 doanh nghiệp",
        "UBND quận Ninh Kiều",
      ],
      [
        "4",
        "Khu CNTT tập trung đi vào hoạt động (KT-02)",
        "Có (năm 2030)",
        "Chưa có số liệu",
        "Chưa có số liệu",
        "—",
        "",
      ],
      [
        "5",
        "Dân số có hồ sơ sức khỏe điện tử (XH-01)",
        "50% – 60% (năm 2030)",
        "Chưa có số liệu",
        "Chưa có số liệu",
        "—",
        "",
      ],
    ]);
  });
});

describe("taskSection (III)", () => {
  it("groups the tasks: an overdue one not done by every lead, one nobody reported", () => {
    // NV-01 (due 06/2025) is led by every department: STTTT is done, Sở Y tế never reported, so it
    // is still in progress, and overdue. NV-02 (recurring) is Sở Y tế's alone: no report.
    const blocks = taskSection(c2025);
    expect(blocks.slice(0, 2)).toEqual([
      { kind: "section", text: "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" },
      {
        kind: "paragraph",
        text: "Tổng số 2 nhiệm vụ: đã hoàn thành 0; đang thực hiện 0; quá hạn chưa hoàn thành 1; chưa triển khai hoặc chưa có báo cáo 1.",
      },
    ]);
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([
      "1. Nhiệm vụ đã hoàn thành (0)",
      "2. Nhiệm vụ đang thực hiện (0)",
      "3. Nhiệm vụ quá hạn chưa hoàn thành (1)",
      "4. Nhiệm vụ chưa triển khai hoặc chưa có báo cáo (1)",
    ]);
    expect(blocks.flatMap((b) => (b.kind === "table" ? b.rows : []))).toEqual([
      ["1", "Nâng cấp Hệ thống thông tin giải quyết TTHC (NV-01)", "Các Sở, ban, ngành", "06/2025"],
      ["1", "Triển khai hồ sơ sức khỏe điện tử (NV-02)", "Sở Y tế", "Thường xuyên"],
    ]);
  });

  it("a task done by every lead is done, one reported under way is in progress, empty groups say so", () => {
    // Both departments report NV-01 done before its deadline (06/2025); Sở Y tế has NV-02 under way.
    const syt = received(template, health, "2025", "2025-12-05T11:00:00+07:00", {
      tasks: [
        { taskId: "NV-01", status: "done", completedOn: "2025-05-25" },
        { taskId: "NV-02", status: "in-progress" },
      ],
    });
    const blocks = taskSection(consolidated(template, units, "2025", [stttt, syt]));
    expect(blocks.slice(1)).toEqual([
      {
        kind: "paragraph",
        text: "Tổng số 2 nhiệm vụ: đã hoàn thành 1; đang thực hiện 1; quá hạn chưa hoàn thành 0; chưa triển khai hoặc chưa có báo cáo 0.",
      },
      { kind: "heading", text: "1. Nhiệm vụ đã hoàn thành (1)" },
      {
        kind: "table",
        columns: [
          { label: "TT", width: 6, align: "center" },
          { label: "Nhiệm vụ", width: 52, align: "left" },
          { label: "Đơn vị chủ trì", width: 26, align: "left" },
          { label: "Thời hạn", width: 16, align: "center" },
        ],
        rows: [
          [
            "1",
            "Nâng cấp Hệ thống thông tin giải quyết TTHC (NV-01)",
            "Các Sở, ban, ngành",
            "06/2025",
          ],
        ],
      },
      { kind: "heading", text: "2. Nhiệm vụ đang thực hiện (1)" },
      expect.objectContaining({
        rows: [["1", "Triển khai hồ sơ sức khỏe điện tử (NV-02)", "Sở Y tế", "Thường xuyên"]],
      }),
      { kind: "heading", text: "3. Nhiệm vụ quá hạn chưa hoàn thành (0)" },
      { kind: "paragraph", text: "Không có." },
      { kind: "heading", text: "4. Nhiệm vụ chưa triển khai hoặc chưa có báo cáo (0)" },
      { kind: "paragraph", text: "Không có." },
    ]);
  });

  it("a task its lead reports not started is counted with those not started", () => {
    const syt = received(template, health, "2025", "2025-12-05T11:00:00+07:00", {
      tasks: [{ taskId: "NV-02", status: "not-started" }],
    });
    const blocks = taskSection(consolidated(template, units, "2025", [stttt, syt]));
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)[3]).toBe(
      "4. Nhiệm vụ chưa triển khai hoặc chưa có báo cáo (1)",
    );
    expect(blocks.at(-1)).toMatchObject({
      rows: [["1", "Triển khai hồ sơ sức khỏe điện tử (NV-02)", "Sở Y tế", "Thường xuyên"]],
    });
  });

  it("a task led by two units names both; one with no deadline says none is set", () => {
    // NV-03 has two named leads and no deadline in the plan; neither lead has reported on it.
    const shared: Template = {
      ...template,
      tasks: [
        {
          id: "NV-03",
          text: "Xây dựng kho dữ liệu dùng chung",
          lead: ["Sở Thông tin và Truyền thông", "Sở Y tế"],
          partners: [],
          deadline: null,
          source: "Sở Thông tin và Truyền thông, Sở Y tế xây dựng kho dữ liệu dùng chung",
        },
      ],
    };
    const blocks = taskSection(consolidated(shared, units, "2025", []));
    expect(blocks.flatMap((b) => (b.kind === "table" ? b.rows : []))).toEqual([
      [
        "1",
        "Xây dựng kho dữ liệu dùng chung (NV-03)",
        "Sở Thông tin và Truyền thông; Sở Y tế",
        "Không quy định",
      ],
    ]);
  });

  it("a plan without tasks says so", () => {
    const noTasks: Template = { ...template, tasks: [] };
    expect(taskSection(consolidated(noTasks, units, "2025", []))).toEqual([
      { kind: "section", text: "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" },
      { kind: "paragraph", text: "Kế hoạch không giao nhiệm vụ có đơn vị chủ trì và thời hạn." },
    ]);
  });
});

describe("budgetSection (IV)", () => {
  it("planned, allocated and disbursed per source, then the total, in đồng", () => {
    const blocks = budgetSection(c2025);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text: "Tổng kinh phí theo kế hoạch: 300.000 đồng; đã phân bổ: 300.000 đồng; đã giải ngân: 150.000 đồng (đạt 50% kinh phí đã phân bổ).",
    });
    const table = blocks[2];
    expect(table?.kind === "table" && table.rows).toEqual([
      ["Vốn đầu tư phát triển", "100.000", "100.000", "50.000", "50%"],
      ["Vốn sự nghiệp", "200.000", "200.000", "100.000", "50%"],
      ["Tổng kinh phí", "300.000", "300.000", "150.000", "50%"],
    ]);
  });

  it("the budget table's headings, widths and alignment: the source left, the amounts right", () => {
    const table = budgetSection(c2025)[2];
    expect(table?.kind === "table" && table.columns).toEqual([
      { label: "Nguồn kinh phí", width: 31, align: "left" },
      { label: "Kế hoạch (đồng)", width: 20, align: "right" },
      { label: "Đã phân bổ (đồng)", width: 19, align: "right" },
      { label: "Đã giải ngân (đồng)", width: 19, align: "right" },
      { label: "Tỷ lệ giải ngân", width: 11, align: "right" },
    ]);
  });

  it("with nothing allocated yet there is no rate: a dash, and the sentence ends without one", () => {
    const blocks = budgetSection(consolidated(template, units, "2025", []));
    expect(blocks.slice(1)).toEqual([
      {
        kind: "paragraph",
        text: "Tổng kinh phí theo kế hoạch: 300.000 đồng; đã phân bổ: 0 đồng; đã giải ngân: 0 đồng.",
      },
      expect.objectContaining({
        rows: [
          ["Vốn đầu tư phát triển", "100.000", "0", "0", "—"],
          ["Vốn sự nghiệp", "200.000", "0", "0", "—"],
          ["Tổng kinh phí", "300.000", "0", "0", "—"],
        ],
      }),
    ]);
  });

  it("a plan without a budget says so", () => {
    const { budget, ...noBudget } = template;
    expect(budget).toBeDefined();
    expect(budgetSection(consolidated(noBudget as Template, units, "2025", []))).toEqual([
      { kind: "section", text: "IV. KINH PHÍ THỰC HIỆN" },
      { kind: "paragraph", text: "Kế hoạch không quy định kinh phí thực hiện." },
    ]);
  });
});
