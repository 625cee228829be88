// Every unit's current report for one plan and period gathered into the consolidator's view.
import { consolidationNotes } from "./consolidation-notes.js";
import type {
  BudgetConsolidation,
  Consolidation,
  ConsolidationInput,
  ConsolidationSummary,
  IndicatorConsolidation,
  Provenance,
  ReceivedSubmission,
  TaskConsolidation,
  TaskLeadReport,
  TaskOverallState,
  Timeliness,
  UnitConsolidation,
  UnitIndicatorValue,
} from "./consolidation-types.js";
import { signedInstant, supersedesAt } from "./current-report.js";
import { isRequiredOf } from "../plan/reporting-duties.js";
import { isoInVietnam, isTaskOverdue, Period, periodLabelVi, reportDueAt } from "../plan/period.js";
import type { IndicatorEntry, TaskStatus } from "../check/submission-schema.js";
import type { TargetStatus } from "../plan/target-status.js";
import { describeAllTargets, describeTarget, meets, targetFor } from "../plan/target-status.js";
import type { Indicator, Level, Target, Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import { LeadResolver } from "../plan/succession.js";
import { unitsForPeriod } from "../plan/unit-history.js";
import { districtLevelNote } from "../plan/district-level.js";
import { effectiveValue, ratioValue } from "../check/validate.js";
import { indicatorLimit } from "../plan/value-limits.js";

export type * from "./consolidation-types.js";

/** The report that counts (signed last) and the first one received, of a unit's for the plan and period. */
interface UnitReports {
  current: ReceivedSubmission;
  /** The current report's signed time, read once: a period may hold thousands of revisions. */
  currentAt: number;
  first: ReceivedSubmission;
  count: number;
}

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined;
const orNull = <T>(x: T | undefined): T | null => (x === undefined ? null : x);
const provenanceOf = (r: ReceivedSubmission): Provenance => ({
  submissionId: r.submission.submissionId,
  revision: r.revision,
  receivedAt: r.receivedAt,
});
// Times carry different offsets (+07:00, Z), so they are compared as instants, never as text.
const instant = (iso: string) => Date.parse(iso);
const DAY_MS = 86_400_000;

export function consolidate(input: ConsolidationInput): Consolidation {
  const { template, now } = input;
  const period = Period.parse(input.period);
  // A unit that did not exist at the period's end neither reports nor is awaited for it.
  const units = unitsForPeriod(input.units, period);
  const reports = latestReports(input.submissions, template.id, period);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const due = reportDueAt(period, template.reporting);
  const leadSets = new LeadSets(units, new LeadResolver(input.history, period));

  const { indicators, figures } = consolidateIndicators(template, units, reports, leadSets, period);
  const tasks = consolidateTasks(template, units, reports, leadSets, now);
  const unitRows = consolidateUnits(template, units, reports, figures, leadSets, due);
  const budget = consolidateBudget(template, units, reports);
  const strays = [...reports.entries()]
    .filter(([code]) => !unitByCode.has(code))
    .map(([unit, r]) => ({ unit, revisions: r.count, provenance: provenanceOf(r.current) }))
    // Codes are the map's keys, never equal.
    .sort((a, b) => (a.unit < b.unit ? -1 : 1));

  return {
    planId: template.id,
    templateVersion: template.version,
    period,
    periodLabel: periodLabelVi(period),
    dueAt: due ? isoInVietnam(due) : null,
    generatedAt: isoInVietnam(now),
    indicators,
    units: unitRows,
    tasks,
    budget,
    strays,
    summary: summarise(unitRows, indicators, tasks, strays.length),
  };
}

function latestReports(
  submissions: readonly ReceivedSubmission[],
  planId: string,
  period: string,
): Map<string, UnitReports> {
  const byUnit = new Map<string, UnitReports>();
  for (const r of submissions) {
    if (r.submission.planId !== planId || r.submission.period !== period) continue;
    const at = signedInstant(r.submission.submittedAt);
    const seen = byUnit.get(r.submission.unit);
    if (!seen) {
      byUnit.set(r.submission.unit, { current: r, currentAt: at, first: r, count: 1 });
      continue;
    }
    seen.count++;
    if (isCurrentOverAt(r, at, seen.current, seen.currentAt)) {
      seen.current = r;
      seen.currentAt = at;
    }
    if (arrivedBefore(r, seen.first)) seen.first = r;
  }
  return byUnit;
}

/**
 * The signed time decides, then the revision (current-report.ts); the receipt time only breaks a
 * tie a well-behaved tracker never makes.
 */
export function isCurrentOver(a: ReceivedSubmission, b: ReceivedSubmission): boolean {
  return isCurrentOverAt(
    a,
    signedInstant(a.submission.submittedAt),
    b,
    signedInstant(b.submission.submittedAt),
  );
}

function isCurrentOverAt(a: ReceivedSubmission, aAt: number, b: ReceivedSubmission, bAt: number) {
  const stampA = { at: aAt, revision: a.revision };
  const stampB = { at: bAt, revision: b.revision };
  if (supersedesAt(stampA, stampB)) return true;
  if (supersedesAt(stampB, stampA)) return false;
  return instant(a.receivedAt) > instant(b.receivedAt);
}

/** Revisions count arrivals: the lowest came first. */
function arrivedBefore(a: ReceivedSubmission, b: ReceivedSubmission): boolean {
  if (a.revision !== b.revision) return a.revision < b.revision;
  return instant(a.receivedAt) < instant(b.receivedAt);
}

/**
 * Unit codes per distinct lead list (and per required-rule), computed once: plans repeat the same
 * lead lists across dozens of indicators and tasks, and matching names per cell would be quadratic.
 */
class LeadSets {
  private readonly memo = new Map<string, Set<string>>();
  constructor(
    private readonly units: readonly Unit[],
    private readonly resolver: LeadResolver,
  ) {}

  leads(lead: readonly string[]): Set<string> {
    return this.cached(`lead\u0000${lead.join("\u0000")}`, (u) => this.resolver.matches(lead, u));
  }

  /** The quotes as the period reads them: a merged-away lead shows its successor. */
  labels(lead: readonly string[]): string[] {
    return lead.map((l) => this.resolver.resolve(l).label);
  }

  /** Keyed by exactly what `isRequiredOf` reads; extend the key if that rule reads more. */
  required(ind: Indicator): Set<string> {
    const key = `req\u0000${ind.reporters}\u0000${ind.aggregation === "single-reporter"}\u0000${ind.lead.join("\u0000")}`;
    return this.cached(key, (u) => isRequiredOf(ind, u, this.resolver.matches));
  }

  private cached(key: string, test: (u: Unit) => boolean): Set<string> {
    let set = this.memo.get(key);
    if (!set) {
      set = new Set(this.units.filter(test).map((u) => u.code));
      this.memo.set(key, set);
    }
    return set;
  }
}

/**
 * Whose figures make the province's: a lead-reported indicator, or a single-reporter one with a
 * named lead, takes its leads' figures only, because adding a non-lead's own count to a sum or a
 * mean would double-count what the plan assigned to the lead. Elsewhere a named lead only says
 * who is in charge, and every unit's figure counts. `undefined` means everyone.
 */
function designatedReporters(ind: Indicator, sets: LeadSets): Set<string> | undefined {
  if (ind.lead.length === 0) return undefined;
  if (ind.reporters === "lead" || ind.aggregation === "single-reporter")
    return sets.leads(ind.lead);
  return undefined;
}

/** The plan-wide target: a province-level figure stands in where the plan sets only per level. */
function planTarget(ind: Indicator): Target | undefined {
  return ind.target ?? ind.levelTargets?.province;
}

const levels: readonly Level[] = ["province", "district", "commune"];

interface Accumulator {
  ind: Indicator;
  required: Set<string>;
  designated: Set<string> | undefined;
  byUnit: Record<string, UnitIndicatorValue>;
  targets: Record<Level, { target: Target | undefined; text: string }>;
  reported: number;
  outside: number;
  /** Figures outside what their kind can mean (stored before the limits): shown, not aggregated. */
  unusable: number;
  values: number[];
  sumNumerator: number;
  sumDenominator: number;
  ratioUnits: number;
  valueOnly: number;
  single: { unit: Unit; at: number; value: number } | undefined;
}

function accumulator(ind: Indicator, sets: LeadSets): Accumulator {
  const targets = {} as Accumulator["targets"];
  for (const level of levels) {
    const target = targetFor(ind, level);
    targets[level] = { target, text: describeTarget(ind, target) };
  }
  return {
    ind,
    required: sets.required(ind),
    designated: designatedReporters(ind, sets),
    byUnit: {},
    targets,
    reported: 0,
    outside: 0,
    unusable: 0,
    values: [],
    sumNumerator: 0,
    sumDenominator: 0,
    ratioUnits: 0,
    valueOnly: 0,
    single: undefined,
  };
}

/** A unit gave a figure when there is a value or both parts of a ratio (0 / 0 included). */
function hasFigure(entry: IndicatorEntry, value: number | undefined): boolean {
  return value !== undefined || (present(entry.numerator) && present(entry.denominator));
}

const within = (x: number | null | undefined, limit: { min: number; max: number }) =>
  !present(x) || (x >= limit.min && x <= limit.max);

/**
 * Whether a figure can join the province's: each part, the value and the parts' own ratio within
 * what the kind can mean (validation refuses the rest, but stores outlive rules), and no numerator
 * over a denominator of 0. With every unit's ratio bounded, Σ numerators / Σ denominators is at
 * most the largest of them, and bounded figures cannot overflow a sum: no aggregate is NaN or ±∞.
 */
function usable(ind: Indicator, entry: IndicatorEntry): boolean {
  const limit = indicatorLimit(ind, "value");
  return (
    within(entry.value, limit) &&
    within(ratioValue(ind, entry), limit) &&
    within(entry.numerator, indicatorLimit(ind, "numerator")) &&
    within(entry.denominator, indicatorLimit(ind, "denominator")) &&
    !(entry.denominator === 0 && present(entry.numerator) && entry.numerator !== 0)
  );
}

const finiteOrNull = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

/** Per unit, how many indicators it gave a figure for, counted during the one pass over entries. */
interface UnitFigures {
  reported: number;
  requiredReported: number;
}

function consolidateIndicators(
  template: Template,
  units: readonly Unit[],
  reports: Map<string, UnitReports>,
  sets: LeadSets,
  period: Period,
): { indicators: IndicatorConsolidation[]; figures: Map<string, UnitFigures> } {
  const accs = new Map(template.indicators.map((ind) => [ind.id, accumulator(ind, sets)]));
  const figures = new Map<string, UnitFigures>();
  for (const unit of units) {
    const report = reports.get(unit.code)?.current;
    if (!report) continue;
    const provenance = provenanceOf(report);
    const at = instant(report.receivedAt);
    const counts = { reported: 0, requiredReported: 0 };
    figures.set(unit.code, counts);
    const entries = report.submission.indicators;
    // Backwards, so that of an entry sent twice (refused by validation, but stores outlive
    // rules) the last one counts, as in validation's Map.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      const acc = accs.get(entry.indicatorId);
      if (!acc || Object.prototype.hasOwnProperty.call(acc.byUnit, unit.code)) continue;
      if (add(acc, unit, entry, provenance, at)) {
        counts.reported++;
        if (acc.required.has(unit.code)) counts.requiredReported++;
      }
    }
  }
  return { indicators: [...accs.values()].map((acc) => finish(acc, units, sets, period)), figures };
}

/** Records the unit's entry; true when it carried a figure. */
function add(
  acc: Accumulator,
  unit: Unit,
  entry: IndicatorEntry,
  provenance: Provenance,
  at: number,
): boolean {
  const computed = effectiveValue(acc.ind, entry);
  const fits = usable(acc.ind, entry);
  const value = fits ? computed : undefined;
  const { target, text } = acc.targets[unit.level];
  const counted = acc.designated === undefined || acc.designated.has(unit.code);
  acc.byUnit[unit.code] = {
    value: finiteOrNull(computed),
    numerator: orNull(entry.numerator),
    denominator: orNull(entry.denominator),
    level: unit.level,
    reportedLevel: orNull(entry.level),
    targetText: text,
    status: value === undefined || !target ? "no-data" : meets(target, value) ? "met" : "not-met",
    counted,
    note: orNull(entry.note),
    evidence: orNull(entry.evidence),
    provenance,
  };
  if (!fits) {
    acc.unusable++;
    return false;
  }
  if (!hasFigure(entry, value)) return false;
  if (!counted) {
    acc.outside++;
    return true;
  }
  acc.reported++;
  if (present(entry.numerator) && present(entry.denominator)) {
    acc.sumNumerator += entry.numerator;
    acc.sumDenominator += entry.denominator;
    acc.ratioUnits++;
  } else {
    // Without both parts, a figure (hasFigure) is a value.
    acc.valueOnly++;
  }
  if (value === undefined) return true;
  acc.values.push(value);
  if (!acc.single || at > acc.single.at) acc.single = { unit, at, value };
  return true;
}

function finish(
  acc: Accumulator,
  units: readonly Unit[],
  sets: LeadSets,
  period: Period,
): IndicatorConsolidation {
  const { ind } = acc;
  const target = planTarget(ind);
  const { aggregate, contributing, aggregateFrom, status, notes } = aggregateOf(acc, units, target);
  if (acc.outside > 0) notes.push(consolidationNotes.notAssigned.vi({ count: acc.outside }));
  if (acc.unusable > 0) notes.push(consolidationNotes.outOfRange.vi({ count: acc.unusable }));
  // The indicator's decision on its cấp huyện target, once the level has ended.
  const districtNote = districtLevelNote(ind.districtLevel, period);
  if (districtNote) notes.push(districtNote);
  return {
    id: ind.id,
    group: ind.group,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    aggregation: ind.aggregation,
    reporters: ind.reporters,
    lead: sets.labels(ind.lead),
    target: target ?? null,
    targetText: describeTarget(ind, target),
    allTargetsText: describeAllTargets(ind),
    aggregate,
    status,
    expected: acc.required.size,
    reported: acc.reported,
    contributing,
    outside: acc.outside,
    aggregateFrom,
    note: notes.join("; "),
    byUnit: acc.byUnit,
  };
}

interface Aggregate {
  aggregate: number | null;
  contributing: number;
  aggregateFrom: string | null;
  status: TargetStatus;
  notes: string[];
}

function judged(value: number | null, target: Target | undefined): TargetStatus {
  if (value === null || !target) return "no-data";
  return meets(target, value) ? "met" : "not-met";
}

function aggregateOf(
  acc: Accumulator,
  units: readonly Unit[],
  target: Target | undefined,
): Aggregate {
  const { ind, values } = acc;
  const plain = (aggregate: number | null, notes: string[] = []): Aggregate => ({
    aggregate,
    contributing: values.length,
    aggregateFrom: null,
    status: judged(aggregate, target),
    notes,
  });
  switch (ind.aggregation) {
    case "ratio-of-sums":
      return ratioOfSums(acc, target);
    case "sum":
      return plain(values.length ? values.reduce((s, v) => s + v, 0) : null);
    case "mean":
      return plain(values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
    case "min":
      return plain(values.length ? values.reduce((m, v) => (v < m ? v : m)) : null);
    case "max":
      return plain(values.length ? values.reduce((m, v) => (v > m ? v : m)) : null);
    case "every-unit":
      return everyUnit(acc, units);
    case "single-reporter":
      return singleReporter(acc, target);
  }
}

function ratioOfSums(acc: Accumulator, target: Target | undefined): Aggregate {
  const notes: string[] = [];
  if (acc.valueOnly > 0) notes.push(consolidationNotes.rateOnly.vi({ count: acc.valueOnly }));
  // Σ denominators of 0 (every unit had nothing to count) is no data, not 0%.
  const ratio = acc.sumDenominator === 0 ? null : acc.sumNumerator / acc.sumDenominator;
  const aggregate = ratio === null ? null : acc.ind.kind === "percent" ? ratio * 100 : ratio;
  return {
    aggregate,
    contributing: aggregate === null ? 0 : acc.ratioUnits,
    aggregateFrom: null,
    status: judged(aggregate, target),
    notes,
  };
}

/**
 * The share of expected units meeting their own level's target. Units whose level the plan sets
 * no target for cannot meet or miss it, so they are left out of the share.
 */
function everyUnit(acc: Accumulator, units: readonly Unit[]): Aggregate {
  let judgedUnits = 0;
  let met = 0;
  let reported = 0;
  for (const unit of units) {
    if (!acc.required.has(unit.code) || !acc.targets[unit.level].target) continue;
    judgedUnits++;
    const status = Object.prototype.hasOwnProperty.call(acc.byUnit, unit.code)
      ? acc.byUnit[unit.code]?.status
      : undefined;
    if (status === "met" || status === "not-met") reported++;
    if (status === "met") met++;
  }
  const notes = [consolidationNotes.levelTargetsMet.vi({ met, judged: judgedUnits })];
  if (reported < judgedUnits)
    notes.push(consolidationNotes.noFigures.vi({ count: judgedUnits - reported }));
  const status: TargetStatus = reported === 0 ? "no-data" : met === judgedUnits ? "met" : "not-met";
  return {
    aggregate: judgedUnits === 0 ? null : (met / judgedUnits) * 100,
    contributing: reported,
    aggregateFrom: null,
    status,
    notes,
  };
}

/** The lead's figure where there is a lead; otherwise the most recently received one. */
function singleReporter(acc: Accumulator, target: Target | undefined): Aggregate {
  const chosen = acc.single;
  const notes: string[] = [];
  if (chosen) {
    notes.push(
      consolidationNotes.figureTaken.vi({
        count: acc.values.length,
        unit: chosen.unit.name,
        latest: acc.values.length > 1,
      }),
    );
  } else if (acc.designated) {
    notes.push(consolidationNotes.leadMissing.vi({ leads: acc.ind.lead.join("; ") }));
  }
  // The units' figures are each the province's one figure as that unit knows it (template-schema).
  if (acc.ind.provinceWide && acc.values.length > 0)
    notes.unshift(consolidationNotes.provinceWide.vi());
  const aggregate = chosen ? chosen.value : null;
  return {
    aggregate,
    contributing: chosen ? 1 : 0,
    aggregateFrom: chosen ? chosen.unit.code : null,
    status: judged(aggregate, target),
    notes,
  };
}

function consolidateTasks(
  template: Template,
  units: readonly Unit[],
  reports: Map<string, UnitReports>,
  sets: LeadSets,
  now: Date,
): TaskConsolidation[] {
  type Found = { status: TaskStatus; report: ReceivedSubmission };
  const byTask = new Map<string, Map<string, Found>>(template.tasks.map((t) => [t.id, new Map()]));
  for (const [code, { current }] of reports) {
    for (const status of current.submission.tasks) {
      byTask.get(status.taskId)?.set(code, { status, report: current });
    }
  }
  return template.tasks.map((task) => {
    const leadCodes = sets.leads(task.lead);
    const found = byTask.get(task.id);
    const leads: TaskLeadReport[] = units
      .filter((u) => leadCodes.has(u.code))
      .map((u) => leadReport(u, found?.get(u.code)));
    const state = overallState(leads);
    return {
      id: task.id,
      group: task.group ?? null,
      text: task.text,
      lead: sets.labels(task.lead),
      deadline: task.deadline,
      state,
      overdue: state !== "done" && isTaskOverdue(task.deadline, now),
      leads,
    };
  });
}

function leadReport(
  unit: Unit,
  found: { status: TaskStatus; report: ReceivedSubmission } | undefined,
): TaskLeadReport {
  return {
    unit: unit.code,
    name: unit.name,
    status: found?.status.status ?? "missing",
    completedOn: orNull(found?.status.completedOn ?? undefined),
    note: orNull(found?.status.note),
    provenance: found ? provenanceOf(found.report) : null,
  };
}

function overallState(leads: readonly TaskLeadReport[]): TaskOverallState {
  // No lead unit on the list means nobody can report it: "every" of none is true, so no-report,
  // never "done".
  if (leads.every((l) => l.status === "missing")) return "no-report";
  if (leads.every((l) => l.status === "done")) return "done";
  if (leads.some((l) => l.status === "in-progress" || l.status === "done")) return "in-progress";
  return "not-started";
}

function consolidateUnits(
  template: Template,
  units: readonly Unit[],
  reports: Map<string, UnitReports>,
  figures: Map<string, UnitFigures>,
  sets: LeadSets,
  due: Date | undefined,
): UnitConsolidation[] {
  const required = template.indicators.map((ind) => sets.required(ind));
  const taskLeads = template.tasks.map((t) => ({ id: t.id, codes: sets.leads(t.lead) }));
  return units.map((unit) => {
    const r = reports.get(unit.code);
    const reportedTasks = new Set(
      r?.current.submission.tasks.filter((t) => t.status !== null).map((t) => t.taskId),
    );
    const led = taskLeads.filter((t) => t.codes.has(unit.code));
    const { timeliness, daysLate } = timelinessOf(r, due);
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      level: unit.level,
      timeliness,
      revision: r ? r.current.revision : null,
      revisions: r ? r.count : 0,
      submissionId: r ? r.current.submission.submissionId : null,
      receivedAt: r ? r.current.receivedAt : null,
      firstReceivedAt: r ? r.first.receivedAt : null,
      daysLate,
      templateVersion: r ? r.current.submission.templateVersion : null,
      indicatorsRequired: required.filter((codes) => codes.has(unit.code)).length,
      indicatorsRequiredReported: figures.get(unit.code)?.requiredReported ?? 0,
      indicatorsReported: figures.get(unit.code)?.reported ?? 0,
      tasksLed: led.length,
      tasksReported: led.filter((t) => reportedTasks.has(t.id)).length,
    };
  });
}

/**
 * Whether the unit reported in time is decided by its FIRST revision's receipt: a correction sent
 * after the deadline does not make a report that arrived in time late. The tracker's receipt time
 * counts, not the unit's `submittedAt`, which a wrong clock can move.
 */
function timelinessOf(
  r: UnitReports | undefined,
  due: Date | undefined,
): { timeliness: Timeliness; daysLate: number | null } {
  if (!r) return { timeliness: "missing", daysLate: null };
  if (!due) return { timeliness: "submitted", daysLate: null };
  const past = instant(r.first.receivedAt) - due.getTime();
  if (past < 0) return { timeliness: "on-time", daysLate: null };
  return { timeliness: "late", daysLate: Math.floor(past / DAY_MS) + 1 };
}

function consolidateBudget(
  template: Template,
  units: readonly Unit[],
  reports: Map<string, UnitReports>,
): BudgetConsolidation[] {
  if (!template.budget) return [];
  const lines = [
    { line: template.budget.total, role: "total" as const },
    ...template.budget.parts.map((line) => ({ line, role: "part" as const })),
  ];
  const out = new Map<string, BudgetConsolidation>(
    lines.map(({ line, role }) => [
      line.id,
      {
        id: line.id,
        label: line.label,
        role,
        planned: line.amount,
        allocated: 0,
        disbursed: 0,
        reporters: 0,
        disbursementRate: null,
        byUnit: {},
      },
    ]),
  );
  for (const unit of units) {
    const report = reports.get(unit.code)?.current;
    if (!report) continue;
    const entries = report.submission.budget;
    // Backwards, so that of a line sent twice (refused by validation, but stores outlive rules)
    // the last one counts, as for indicators and as in validation's Map.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      const line = out.get(entry.lineId);
      if (!line || Object.prototype.hasOwnProperty.call(line.byUnit, unit.code)) continue;
      line.byUnit[unit.code] = {
        allocated: orNull(entry.allocated),
        disbursed: orNull(entry.disbursed),
        note: orNull(entry.note),
        provenance: provenanceOf(report),
      };
      if (present(entry.allocated)) line.allocated += entry.allocated;
      if (present(entry.disbursed)) line.disbursed += entry.disbursed;
      if (present(entry.allocated) || present(entry.disbursed)) line.reporters++;
    }
  }
  for (const line of out.values()) {
    line.disbursementRate = line.allocated > 0 ? (line.disbursed / line.allocated) * 100 : null;
  }
  return [...out.values()];
}

function summarise(
  units: readonly UnitConsolidation[],
  indicators: readonly IndicatorConsolidation[],
  tasks: readonly TaskConsolidation[],
  strays: number,
): ConsolidationSummary {
  const countUnits = (t: Timeliness) => units.filter((u) => u.timeliness === t).length;
  const countIndicators = (s: TargetStatus) => indicators.filter((i) => i.status === s).length;
  return {
    unitsExpected: units.length,
    unitsSubmitted: units.length - countUnits("missing"),
    unitsOnTime: countUnits("on-time"),
    unitsLate: countUnits("late"),
    unitsMissing: countUnits("missing"),
    indicatorsMet: countIndicators("met"),
    indicatorsNotMet: countIndicators("not-met"),
    indicatorsNoData: countIndicators("no-data"),
    tasks: tasks.length,
    tasksDone: tasks.filter((t) => t.state === "done").length,
    tasksOverdue: tasks.filter((t) => t.overdue).length,
    strays,
  };
}
