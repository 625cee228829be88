// The tracker's tabs: fixed headers, one log row per reported value, and text that never turns into a formula.
import { beforeEach, describe, expect, it } from "vitest";
import type { Consolidation, ReceivedSubmission } from "../../../src/core/tracker/consolidate.js";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import type { SubmissionInput } from "../../../src/core/check/submission-schema.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import {
  budgetTab,
  consolidatedTab,
  unitValuesTab,
  indicatorCatalogueTab,
  quotedCell,
  rawCell,
  rowKeyOf,
  safeCell,
  submissionLogTab,
  tabGrid,
  tasksTab,
  timelinessTab,
  trackerTabs,
  unitIndicatorKey,
  unitsTab,
  valueRowKey,
} from "../../../src/core/tracker/tracker-tabs.js";
import {
  TRACKER_TAB_ORDER,
  TRACKER_TABS,
  type TrackerTab,
} from "../../../src/core/tracker/tracker-tab-layout.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { department, district, health, now, template } from "../../fixtures/template.js";

const numericCommune: Unit = {
  code: "31117",
  name: "Phường Tân An",
  kind: "commune",
  level: "commune",
};
const units = [department, health, district, numericCommune];

let sequence = 0;
function received(
  unit: string,
  body: Partial<
    Pick<SubmissionInput, "indicators" | "tasks" | "budget" | "period" | "planId" | "submittedAt">
  >,
  revision = 1,
  receivedAt = "2025-12-01T09:00:00+07:00",
): ReceivedSubmission {
  sequence++;
  return {
    submission: Submission.parse({
      submissionId: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
      planId: "demo",
      templateVersion: 3,
      unit,
      period: "2025",
      submittedAt: "2025-12-01T09:00:00+07:00",
      indicators: [],
      ...body,
    }),
    revision,
    receivedAt,
  };
}

const first = received(
  "STTTT",
  {
    indicators: [
      { indicatorId: "CQ-01", numerator: 85, denominator: 100 },
      { indicatorId: "CQ-02", value: 95, note: '=HYPERLINK("http://x")' },
      { indicatorId: "KT-02", value: 1, evidence: "@QĐ 123" },
      { indicatorId: "KT-01", note: "-chưa thống kê" },
    ],
    tasks: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-20" }],
    budget: [{ lineId: "KP-TONG", allocated: 300_000, disbursed: 250_000 }],
  },
  1,
  "2025-12-09T23:30:00+07:00",
);
const second = received(
  "STTTT",
  { indicators: [{ indicatorId: "CQ-01", numerator: 90, denominator: 100 }] },
  2,
  "2025-12-11T08:00:00+07:00",
);
const commune = received(
  "31117",
  { indicators: [{ indicatorId: "CQ-01", numerator: 7, denominator: 10 }] },
  1,
  "2025-12-10T00:10:00+07:00",
);
const stray = received("X-LA", { indicators: [{ indicatorId: "KT-01", value: 4 }] });
const otherPlan = received("STTTT", { planId: "khac" });
const submissions = [second, commune, first, stray, otherPlan];
// Built in a hook, not at load: what a test checks is computed while the test runs (a mutation
// tester switches the code under test on per test).
let consolidation: Consolidation;
beforeEach(() => {
  consolidation = consolidate({ template, units, period: "2025", submissions, now });
});

const column = (t: TrackerTab, key: string) => {
  const i = t.columns.indexOf(key);
  return t.rows.map((r) => r[i]);
};

describe("tracker tabs: fixed shape", () => {
  it("has the same tabs, names and headers everywhere", () => {
    const tabs = trackerTabs({ template, consolidation, submissions });
    expect(tabs.map((t) => t.name)).toEqual([
      "Chỉ tiêu",
      "Đơn vị",
      "Nhật ký nộp",
      "Tổng hợp 2025",
      "Số liệu đơn vị 2025",
      "Nhiệm vụ",
      "Tiến độ nộp",
      "Kinh phí",
    ]);
    expect(tabs.map((t) => t.key)).toEqual(TRACKER_TAB_ORDER);
    const headers = Object.fromEntries(tabs.map((t) => [t.key, t.header]));
    expect(headers).toEqual({
      indicators: [
        "Mã chỉ tiêu",
        "Trụ cột",
        "Nhóm",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Loại chỉ tiêu",
        "Cách tổng hợp",
        "Đơn vị báo cáo",
        "Đơn vị chủ trì",
        "Mục tiêu",
        "Năm mục tiêu",
        "Tử số",
        "Mẫu số",
        "Mốc so sánh",
        "Cần minh chứng",
        "Không bao gồm",
        "Trích văn bản",
        "Ghi chú",
      ],
      units: [
        "Kỳ báo cáo",
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Cấp",
        "Tình trạng nộp",
        "Lần nộp hiện hành",
        "Thời điểm nhận (lần hiện hành)",
        "Số chỉ tiêu phải báo cáo",
        "Số chỉ tiêu bắt buộc đã báo cáo",
        "Tổng số chỉ tiêu đã báo cáo",
        "Số nhiệm vụ chủ trì",
        "Số nhiệm vụ đã báo cáo",
      ],
      submissions: [
        "Thời điểm nhận",
        "Mã lần nộp",
        "Lần nộp",
        "Hiệu lực",
        "Mã đơn vị",
        "Kỳ báo cáo",
        "Loại mục",
        "Mã mục",
        "Trường",
        "Giá trị",
        "Ghi chú",
        "Phiên bản biểu mẫu",
      ],
      consolidated: [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Cách tổng hợp",
        "Mục tiêu kế hoạch",
        "Kết quả tổng hợp",
        "Đánh giá",
        "Số đơn vị phải báo cáo",
        "Số đơn vị đã báo cáo",
        "Ghi chú",
      ],
      unitValues: [
        "Mã đơn vị",
        "Tên đơn vị",
        "Cấp",
        "CQ-01 — Hồ sơ TTHC xử lý trực tuyến",
        ...template.indicators.slice(1).map((i) => `${i.id} — ${i.name}`),
      ],
      tasks: [
        "Kỳ báo cáo",
        "Mã nhiệm vụ",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời hạn",
        "Tình trạng",
        "Quá hạn",
        "Số đơn vị chủ trì",
        "Hoàn thành",
        "Đang thực hiện",
        "Chưa thực hiện",
        "Chưa báo cáo",
        "Đơn vị chưa hoàn thành",
      ],
      timeliness: [
        "Kỳ báo cáo",
        "Hạn nộp",
        "Mã đơn vị",
        "Tên đơn vị",
        "Tình trạng",
        "Nhận lần đầu",
        "Nhận lần hiện hành",
        "Lần nộp hiện hành",
        "Số lần nộp",
        "Số ngày trễ",
      ],
      budget: [
        "Kỳ báo cáo",
        "Mã",
        "Nội dung",
        "Loại",
        "Kế hoạch (đồng)",
        "Đã bố trí (đồng)",
        "Đã giải ngân (đồng)",
        "Số đơn vị báo cáo",
        "Tỷ lệ giải ngân (%)",
      ],
    });
    for (const t of tabs) {
      expect(new Set(t.columns).size).toBe(t.columns.length);
      expect(t.columns).toHaveLength(t.header.length);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
      for (const k of t.keyColumns) expect(t.columns).toContain(k);
    }
  });

  it("keeps a machine key per column, indicators keyed by id in the unit values tab", () => {
    const t = unitValuesTab(consolidation);
    expect(t.columns).toEqual([
      "unitCode",
      "unitName",
      "level",
      ...template.indicators.map((i) => `indicator:${i.id}`),
    ]);
    expect(TRACKER_TABS.consolidated.columns.map((c) => c.key)).toEqual(
      consolidatedTab(consolidation).columns,
    );
  });

  it("grows by rows as units are added, never by columns", () => {
    const many = Array.from({ length: 3321 }, (_, i) => ({
      ...numericCommune,
      code: String(30000 + i),
    }));
    const c = consolidate({ template, units: many, period: "2025", submissions: [], now });
    const tabs = trackerTabs({ template, consolidation: c, submissions: [] });
    for (const t of tabs) expect(t.header.length, t.name).toBeLessThanOrEqual(20);
    expect(unitValuesTab(c).rows).toHaveLength(3321);
    expect(consolidatedTab(c).rows).toHaveLength(template.indicators.length);
  });
});

describe("tracker tabs: contents", () => {
  it("catalogue: one row per indicator with every level's target", () => {
    const t = indicatorCatalogueTab(template);
    expect(column(t, "indicatorId")).toEqual(["CQ-01", "CQ-02", "KT-01", "KT-02", "XH-01"]);
    expect(column(t, "target")[1]).toBe("Tỉnh: ≥ 90%; Huyện: ≥ 80%");
    expect(column(t, "evidenceRequired")[3]).toBe("Có");
    expect(column(t, "lead")[4]).toBe("Sở Y tế");
  });

  it("units: completeness per unit, then strays", () => {
    const t = unitsTab(consolidation);
    expect(column(t, "unitCode")).toEqual(["STTTT", "SYT", "Q-NK", "31117", "X-LA"]);
    expect(column(t, "status")).toEqual([
      "Đúng hạn",
      "Chưa nộp",
      "Chưa nộp",
      "Trễ hạn",
      "Không có trong danh sách đơn vị",
    ]);
    expect(column(t, "revision")[0]).toBe(2);
  });

  it("consolidated: aggregate, target and status in words, a row per indicator", () => {
    const t = consolidatedTab(consolidation);
    const cq01 = t.rows[0]!;
    // (90 + 7) / (100 + 10): the STTTT figure is revision 2's.
    expect(cq01).toEqual([
      "CQ-01",
      "Hồ sơ TTHC xử lý trực tuyến",
      "%",
      "Tỷ lệ trên tổng (Σ tử số / Σ mẫu số)",
      "≥ 80%",
      (97 / 110) * 100,
      "Đạt",
      4,
      2,
      "",
    ]);
    expect(column(t, "status")).toEqual([
      "Đạt",
      "Chưa có số liệu",
      "Chưa có số liệu",
      "Chưa có số liệu",
      "Chưa có số liệu",
    ]);
  });

  it("unit values: a row per listed unit, its value for every indicator", () => {
    const t = unitValuesTab(consolidation);
    expect(column(t, "unitCode")).toEqual(["STTTT", "SYT", "Q-NK", "31117"]);
    expect(column(t, "level")).toEqual(["Cấp tỉnh", "Cấp tỉnh", "Cấp huyện", "Cấp xã"]);
    expect(column(t, "indicator:CQ-01")).toEqual([90, null, null, 70]);
  });

  it("timeliness: the deadline and each unit's state in Vietnamese", () => {
    const t = timelinessTab(consolidation);
    expect(column(t, "due")[0]).toBe("Trước 10/12/2025");
    expect(column(t, "status")).toEqual(["Đúng hạn", "Chưa nộp", "Chưa nộp", "Trễ hạn"]);
    expect(column(t, "daysLate")).toEqual([null, null, null, 1]);
    expect(column(t, "firstReceivedAt")[0]).toBe("2025-12-09T23:30:00+07:00");
    const quarter = consolidate({ template, units, period: "2025-Q4", submissions: [], now });
    expect(column(timelinessTab(quarter), "due")[0]).toBe("Không có hạn");
  });

  it("tasks and budget follow the consolidation", () => {
    const tasks = tasksTab(consolidation);
    // Revision 2 of STTTT carries no task status, so NV-01 has no report any more.
    expect(column(tasks, "state")).toEqual(["Chưa báo cáo", "Chưa báo cáo"]);
    expect(column(tasks, "overdue")).toEqual(["Quá hạn", null]);
    expect(column(tasks, "deadline")).toEqual(["Tháng 6/2025", "Thường xuyên"]);
    expect(column(tasks, "details")[0]).toBe(
      "Sở Thông tin và Truyền thông (Chưa báo cáo); Sở Y tế (Chưa báo cáo)",
    );
    const budget = budgetTab(consolidation);
    expect(column(budget, "lineId")).toEqual(["KP-TONG", "KP-DTPT", "KP-SN"]);
    expect(column(budget, "role")).toEqual(["Tổng", "Thành phần", "Thành phần"]);
  });
});

describe("tracker tabs: submission log", () => {
  let log: TrackerTab;
  beforeEach(() => {
    log = submissionLogTab(template, submissions);
  });

  it("logs each written section of a unit's narrative as a row of its own, text as written", () => {
    const withNarrative = received("SYT", {
      indicators: [{ indicatorId: "CQ-02", value: 95 }],
    });
    withNarrative.submission.narrative = {
      assessment: "Hoàn thành phần lớn chỉ tiêu.\nCòn CQ-01.",
      difficulties: "=SUM(A1) thiếu nhân lực",
      proposals: "",
    };
    const t = submissionLogTab(template, [withNarrative]);
    expect(
      t.rows.map((r) =>
        ["itemKind", "itemId", "field", "value"].map((k) => r[t.columns.indexOf(k)]),
      ),
    ).toEqual([
      ["Chỉ tiêu", "CQ-02", "Giá trị", 95],
      [
        "Thuyết minh",
        "",
        "Đánh giá kết quả thực hiện",
        "Hoàn thành phần lớn chỉ tiêu.\nCòn CQ-01.",
      ],
      ["Thuyết minh", "", "Khó khăn, vướng mắc", "=SUM(A1) thiếu nhân lực"],
    ]);
    // What a parsing writer (Apps Script setValues) receives keeps the "=" as text.
    expect(tabGrid(t, "parsed").flat()).toContain("'=SUM(A1) thiếu nhân lực");
  });

  it("has one row per reported value of every revision of this plan, in order of receipt", () => {
    // first: 2 + 1 + 2 + 1 (note only) + 2 (task) + 2 (budget); commune 2; second 2; stray 1.
    expect(log.rows).toHaveLength(10 + 2 + 2 + 1);
    expect(
      column(log, "submissionId").filter((id) => id === first.submission.submissionId),
    ).toHaveLength(10);
    expect([
      ...new Set(column(log, "revision").map((r, i) => `${column(log, "unitCode")[i]}#${r}`)),
    ]).toEqual(["X-LA#1", "STTTT#1", "31117#1", "STTTT#2"]);
    expect(
      log.rows
        .filter((r) => r[log.columns.indexOf("itemId")] === "CQ-01")
        .map((r) => [
          r[log.columns.indexOf("revision")],
          r[log.columns.indexOf("state")],
          r[log.columns.indexOf("field")],
          r[log.columns.indexOf("value")],
        ]),
    ).toEqual([
      [1, "Đã thay thế", "Tử số", 85],
      [1, "Đã thay thế", "Mẫu số", 100],
      [1, "Hiện hành", "Tử số", 7],
      [1, "Hiện hành", "Mẫu số", 10],
      [2, "Hiện hành", "Tử số", 90],
      [2, "Hiện hành", "Mẫu số", 100],
    ]);
    expect(column(log, "field")).not.toContain(undefined);
  });

  it("marks the report signed last current, even when an older one arrived after it", () => {
    const newer = received(
      "STTTT",
      {
        submittedAt: "2025-12-05T10:00:00+07:00",
        indicators: [{ indicatorId: "KT-01", value: 9 }],
      },
      1,
      "2025-12-05T10:00:01+07:00",
    );
    const heldBack = received(
      "STTTT",
      {
        submittedAt: "2025-12-04T10:00:00+07:00",
        indicators: [{ indicatorId: "KT-01", value: 8 }],
      },
      2,
      "2025-12-06T10:00:00+07:00",
    );
    const stale = submissionLogTab(template, [newer, heldBack]);
    expect(column(stale, "revision").map((r, i) => [r, column(stale, "state")[i]])).toEqual([
      [1, "Hiện hành"],
      [2, "Đã thay thế"],
    ]);
  });

  it("logs tasks, budget lines and note-only entries too", () => {
    const ofFirst = log.rows.filter((r) => r[1] === first.submission.submissionId);
    const cells = ofFirst.map((r) => [r[6], r[7], r[8], r[9], r[10]]);
    expect(cells).toContainEqual(["Nhiệm vụ", "NV-01", "Trạng thái", "Hoàn thành", null]);
    expect(cells).toContainEqual(["Nhiệm vụ", "NV-01", "Ngày hoàn thành", "2025-05-20", null]);
    expect(cells).toContainEqual(["Kinh phí", "KP-TONG", "Đã giải ngân", 250_000, null]);
    expect(cells).toContainEqual(["Chỉ tiêu", "KT-01", "Ghi chú", null, "-chưa thống kê"]);
    expect(cells).toContainEqual(["Chỉ tiêu", "KT-02", "Minh chứng", "@QĐ 123", null]);
  });

  it("keys rows by (submission, item, field) and by (unit, indicator, period)", () => {
    const keys = log.rows.map((r) => rowKeyOf(log, r));
    expect(new Set(keys).size).toBe(keys.length);
    const row = log.rows.find((r) => r[1] === second.submission.submissionId)!;
    expect(rowKeyOf(log, row)).toBe(
      valueRowKey(second.submission.submissionId, "CQ-01", "numerator"),
    );
    expect(rowKeyOf(log, row, ["unitCode", "itemId", "period"])).toBe(
      unitIndicatorKey("STTTT", "CQ-01", "2025"),
    );
    // A sheet may hand a numeric-looking code back as a number: the key does not change.
    const communeRow = log.rows.find((r) => r[4] === "31117")!;
    const readBack = communeRow.map((v, i) => (i === 4 ? 31117 : v));
    expect(rowKeyOf(log, readBack)).toBe(rowKeyOf(log, communeRow));
  });
});

describe("tracker tabs: no text becomes a formula", () => {
  let log: TrackerTab;
  let texts: unknown[];
  beforeEach(() => {
    log = submissionLogTab(template, submissions);
    texts = [...column(log, "note"), ...column(log, "value")];
  });

  it("builders return formula-like text raw", () => {
    expect(texts).toContain('=HYPERLINK("http://x")');
    expect(texts).toContain("@QĐ 123");
    expect(texts).toContain("-chưa thống kê");
  });

  it("quotedCell marks it with the apostrophe a parsing writer keeps as text; rawCell leaves it", () => {
    for (const s of [
      "=1+1",
      "+84 90",
      "-5",
      "@x",
      " =SUM(A1)",
      "'đã trích",
      "30001",
      "2025-12",
      "TRUE",
      "#N/A",
    ]) {
      expect(quotedCell(s)).toBe(`'${s}`);
      expect(rawCell(s)).toBe(s);
      expect(safeCell(s, "raw")).toBe(s);
      expect(safeCell(s)).toBe(`'${s}`);
    }
    for (const v of ["Sở Y tế", "", 12.5, -3, true, null]) expect(quotedCell(v)).toBe(v);
  });

  it("tabGrid protects header and rows for the writer it is given", () => {
    const grid = tabGrid(log, "parsed");
    expect(grid[0]).toEqual(log.header);
    const flat = grid.flat();
    expect(flat).toContain(`'=HYPERLINK("http://x")`);
    expect(flat).not.toContain(`=HYPERLINK("http://x")`);
    expect(flat).toContain("'31117");
    expect(tabGrid(log, "raw").flat()).toContain(`=HYPERLINK("http://x")`);
  });
});

describe("quotedCell: what a parsing spreadsheet would not keep as typed gets the apostrophe", () => {
  it.each([
    // Formulas, however they start.
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+84 912 345 678", "'+84 912 345 678"],
    ["-5 hồ sơ", "'-5 hồ sơ"],
    ["@all", "'@all"],
    // After leading white space, tabs and newlines too.
    [" =SUM(A1)", "' =SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\n+1", "'\n+1"],
    ["\r\n@x", "'\r\n@x"],
    // An apostrophe of its own, which the spreadsheet would swallow.
    ["'trích dẫn", "''trích dẫn"],
    // Numbers, dates, percentages, money and error literals typed as text.
    ["30001", "'30001"],
    ["0123", "'0123"],
    ["12,5", "'12,5"],
    ["1.234.567", "'1.234.567"],
    [".5", "'.5"],
    ["12,5%", "'12,5%"],
    ["%5", "'%5"],
    ["(5)", "'(5)"],
    ["$5", "'$5"],
    ["€5", "'€5"],
    ["₫5", "'₫5"],
    ["2025-12-05", "'2025-12-05"],
    ["05/12/2025", "'05/12/2025"],
    ["#N/A", "'#N/A"],
    ["#REF!", "'#REF!"],
    // Booleans, in any case, with spaces around.
    ["TRUE", "'TRUE"],
    ["false", "'false"],
    [" True ", "' True "],
  ])("%j → %j", (input, written) => {
    expect(quotedCell(input)).toBe(written);
    expect(safeCell(input, "parsed")).toBe(written);
    expect(safeCell(input, "raw")).toBe(input);
  });

  it.each([
    ["Sở Y tế"],
    [""],
    ["QĐ 123/QĐ-UBND"],
    ["a=b"],
    ["ghi chú\n=1"],
    ["Tháng 12/2025"],
    ["TRUE story"],
    ["Hoàn thành"],
    [12.5],
    [-3],
    [0],
    [true],
    [false],
    [null],
  ])("%j stays as it is", (value) => {
    expect(quotedCell(value)).toBe(value);
  });
});

describe("tracker tabs: what a consolidator reads in each cell", () => {
  it("catalogue: pillar and group by name, who reports, every lead, the target's year, the labels", () => {
    const wider = Template.parse({
      ...template,
      indicators: [
        ...template.indicators,
        {
          id: "XH-02",
          group: "XH-1",
          name: "Trạm y tế xã dùng bệnh án điện tử",
          unit: "%",
          kind: "percent",
          levelTargets: { commune: { op: ">=", value: 70, year: 2028 } },
          aggregation: "mean",
          lead: ["Sở Y tế", "Sở Thông tin và Truyền thông"],
          exclusion: "không bao gồm trạm y tế đang xây mới",
          note: "tên theo Phụ lục II",
          source: "70% trạm y tế xã dùng bệnh án điện tử",
        },
        {
          id: "KT-03",
          group: "KT-1",
          name: "Doanh thu thương mại điện tử",
          unit: "%",
          kind: "growth",
          baselineLabel: "so với năm 2021",
          target: { op: ">=", value: 8, year: 2027 },
          aggregation: "single-reporter",
          source: "doanh thu thương mại điện tử tăng 8%",
        },
      ],
    });
    const t = indicatorCatalogueTab(wider);
    const byId = (id: string) => t.rows.find((r) => r[0] === id);
    expect(byId("CQ-01")).toEqual([
      "CQ-01",
      "Chính quyền số",
      "Dịch vụ công",
      "Hồ sơ TTHC xử lý trực tuyến",
      "%",
      "Tỷ lệ (%)",
      "Tỷ lệ trên tổng (Σ tử số / Σ mẫu số)",
      "Tất cả đơn vị",
      "",
      "≥ 80%",
      2030,
      "Số hồ sơ trực tuyến",
      "Tổng số hồ sơ",
      null,
      "Không",
      null,
      "Tối thiểu 80% hồ sơ thủ tục hành chính",
      null,
    ]);
    expect(byId("XH-01")).toEqual([
      "XH-01",
      "Xã hội số",
      "Y tế",
      "Dân số có hồ sơ sức khỏe điện tử",
      "%",
      "Tỷ lệ (%)",
      "Một đơn vị báo cáo",
      "Đơn vị chủ trì",
      "Sở Y tế",
      "50% – 60%",
      2030,
      null,
      null,
      null,
      "Không",
      null,
      "khoảng 50% - 60% dân số có hồ sơ sức khỏe điện tử",
      null,
    ]);
    // Only a commune target: no province year to show, and the row is still written.
    expect(byId("XH-02")).toEqual([
      "XH-02",
      "Xã hội số",
      "Y tế",
      "Trạm y tế xã dùng bệnh án điện tử",
      "%",
      "Tỷ lệ (%)",
      "Trung bình",
      "Tất cả đơn vị",
      "Sở Y tế; Sở Thông tin và Truyền thông",
      "Xã: ≥ 70%",
      null,
      null,
      null,
      null,
      "Không",
      "không bao gồm trạm y tế đang xây mới",
      "70% trạm y tế xã dùng bệnh án điện tử",
      "tên theo Phụ lục II",
    ]);
    expect(byId("KT-03")).toEqual([
      "KT-03",
      "Kinh tế số",
      "Doanh nghiệp",
      "Doanh thu thương mại điện tử",
      "%",
      "Tăng trưởng",
      "Một đơn vị báo cáo",
      "Tất cả đơn vị",
      "",
      "≥ 8%",
      2027,
      null,
      null,
      "so với năm 2021",
      "Không",
      null,
      "doanh thu thương mại điện tử tăng 8%",
      null,
    ]);
    // The province's own target gives the year where only per-level targets are set.
    expect(column(t, "targetYear")).toEqual([2030, 2030, 2030, 2030, 2030, null, 2027]);
  });

  it("log: every column of a report's rows, a chosen level in words, blank and empty entries left out", () => {
    const report = received(
      "Q-NK",
      {
        indicators: [
          { indicatorId: "CQ-02", value: 82, level: "district", note: "theo cấp huyện" },
          { indicatorId: "KT-01", value: null, note: "chưa có số liệu" },
          { indicatorId: "KT-02", value: null },
        ],
        tasks: [{ taskId: "NV-01", status: null }],
        budget: [{ lineId: "KP-SN", allocated: null, disbursed: null }],
      },
      1,
      "2025-12-08T15:00:00+07:00",
    );
    report.submission.narrative = { assessment: "", difficulties: "", proposals: "" };
    const id = report.submission.submissionId;
    const t = submissionLogTab(template, [report]);
    expect(t.rows).toEqual([
      [
        "2025-12-08T15:00:00+07:00",
        id,
        1,
        "Hiện hành",
        "Q-NK",
        "2025",
        "Chỉ tiêu",
        "CQ-02",
        "Giá trị",
        82,
        "theo cấp huyện",
        3,
      ],
      [
        "2025-12-08T15:00:00+07:00",
        id,
        1,
        "Hiện hành",
        "Q-NK",
        "2025",
        "Chỉ tiêu",
        "CQ-02",
        "Cấp",
        "Cấp huyện",
        "theo cấp huyện",
        3,
      ],
      // A blank figure with a note is logged as the note alone.
      [
        "2025-12-08T15:00:00+07:00",
        id,
        1,
        "Hiện hành",
        "Q-NK",
        "2025",
        "Chỉ tiêu",
        "KT-01",
        "Ghi chú",
        null,
        "chưa có số liệu",
        3,
      ],
    ]);
  });

  it("log: another plan's reports are neither logged nor allowed to supersede this plan's", () => {
    const ours = received(
      "STTTT",
      { indicators: [{ indicatorId: "KT-01", value: 12 }] },
      1,
      "2025-12-02T09:00:00+07:00",
    );
    const theirs = received(
      "STTTT",
      {
        planId: "khac",
        submittedAt: "2025-12-03T09:00:00+07:00",
        indicators: [{ indicatorId: "KT-01", value: 99 }],
      },
      2,
      "2025-12-03T09:00:00+07:00",
    );
    const t = submissionLogTab(template, [theirs, ours]);
    expect(t.rows.map((r) => [r[1], r[2], r[3], r[7], r[9]])).toEqual([
      [ours.submission.submissionId, 1, "Hiện hành", "KT-01", 12],
    ]);
  });

  it("log: revisions received at the same instant are listed in revision order", () => {
    const at = "2025-12-02T09:00:00+07:00";
    const third = received("SYT", { indicators: [{ indicatorId: "KT-01", value: 3 }] }, 3, at);
    const one = received("SYT", { indicators: [{ indicatorId: "KT-01", value: 1 }] }, 1, at);
    const two = received("SYT", { indicators: [{ indicatorId: "KT-01", value: 2 }] }, 2, at);
    const t = submissionLogTab(template, [third, one, two]);
    expect(t.rows.map((r) => [r[2], r[3], r[9]])).toEqual([
      [1, "Đã thay thế", 1],
      [2, "Đã thay thế", 2],
      [3, "Hiện hành", 3],
    ]);
  });

  it("tasks: each lead's state counted, the leads not done named with their state", () => {
    const departments: Unit[] = [
      department,
      health,
      { code: "STC", name: "Sở Tài chính", kind: "department", level: "province" },
      { code: "SNV", name: "Sở Nội vụ", kind: "department", level: "province" },
      { code: "SXD", name: "Sở Xây dựng", kind: "department", level: "province" },
    ];
    const twoLeads = Template.parse({
      ...template,
      tasks: [
        template.tasks[0]!,
        {
          id: "NV-03",
          text: "Số hóa hồ sơ khám chữa bệnh",
          lead: ["Sở Y tế", "Sở Tài chính"],
          deadline: "2026-12",
          source: "Sở Y tế, Sở Tài chính số hóa hồ sơ khám chữa bệnh",
        },
      ],
    });
    const reports = [
      received("STTTT", { planId: "demo", tasks: [{ taskId: "NV-01", status: "done" }] }),
      received("SYT", {
        tasks: [
          { taskId: "NV-01", status: "in-progress" },
          { taskId: "NV-03", status: "done", completedOn: "2025-11-30" },
        ],
      }),
      received("STC", { tasks: [{ taskId: "NV-01", status: "not-started" }] }),
      received("SNV", { tasks: [{ taskId: "NV-01", status: "in-progress" }] }),
    ];
    const c = consolidate({
      template: twoLeads,
      units: departments,
      period: "2025",
      submissions: reports,
      now,
    });
    expect(tasksTab(c).rows).toEqual([
      [
        "2025",
        "NV-01",
        "Nâng cấp Hệ thống thông tin giải quyết TTHC",
        "Các Sở, ban, ngành",
        "Tháng 6/2025",
        "Đang thực hiện",
        "Quá hạn",
        5,
        1,
        2,
        1,
        1,
        "Sở Y tế (Đang thực hiện); Sở Tài chính (Chưa thực hiện); Sở Nội vụ (Đang thực hiện); Sở Xây dựng (Chưa báo cáo)",
      ],
      [
        "2025",
        "NV-03",
        "Số hóa hồ sơ khám chữa bệnh",
        "Sở Y tế; Sở Tài chính",
        "Tháng 12/2026",
        "Đang thực hiện",
        null,
        2,
        1,
        0,
        0,
        1,
        "Sở Tài chính (Chưa báo cáo)",
      ],
    ]);
  });

  it("tasks: a cell names the first 20 leads not done and counts the rest", () => {
    const communes = (n: number): Unit[] =>
      Array.from({ length: n }, (_, i) => ({
        code: String(31000 + i),
        name: `Xã Số ${i + 1}`,
        kind: "commune",
        level: "commune",
      }));
    const byCommunes = Template.parse({
      ...template,
      tasks: [
        {
          id: "NV-04",
          text: "Triển khai chữ ký số cho cán bộ xã",
          lead: ["Các xã, phường, thị trấn"],
          deadline: "recurring",
          source: "Các xã, phường, thị trấn triển khai chữ ký số",
        },
      ],
    });
    const details = (units: Unit[]) =>
      tasksTab(consolidate({ template: byCommunes, units, period: "2025", submissions: [], now }))
        .rows[0]![12];
    const named = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `Xã Số ${from + i} (Chưa báo cáo)`).join(
        "; ",
      );
    expect(details(communes(23))).toBe(`${named(1, 20)}; … và 3 đơn vị khác`);
    expect(details(communes(20))).toBe(named(1, 20));
  });

  it("row keys: a blank cell read back as empty text keys like the blank written; an unknown column is refused", () => {
    const log = submissionLogTab(template, submissions);
    const note = log.columns.indexOf("note");
    const written = log.rows.find((r) => r[note] === null)!;
    const readBack = written.map((v, i) => (i === note ? "" : v));
    expect(rowKeyOf(log, readBack, ["submissionId", "itemId", "note"])).toBe(
      rowKeyOf(log, written, ["submissionId", "itemId", "note"]),
    );
    expect(() => rowKeyOf(log, written, ["unitName"])).toThrow('no column "unitName" in tab');
  });
});
