// Where two plans a tracker follows measure the same thing (QĐ 2256's "hồ sơ … xử lý hoàn toàn trực
// tuyến" and KH 190's "hồ sơ trực tuyến toàn trình"), one row sets their targets and results side by
// side. Which indicators pair up is data (seeds/measures/), each pairing held to its plans' quotes.
import { z } from "zod";
import type { Consolidation } from "./consolidation-types.js";
import { normalizeText } from "../text/normalize-text.js";
import { Id, type Template } from "../plan/template-schema.js";
import type { TargetStatus } from "../plan/target-status.js";
import { tabName, TRACKER_TABS, targetStatusNames } from "./tracker-tab-layout.js";
import type { TabCellValue, TrackerTab } from "./tracker-tab-layout.js";

const Text = z.string().min(1);

export const MeasureMember = z
  .object({
    plan: Id,
    indicator: Id,
    /** Words of the indicator's own quote that say what it counts: the pairing's evidence. */
    quote: Text,
  })
  .strict();

export const SameMeasure = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u),
    name: Text,
    /** Why these indicators count the same thing, in Vietnamese with English alongside. */
    why: Text,
    indicators: z.array(MeasureMember).min(2),
  })
  .strict();
export type SameMeasure = z.infer<typeof SameMeasure>;

export const MeasureTable = z
  .object({ id: Text, title: Text, measures: z.array(SameMeasure) })
  .strict();
export type MeasureTable = z.infer<typeof MeasureTable>;

const plain = (s: string) => normalizeText(s).toLocaleLowerCase("vi");

/**
 * What is wrong with a table against the shipped templates: a plan or indicator that does not
 * exist, a quote its indicator's source does not hold, or indicators of different kinds or units.
 */
export function measureTableProblems(
  table: MeasureTable,
  templates: readonly Template[],
): string[] {
  const problems: string[] = [];
  const byId = new Map(templates.map((t) => [t.id, t]));
  const ids = new Set<string>();
  for (const m of table.measures) {
    const where = `${table.id} › ${m.id}`;
    if (ids.has(m.id)) problems.push(`${where}: mã lặp lại / id used twice`);
    ids.add(m.id);
    const found = m.indicators.flatMap((member) => {
      const indicator = byId.get(member.plan)?.indicators.find((i) => i.id === member.indicator);
      if (!indicator) {
        problems.push(
          `${where}: không có chỉ tiêu ${member.plan} ${member.indicator} / no such indicator`,
        );
        return [];
      }
      if (!plain(indicator.source).includes(plain(member.quote)))
        problems.push(
          `${where}: trích dẫn không có trong ${member.plan} ${member.indicator} / the quote is not in its source: "${member.quote}"`,
        );
      return [indicator];
    });
    const plans = new Set(m.indicators.map((i) => i.plan));
    if (plans.size !== m.indicators.length)
      problems.push(`${where}: hai chỉ tiêu của cùng kế hoạch / two indicators of one plan`);
    if (new Set(found.map((i) => `${i.kind}\u0000${i.unit}`)).size > 1)
      problems.push(
        `${where}: chỉ tiêu khác loại hoặc đơn vị tính / indicators of another kind or unit`,
      );
  }
  return problems;
}

export interface ComparedIndicator {
  planId: string;
  indicatorId: string;
  indicatorName: string;
  targetText: string;
  aggregate: number | null;
  status: TargetStatus;
}

export interface ComparisonRow {
  measureId: string;
  name: string;
  why: string;
  /** In the order of the consolidations given, one per plan that has the measure. */
  byPlan: ComparedIndicator[];
}

/** A row for every measure two or more of the consolidated plans share; the others are left out. */
export function planComparison(
  tables: readonly MeasureTable[],
  consolidations: readonly Consolidation[],
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const m of tables.flatMap((t) => t.measures)) {
    const byPlan = consolidations.flatMap((c) => {
      const member = m.indicators.find((i) => i.plan === c.planId);
      const ind = member && c.indicators.find((i) => i.id === member.indicator);
      return ind
        ? [
            {
              planId: c.planId,
              indicatorId: ind.id,
              indicatorName: ind.name,
              // Never blank: every indicator has a target or at least one level's.
              targetText: ind.allTargetsText,
              aggregate: ind.aggregate,
              status: ind.status,
            },
          ]
        : [];
    });
    if (byPlan.length >= 2) rows.push({ measureId: m.id, name: m.name, why: m.why, byPlan });
  }
  return rows;
}

/** The comparison as a tracker tab for one period: four columns per plan, in the plans' order. */
export function comparisonTab(
  rows: readonly ComparisonRow[],
  plans: readonly string[],
  period: string,
): TrackerTab {
  const def = TRACKER_TABS.comparison;
  const perPlan = (p: string) => [
    { key: `plan:${p}`, label: `${p}: chỉ tiêu` },
    { key: `target:${p}`, label: `${p}: mục tiêu` },
    { key: `aggregate:${p}`, label: `${p}: kết quả` },
    { key: `status:${p}`, label: `${p}: đánh giá` },
  ];
  const columns = [...def.columns, ...plans.flatMap(perPlan)];
  return {
    key: "comparison",
    name: tabName("comparison", period),
    header: columns.map((c) => c.label),
    columns: columns.map((c) => c.key),
    keyColumns: [...def.keyColumns],
    rows: rows.map((r) => [
      r.measureId,
      r.name,
      r.why,
      ...plans.flatMap((p): TabCellValue[] => {
        const x = r.byPlan.find((b) => b.planId === p);
        return x
          ? [
              `${x.indicatorId} — ${x.indicatorName}`,
              x.targetText,
              x.aggregate,
              targetStatusNames[x.status],
            ]
          : [null, null, null, null];
      }),
    ]),
  };
}
