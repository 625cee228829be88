// Continuity across the 2025 reorganisation: what a unit that no longer exists reported in earlier
// periods stays its own (its code, its submission, its revision) and is shown, in a later period,
// under each unit that took over from it, so a commune's 2025 figures can be read beside what its
// district reported in 2024 or 2025-H1. Nothing here changes a stored report.
import { isCurrentOver } from "./consolidate.js";
import type { ReceivedSubmission } from "./consolidation-types.js";
import type { Period } from "../plan/period.js";
import { periodDays, type UnitHistory } from "../plan/unit-history.js";
import type { Template } from "../plan/template-schema.js";
import { tabName, TRACKER_TABS } from "./tracker-tab-layout.js";
import type { TabCellValue, TrackerTab } from "./tracker-tab-layout.js";
import { effectiveValue } from "../check/validate.js";

export interface CarriedReport {
  /** The unit that holds the duties in the period. */
  successor: { code: string; name: string };
  /** The unit that made the report, as it made it. */
  predecessor: { code: string; name: string };
  period: string;
  submissionId: string;
  revision: number;
  receivedAt: string;
  /** Indicator id → the figure as reported (a share computed from numerator and denominator). */
  values: Record<string, number | null>;
}

/**
 * For a period, the current reports of the plan for periods that closed before it ends, by units that no longer
 * exist on its last day, one row per (successor, report): a district taken over by several communes
 * is shown under each of them.
 */
export function carriedOver(
  template: Template,
  period: Period,
  received: readonly ReceivedSubmission[],
  history: UnitHistory,
): CarriedReport[] {
  const { last } = periodDays(period);
  const current = new Map<string, ReceivedSubmission>();
  for (const r of received) {
    const s = r.submission;
    // Earlier periods, and parts of this one that closed before it (2025-H1 within 2025).
    if (s.planId !== template.id || periodDays(s.period).last >= last) continue;
    const key = `${s.unit}\u0000${s.period}`;
    const seen = current.get(key);
    if (!seen || isCurrentOver(r, seen)) current.set(key, r);
  }
  const rows: CarriedReport[] = [];
  for (const r of current.values()) {
    const s = r.submission;
    const unit = history.unit(s.unit);
    if (!unit) continue;
    const heirs = history.holdersOn(s.unit, last);
    if (heirs.some((h) => h.code === s.unit)) continue;
    const values: Record<string, number | null> = {};
    for (const ind of template.indicators) {
      const entry = s.indicators.find((e) => e.indicatorId === ind.id);
      if (entry) values[ind.id] = effectiveValue(ind, entry) ?? null;
    }
    for (const heir of heirs)
      rows.push({
        successor: { code: heir.code, name: heir.name },
        predecessor: { code: unit.code, name: unit.name },
        period: s.period,
        submissionId: s.submissionId,
        revision: r.revision,
        receivedAt: r.receivedAt,
        values,
      });
  }
  return rows.sort(
    (a, b) =>
      a.successor.code.localeCompare(b.successor.code) ||
      a.period.localeCompare(b.period) ||
      a.predecessor.code.localeCompare(b.predecessor.code),
  );
}

/** The rows as a tracker tab for the period, a column per indicator as in "Số liệu đơn vị". */
export function carriedOverTab(
  rows: readonly CarriedReport[],
  template: Template,
  period: string,
): TrackerTab {
  const def = TRACKER_TABS.carriedOver;
  return {
    key: "carriedOver",
    name: tabName("carriedOver", period),
    header: [
      ...def.columns.map((c) => c.label),
      ...template.indicators.map((i) => `${i.id} — ${i.name}`),
    ],
    columns: [
      ...def.columns.map((c) => c.key),
      ...template.indicators.map((i) => `indicator:${i.id}`),
    ],
    keyColumns: [...def.keyColumns],
    rows: rows.map((r): TabCellValue[] => [
      r.successor.code,
      r.successor.name,
      r.predecessor.code,
      r.predecessor.name,
      r.period,
      r.submissionId,
      r.revision,
      ...template.indicators.map((i) => r.values[i.id] ?? null),
    ]),
  };
}
