// The report model: sections I–VI from core's consolidation, the change column only with a previous
// period, the units' words attributed and kept as text, Vietnamese number forms.
import { describe, expect, it } from "vitest";
import type { ReceivedSubmission } from "../../../src/core/tracker/consolidation-types.js";
import { buildAnnualReport } from "../../../src/core/report/annual-report.js";
import type { ReportBlock, ReportDocument } from "../../../src/core/report/report-document.js";
import { periodsUpTo } from "../../../src/core/report/earlier-periods.js";
import { previousPeriod } from "../../../src/core/report/previous-period.js";
import { printable } from "../../../src/core/report/report-text.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import {
  annualReports,
  annualUnits,
  expectedFacts,
  expectedSections,
  FOLLOWED,
  REPORT_AT,
  tableFacts,
  texts,
} from "../../fixtures/annual-reports.js";

const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;

function received(periods: string[]): ReceivedSubmission[] {
  return annualReports(template)
    .filter((r) => periods.includes(r.submission.period))
    .map((r, i) => ({
      submission: r.submission,
      revision: i + 1,
      receivedAt: r.sendAt,
    }));
}

function report(periods: string[]) {
  return buildAnnualReport({
    template,
    units: annualUnits,
    period: "2025",
    submissions: received(periods),
    now: new Date(REPORT_AT),
  });
}

/** Every word of the document in reading order, one string per block or table row. */
function lines(doc: ReportDocument): string[] {
  const f = doc.frame;
  const cell = (b: ReportBlock) =>
    b.kind === "table"
      ? [b.columns.map((c) => c.label), ...b.rows].map((r) => r.join(" | "))
      : [b.text];
  return [
    f.parentAgency,
    f.agency,
    f.numberLine,
    f.nationalTitle,
    f.motto,
    f.placeDate,
    f.documentType,
    f.subject,
    ...doc.body.flatMap(cell),
    f.recipientsTitle,
    ...f.recipients,
    f.signerAuthority,
  ];
}

const tableAfter = (doc: ReportDocument, section: string) => {
  const at = doc.body.findIndex((b) => b.kind === "section" && b.text === section);
  return doc.body.slice(at).find((b) => b.kind === "table") as Extract<
    ReportBlock,
    { kind: "table" }
  >;
};

describe("buildAnnualReport", () => {
  it("says every fact of the three units' year, the sections in order", () => {
    const r = report(["2024", "2025"]);
    const text = lines(r.document).join("\n");
    for (const fact of [...expectedFacts, ...tableFacts]) expect(text).toContain(fact);
    const positions = expectedSections.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.document.fileStem).toBe("bao-cao-can-tho-2256-2025");
  });

  it("reuses the consolidation: the followed indicator's result, status and the unit below target", () => {
    const r = report(["2024", "2025"]);
    const ind = r.consolidation.indicators.find((i) => i.id === FOLLOWED)!;
    expect(ind.aggregate).toBeCloseTo(67.75);
    const table = tableAfter(r.document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    expect(table.columns.map((c) => c.label)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Mục tiêu",
      "Kết quả",
      "Đánh giá",
      "So với năm 2024",
      "Đơn vị chưa đạt",
    ]);
    expect(table.columns.reduce((s, c) => s + c.width, 0)).toBe(100);
    const row = table.rows.find((x) => x[1]!.endsWith(`(${FOLLOWED})`))!;
    expect(row.slice(2)).toEqual([
      "≥ 80% (năm 2030)",
      "67,75%",
      "Chưa đạt",
      "−2,25 điểm %",
      "Văn phòng UBND thành phố",
    ]);
  });

  it("has no change column at all when no unit reported for the previous period", () => {
    const r = report(["2025"]);
    expect(r.previous).toBeNull();
    const table = tableAfter(r.document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    expect(table.columns.map((c) => c.label)).not.toContain("So với năm 2024");
    expect(table.columns).toHaveLength(6);
    expect(table.rows.every((row) => row.length === 6)).toBe(true);
    expect(table.columns.reduce((s, c) => s + c.width, 0)).toBe(100);
    expect(lines(r.document).join("\n")).toContain("không so sánh với kỳ trước");
  });

  it("still writes every section when no unit has reported, and says so", () => {
    const r = buildAnnualReport({
      template,
      units: annualUnits,
      period: "2025",
      submissions: [],
      now: new Date(REPORT_AT),
    });
    const text = lines(r.document).join("\n");
    for (const s of expectedSections) expect(text).toContain(s);
    expect(text).toContain("chưa có đơn vị nào gửi báo cáo năm 2025");
    expect(text).toContain("Chưa báo cáo (3)");
    expect(text).toContain("Các đơn vị không nêu khó khăn, vướng mắc.");
    expect(r.consolidation.summary.unitsSubmitted).toBe(0);
  });

  it("keeps a unit's text as text: '=' stays, controls show as U+FFFD, a long paragraph is whole", () => {
    const text = lines(report(["2025"]).document);
    expect(text).toContain(`- Văn phòng UBND thành phố: ${texts.longProposal}`);
    const controls = (l: string) => [...l].some((ch) => ch.charCodeAt(0) < 0x20 && ch !== "\n");
    expect(text.some(controls)).toBe(false);
    expect(printable("=A1\u0000\u001B[31m\t\uD800x\r\ny")).toBe("=A1\uFFFD\uFFFD[31m \uFFFDx\ny");
    expect(printable("Nguye\u0302\u0303n")).toBe("Nguyễn");
  });

  it("lists tasks by state with lead and deadline, and the budget by source in đồng", () => {
    const r = report(["2025"]);
    const text = lines(r.document).join("\n");
    expect(text).toMatch(/1\. Nhiệm vụ đã hoàn thành \(1\)/u);
    expect(text).toMatch(/3\. Nhiệm vụ quá hạn chưa hoàn thành \(\d+\)/u);
    expect(text).toContain("| Sở Thông tin và Truyền thông | 12/2025");
    const budget = tableAfter(r.document, "IV. KINH PHÍ THỰC HIỆN");
    expect(budget.rows.at(-1)).toEqual([
      "Tổng kinh phí thực hiện Đề án",
      "657.187.600.000",
      "3.000.000.000",
      "1.234.500.000",
      "41,15%",
    ]);
  });

  it("follows each indicator period by period to its target year, on or off the line", () => {
    const r = report(["2024", "2025"]);
    const at = r.document.body.findIndex(
      (b) => b.kind === "heading" && b.text === "Tiến độ thực hiện đến năm mục tiêu",
    );
    const table = r.document.body.slice(at).find((b) => b.kind === "table") as Extract<
      ReportBlock,
      { kind: "table" }
    >;
    expect(table.columns.map((c) => c.label)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Mục tiêu",
      "Năm 2024",
      "Năm 2025",
      "Tiến độ",
    ]);
    expect(table.columns.reduce((s, c) => s + c.width, 0)).toBe(100);
    const row = table.rows.find((x) => x[1]!.endsWith(`(${FOLLOWED})`))!;
    expect(row.slice(2)).toEqual(["≥ 80% (năm 2030)", "70%", "67,75%", "Chậm so với lộ trình"]);
    // One period alone has no line yet: the report says so instead of a table of "start".
    const single = report(["2025"]).document.body;
    const next =
      single[single.findIndex((b) => b.kind === "heading" && b.text.startsWith("Tiến độ")) + 1]!;
    expect(next).toMatchObject({
      kind: "paragraph",
      text: expect.stringContaining("Mới có số liệu của một kỳ"),
    });
  });

  it("asks the store for every period of the same kind from the plan's first year", () => {
    expect(periodsUpTo(template, "2026")).toEqual(["2024", "2025", "2026"]);
    expect(periodsUpTo(template, "2024-H2")).toEqual(["2024-H1", "2024-H2"]);
  });

  it("compares with the period just before, of the same kind", () => {
    expect(["2025", "2025-Q1", "2025-Q3", "2025-H1", "2025-H2"].map(previousPeriod)).toEqual([
      "2024",
      "2024-Q4",
      "2025-Q2",
      "2024-H2",
      "2025-H1",
    ]);
  });
});
