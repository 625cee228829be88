// The report to the People's Committee, one model for every shell: core's consolidation of the
// period (and of the one before, for the change), laid out as Nghị định 30/2020/NĐ-CP asks.
import { consolidate } from "../tracker/consolidate.js";
import type { Consolidation, ReceivedSubmission } from "../tracker/consolidation-types.js";
import { Period, periodParts } from "../plan/period.js";
import type { NarrativeSection } from "../check/submission-schema.js";
import type { Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";
import { planName, periodPhrase, reportFrame } from "./report-frame.js";
import {
  budgetSection,
  implementationSection,
  indicatorSection,
  taskSection,
} from "./report-sections.js";
import {
  assessmentBlocks,
  difficultiesSection,
  narrativesOf,
  proposalsSection,
} from "./narrative-sections.js";
import { previousPeriod } from "./previous-period.js";
import { trajectoryBlocks } from "./trajectory-section.js";
import { periodEnd } from "./trajectory.js";
import { printable } from "./report-text.js";

export interface AnnualReportInput {
  template: Template;
  units: Unit[];
  period: string;
  /**
   * Every revision received, of this period and earlier ones of the same kind: the one before
   * gives the change, all of them the trajectory to the target year. Later periods are ignored.
   */
  submissions: readonly ReceivedSubmission[];
  now: Date;
}

export interface AnnualReport {
  consolidation: Consolidation;
  /** The period before, when any unit reported for it; null means no comparison is made. */
  previous: Consolidation | null;
  document: ReportDocument;
}

export function buildAnnualReport(input: AnnualReportInput): AnnualReport {
  const { template, units, now } = input;
  const period = Period.parse(input.period);
  const prior = previousPeriod(period);
  const submissions = [...input.submissions];
  const consolidation = consolidate({ template, units, period, submissions, now });
  const hasPrior = submissions.some(
    (r) => r.submission.planId === template.id && r.submission.period === prior,
  );
  const previous = hasPrior
    ? consolidate({ template, units, period: prior, submissions, now })
    : null;
  const frame = reportFrame(template, period, now);
  const narratives = (section: NarrativeSection) =>
    narrativesOf(consolidation, submissions, section);
  const body: ReportBlock[] = [
    {
      kind: "paragraph",
      text:
        `Thực hiện ${planName(template)}${issuedBy(template)}, ${sentenceAgency(template)} ` +
        `tổng hợp báo cáo của các đơn vị và báo cáo kết quả thực hiện ${periodPhrase(period)} như sau:`,
    },
    ...implementationSection(consolidation),
    ...assessmentBlocks(narratives("assessment")),
    ...indicatorSection(consolidation, previous),
    ...trajectoryBlocks(
      seriesPeriods(submissions, template.id, period).map((p) =>
        p === period
          ? consolidation
          : p === prior && previous
            ? previous
            : consolidate({ template, units, period: p, submissions, now }),
      ),
    ),
    ...taskSection(consolidation),
    ...budgetSection(consolidation),
    ...difficultiesSection(narratives("difficulties")),
    ...proposalsSection(narratives("proposals")),
    {
      kind: "paragraph",
      // The period before the plan's name: many titles end in a year ("… định hướng đến năm 2030").
      text: `Trên đây là báo cáo kết quả ${periodPhrase(period)} thực hiện ${planName(template)}, kính báo cáo ${template.plan.issuer} xem xét, chỉ đạo./.`,
    },
  ];
  return {
    consolidation,
    previous,
    document: {
      frame: mapText(frame, printable),
      body: body.map((b) => printableBlock(b)),
      fileStem: `bao-cao-${template.id}-${period}`,
    },
  };
}

/** The periods of the same kind as `period` that hold reports, up to it, in time order. */
function seriesPeriods(
  submissions: readonly ReceivedSubmission[],
  planId: string,
  period: string,
): string[] {
  const kind = periodParts(period).kind;
  const periods = new Set([period]);
  for (const { submission: s } of submissions) {
    if (s.planId !== planId || !Period.safeParse(s.period).success) continue;
    if (periodParts(s.period).kind === kind && periodEnd(s.period) <= periodEnd(period))
      periods.add(s.period);
  }
  return [...periods].sort((a, b) => periodEnd(a) - periodEnd(b));
}

function issuedBy(template: Template): string {
  const { documentNumber, documentDate } = template.plan;
  if (!documentNumber) return ` của ${template.plan.issuer}`;
  const date = documentDate ? ` ngày ${documentDate.split("-").reverse().join("/")}` : "";
  return ` (${documentNumber}${date} của ${template.plan.issuer})`;
}

// The agency as a sentence names it: "Sở Thông tin và Truyền thông", not the header's capitals.
function sentenceAgency(template: Template): string {
  return template.reporting?.leadUnit ?? "cơ quan chủ trì";
}

function printableBlock(b: ReportBlock): ReportBlock {
  if (b.kind !== "table") return { ...b, text: printable(b.text) };
  return {
    kind: "table",
    columns: b.columns.map((c) => ({ ...c, label: printable(c.label) })),
    rows: b.rows.map((r) => r.map(printable)),
  };
}

function mapText<T extends object>(o: T, f: (s: string) => string): T {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      typeof v === "string" ? f(v) : Array.isArray(v) ? v.map((x: string) => f(x)) : v,
    ]),
  ) as T;
}
