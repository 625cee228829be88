// A district's earlier reports, kept as its own, shown in later periods under each commune that took
// over from it; the current revision is the one shown, and a unit still in office carries nothing.
import { describe, expect, it } from "vitest";
import type { ReceivedSubmission } from "../../../src/core/tracker/consolidation-types.js";
import { UnitHistory } from "../../../src/core/plan/unit-history.js";
import { carriedOver, carriedOverTab } from "../../../src/core/tracker/carried-over.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { validReport } from "../../fixtures/reports.js";

const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-kh-2025")!;
const district: Unit = {
  code: "Q-A",
  name: "UBND quận A",
  kind: "district",
  level: "district",
  validTo: "2025-06-30",
};
const communes: Unit[] = ["X-1", "X-2"].map((code) => ({
  code,
  name: `UBND phường ${code}`,
  kind: "commune",
  level: "commune",
  validFrom: "2025-07-01",
}));
const basis = "NQ 1668/NQ-UBTVQH15";
const history = new UnitHistory(
  [district, ...communes],
  communes.map((c) => ({ from: "Q-A", to: c.code, effective: "2025-07-01", basis })),
);

function report(unit: Unit, period: string, n: number, submittedAt: string, cq04: number) {
  const base = validReport(template, `00000000-0000-4000-8000-00000000000${n}`, unit);
  const submission = {
    ...base,
    period,
    submittedAt,
    indicators: base.indicators.map((e) =>
      e.indicatorId === "CQ-04" ? { ...e, numerator: cq04, denominator: 1000 } : e,
    ),
  };
  return { submission, revision: n, receivedAt: submittedAt } as ReceivedSubmission;
}

const received = [
  report(district, "2024", 1, "2024-12-05T10:00:00.000+07:00", 500),
  // A correction, signed later: it is the one shown.
  report(district, "2024", 2, "2024-12-06T10:00:00.000+07:00", 650),
  report(district, "2025-H1", 3, "2025-06-20T10:00:00.000+07:00", 700),
  report(communes[0]!, "2025", 4, "2025-12-05T10:00:00.000+07:00", 800),
];

describe("carriedOver", () => {
  it("shows the gone district's current reports under each successor, as the district made them", () => {
    const rows = carriedOver(template, "2025", received, history);
    expect(rows.map((r) => [r.successor.code, r.predecessor.code, r.period, r.revision])).toEqual([
      ["X-1", "Q-A", "2024", 2],
      ["X-1", "Q-A", "2025-H1", 3],
      ["X-2", "Q-A", "2024", 2],
      ["X-2", "Q-A", "2025-H1", 3],
    ]);
    expect(rows[0]!.values["CQ-04"]).toBe(65);
    expect(rows[1]!.values["CQ-04"]).toBe(70);
  });

  it("carries nothing while the unit still exists, nor the period's own reports", () => {
    expect(carriedOver(template, "2024", received, history)).toEqual([]);
    expect(carriedOver(template, "2025-H1", received, history)).toEqual([]);
  });

  it("shows the correction signed later whatever order the reports arrived in", () => {
    const rows = carriedOver(template, "2025", [...received].reverse(), history);
    expect(rows.map((r) => [r.successor.code, r.period, r.revision, r.values["CQ-04"]])).toEqual([
      ["X-1", "2024", 2, 65],
      ["X-1", "2025-H1", 3, 70],
      ["X-2", "2024", 2, 65],
      ["X-2", "2025-H1", 3, 70],
    ]);
  });

  it("carries only the plan's reports for periods that closed before the period ends", () => {
    // The district's report for the whole of 2025 (stored although it ended in June) ends on the
    // same day as 2025 and 2026's after it: both are those periods' own, never carried into 2025.
    // 2023's under another plan is that plan's.
    const otherPlan = report(district, "2023", 7, "2023-12-05T10:00:00.000+07:00", 300);
    otherPlan.submission = { ...otherPlan.submission, planId: "ke-hoach-khac" };
    const more = [
      ...received,
      report(district, "2025", 5, "2025-12-05T10:00:00.000+07:00", 900),
      report(district, "2026", 6, "2026-12-05T10:00:00.000+07:00", 950),
      otherPlan,
    ];
    expect(
      carriedOver(template, "2025", more, history).map((r) => [r.successor.code, r.period]),
    ).toEqual([
      ["X-1", "2024"],
      ["X-1", "2025-H1"],
      ["X-2", "2024"],
      ["X-2", "2025-H1"],
    ]);
  });

  it("carries nothing from a code the unit list does not know, even where a succession names it", () => {
    const ghost: Unit = { code: "Q-MA", name: "UBND quận Ma", kind: "district", level: "district" };
    const withGhost = new UnitHistory(
      [district, ...communes],
      [
        ...communes.map((c) => ({ from: "Q-A", to: c.code, effective: "2025-07-01", basis })),
        { from: "Q-MA", to: "X-1", effective: "2025-07-01", basis },
      ],
    );
    const rows = carriedOver(
      template,
      "2025",
      [report(ghost, "2024", 8, "2024-12-05T10:00:00.000+07:00", 100)],
      withGhost,
    );
    expect(rows).toEqual([]);
  });

  it("holds a figure only for the indicators the report has an entry for; an empty entry is null", () => {
    const made = report(district, "2024", 9, "2024-12-07T10:00:00.000+07:00", 500);
    made.submission = {
      ...made.submission,
      indicators: [
        { indicatorId: "CQ-04", numerator: 120, denominator: 200 },
        { indicatorId: "CQ-01" },
      ],
    };
    const rows = carriedOver(template, "2025", [made], history);
    expect(rows.map((r) => r.values)).toEqual([
      { "CQ-01": null, "CQ-04": 60 },
      { "CQ-01": null, "CQ-04": 60 },
    ]);
  });

  it("lays the rows out as a tab with a column per indicator", () => {
    const tab = carriedOverTab(carriedOver(template, "2025", received, history), template, "2025");
    expect(tab.key).toBe("carriedOver");
    expect(tab.name).toBe("Số liệu đơn vị cũ 2025");
    expect(tab.keyColumns).toEqual(["successorCode", "submissionId"]);
    expect(tab.header.slice(0, 9)).toEqual([
      "Mã đơn vị kế nhiệm",
      "Đơn vị kế nhiệm",
      "Mã đơn vị đã báo cáo",
      "Đơn vị đã báo cáo (trước sắp xếp)",
      "Kỳ báo cáo",
      "Mã lần nộp",
      "Lần nộp",
      "CQ-01 — Thuộc nhóm 10 tỉnh, thành phố thực hiện chuyển đổi số tốt",
      "CQ-02 — Dịch vụ công trực tuyến được thiết kế, thiết kế lại",
    ]);
    expect(tab.columns.slice(0, 9)).toEqual([
      "successorCode",
      "successorName",
      "predecessorCode",
      "predecessorName",
      "period",
      "submissionId",
      "revision",
      "indicator:CQ-01",
      "indicator:CQ-02",
    ]);
    // The seed plan has 29 indicators: seven columns, then one per indicator.
    expect([tab.header.length, tab.columns.length]).toEqual([36, 36]);
    expect(tab.rows[0]!.slice(0, 7)).toEqual([
      "X-1",
      "UBND phường X-1",
      "Q-A",
      "UBND quận A",
      "2024",
      "00000000-0000-4000-8000-000000000002",
      2,
    ]);
    const cq04 = tab.columns.indexOf("indicator:CQ-04");
    expect(tab.rows.map((r) => [r[0], r[4], r[cq04]])).toEqual([
      ["X-1", "2024", 65],
      ["X-1", "2025-H1", 70],
      ["X-2", "2024", 65],
      ["X-2", "2025-H1", 70],
    ]);
  });
});
