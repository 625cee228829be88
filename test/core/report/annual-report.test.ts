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
  onTimeUnit,
  type PlannedReport,
  REPORT_AT,
  tableFacts,
  texts,
} from "../../fixtures/annual-reports.js";

const seeds = loadSeedTemplates().templates;
const template = seeds.find((t) => t.id === "can-tho-2256")!;

function received(periods: string[]): ReceivedSubmission[] {
  return asReceived(annualReports(template).filter((r) => periods.includes(r.submission.period)));
}

function asReceived(planned: readonly PlannedReport[]): ReceivedSubmission[] {
  return planned.map((r, i) => ({ submission: r.submission, revision: i + 1, receivedAt: r.sendAt }));
}

/** The punctual unit's 2025 report sent again as another report: another period, plan or share. */
function sentAgain(
  changes: { id: string; period: string; planId?: string; numerator?: number },
  sendAt: string,
): PlannedReport {
  const original = annualReports(template).find(
    (r) => r.unit === onTimeUnit && r.submission.period === "2025",
  )!;
  const submission = structuredClone(original.submission);
  submission.submissionId = changes.id;
  submission.period = changes.period;
  submission.submittedAt = sendAt;
  if (changes.planId) submission.planId = changes.planId;
  if (changes.numerator !== undefined)
    submission.indicators.find((i) => i.indicatorId === FOLLOWED)!.numerator = changes.numerator;
  return { unit: onTimeUnit, submission, sendAt };
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

/**
 * The trajectory part of section II as read: its paragraph, then the table's heading row and only
 * the followed indicator's row.
 */
function trajectoryOf(doc: ReportDocument): string[] {
  const at = doc.body.findIndex(
    (b) => b.kind === "heading" && b.text === "Tiến độ thực hiện đến năm mục tiêu",
  );
  const after = doc.body.slice(at + 1);
  const end = after.findIndex((b) => b.kind !== "paragraph" && b.kind !== "table");
  return after.slice(0, end).flatMap((b) => {
    if (b.kind !== "table") return [b.kind === "paragraph" ? b.text : b.kind];
    const rows = b.rows.filter((r) => r[1]!.endsWith(`(${FOLLOWED})`));
    return [b.columns.map((c) => c.label), ...rows].map((r) => r.join(" | "));
  });
}

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

  it("opens by citing the plan's decision and the lead department, and closes to the issuer", () => {
    const body = report(["2024", "2025"]).document.body;
    expect(body[0]).toEqual({
      kind: "paragraph",
      text:
        "Thực hiện Đề án “Chuyển đổi số thành phố Cần Thơ giai đoạn 2025 - 2030” " +
        "(2256/QĐ-UBND ngày 14/10/2024 của Ủy ban nhân dân thành phố Cần Thơ), " +
        "Sở Thông tin và Truyền thông tổng hợp báo cáo của các đơn vị và báo cáo kết quả thực hiện " +
        "năm 2025 như sau:",
    });
    expect(body.at(-1)).toEqual({
      kind: "paragraph",
      text:
        "Trên đây là báo cáo kết quả năm 2025 thực hiện Đề án “Chuyển đổi số thành phố Cần Thơ " +
        "giai đoạn 2025 - 2030”, kính báo cáo Ủy ban nhân dân thành phố Cần Thơ xem xét, chỉ đạo./.",
    });
  });

  it("cites a decision without its date, or a plan without a number, and an agency not named (as the lead agency, not a second 'tổng hợp')", () => {
    const opening = (id: string, period: string) => {
      const body = buildAnnualReport({
        template: seeds.find((t) => t.id === id)!,
        units: annualUnits,
        period,
        submissions: [],
        now: new Date(REPORT_AT),
      }).document.body;
      return [body[0], body.at(-1)].map((b) => (b?.kind === "paragraph" ? b.text : b?.kind));
    };
    // Cà Mau's decision gives its number but no date, and names no lead department.
    expect(opening("ca-mau-1929", "2025")).toEqual([
      "Thực hiện Đề án Chuyển đổi số tỉnh Cà Mau đến năm 2025, định hướng đến năm 2030 " +
        "(1929/QĐ-UBND của Ủy ban nhân dân tỉnh Cà Mau), cơ quan chủ trì tổng hợp báo cáo của " +
        "các đơn vị và báo cáo kết quả thực hiện năm 2025 như sau:",
      // The plan's title ends in a year: the report's own year comes before it, not after.
      "Trên đây là báo cáo kết quả năm 2025 thực hiện Đề án Chuyển đổi số tỉnh Cà Mau đến năm " +
        "2025, định hướng đến năm 2030, kính báo cáo Ủy ban nhân dân tỉnh Cà Mau xem xét, chỉ đạo./.",
    ]);
    // Bình Dương's plan has no number at all: the issuer alone, and a quarter in the sentence.
    expect(opening("binh-duong-2025", "2025-Q2")).toEqual([
      "Thực hiện Kế hoạch chuyển đổi số tỉnh Bình Dương đến năm 2025 của Ủy ban nhân dân tỉnh " +
        "Bình Dương, cơ quan chủ trì tổng hợp báo cáo của các đơn vị và báo cáo kết quả thực " +
        "hiện quý II năm 2025 như sau:",
      "Trên đây là báo cáo kết quả quý II năm 2025 thực hiện Kế hoạch chuyển đổi số tỉnh Bình " +
        "Dương đến năm 2025, kính báo cáo Ủy ban nhân dân tỉnh Bình Dương xem xét, chỉ đạo./.",
    ]);
  });

  it("compares with last year only on this plan's reports: another plan's 2024 report is no comparison", () => {
    const r = buildAnnualReport({
      template,
      units: annualUnits,
      period: "2025",
      submissions: asReceived([
        ...annualReports(template).filter((p) => p.submission.period === "2025"),
        sentAgain(
          { id: "c0000000-0000-4000-8000-000000002024", period: "2024", planId: "ca-mau-1929" },
          "2024-12-05T09:00:00.000+07:00",
        ),
      ]),
      now: new Date(REPORT_AT),
    });
    expect(r.previous).toBeNull();
    const table = tableAfter(r.document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    expect(table.columns.map((c) => c.label)).not.toContain("So với năm 2024");
    expect(trajectoryOf(r.document)).toEqual([
      "Mới có số liệu của một kỳ báo cáo: tiến độ theo lộ trình đến năm mục tiêu được đánh giá từ kỳ sau.",
    ]);
  });

  it("follows three years, each with its own figures, and compares the third with the second", () => {
    const r = buildAnnualReport({
      template,
      units: annualUnits,
      period: "2026",
      submissions: asReceived([
        ...annualReports(template),
        sentAgain(
          { id: "a0000000-0000-4000-8000-000000002026", period: "2026", numerator: 900 },
          "2026-12-05T09:00:00.000+07:00",
        ),
      ]),
      now: new Date("2026-12-14T08:00:00+07:00"),
    });
    expect(r.previous?.period).toBe("2025");
    const indicators = tableAfter(r.document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    // 900 / 1000 = 90% against 67,75% the year before.
    expect(indicators.columns[5]!.label).toBe("So với năm 2025");
    expect(indicators.rows.find((x) => x[1]!.endsWith(`(${FOLLOWED})`))!.slice(3, 6)).toEqual([
      "90%",
      "Đạt",
      "+22,25 điểm %",
    ]);
    expect(trajectoryOf(r.document)).toEqual([
      expect.stringContaining("(3 kỳ, năm 2024 – năm 2026)"),
      "TT | Chỉ tiêu | Mục tiêu | Năm 2024 | Năm 2025 | Năm 2026 | Tiến độ",
      expect.stringContaining(`(${FOLLOWED}) | ≥ 80% (năm 2030) | 70% | 67,75% | 90% | Đạt`),
    ]);
  });

  it("follows only the years up to the reported one: a later year's and a half-year's reports are left out", () => {
    const r = buildAnnualReport({
      template,
      units: annualUnits,
      period: "2025",
      submissions: asReceived([
        ...annualReports(template),
        sentAgain(
          { id: "a0000000-0000-4000-8000-000000002026", period: "2026", numerator: 900 },
          "2026-12-05T09:00:00.000+07:00",
        ),
        sentAgain(
          { id: "a0000000-0000-4000-8000-000000202501", period: "2025-H1", numerator: 600 },
          "2025-07-05T09:00:00.000+07:00",
        ),
      ]),
      now: new Date(REPORT_AT),
    });
    expect(trajectoryOf(r.document)).toEqual([
      expect.stringContaining("(2 kỳ, năm 2024 – năm 2025)"),
      "TT | Chỉ tiêu | Mục tiêu | Năm 2024 | Năm 2025 | Tiến độ",
      expect.stringContaining(`(${FOLLOWED}) | ≥ 80% (năm 2030) | 70% | 67,75% | Chậm so với lộ trình`),
    ]);
  });

  it("keeps the reported year in the series before anyone has reported for it", () => {
    const r = report(["2024"]);
    expect(r.previous?.period).toBe("2024");
    expect(trajectoryOf(r.document)).toEqual([
      expect.stringContaining("(2 kỳ, năm 2024 – năm 2025)"),
      "TT | Chỉ tiêu | Mục tiêu | Năm 2024 | Năm 2025 | Tiến độ",
      expect.stringContaining(`(${FOLLOWED}) | ≥ 80% (năm 2030) | 70% | — | Chưa có số liệu`),
    ]);
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
