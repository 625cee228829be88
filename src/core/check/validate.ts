// The validation engine: rules as data, each with one code, run over a submission against its
// template. The same function judges a report in the add-in, in Apps Script and in the tracker.
import type { Issue, IssueLocation } from "./issues.js";
import { makeIssue } from "./issues.js";
import { isRequiredOf, tasksOf } from "../plan/reporting-duties.js";
import type { FieldName, IssueCode, Params } from "./messages.js";
import { formatDateVi } from "../text/parse-date.js";
import { formatNumberVi } from "../text/parse-number.js";
import { deadlineMonth, isTaskOverdue, todayInVietnam } from "../plan/period.js";
import { planYears, yearOf } from "../plan/plan-years.js";
import type { BudgetEntry, IndicatorEntry, TaskStatus } from "./submission-schema.js";
import { describeTarget, meets, targetFor } from "../plan/target-status.js";
import type { BudgetLine, Indicator, Task, Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import type { SubmissionDraft } from "./submission-schema.js";
import type { ValueLimit } from "../plan/value-limits.js";
import { budgetLimit, indicatorLimit, TEXT_MAX_CHARS } from "../plan/value-limits.js";
import { narrativeIssues } from "./narrative-rules.js";

export interface ValidationContext {
  template: Template;
  unit: Unit;
  /** The moment of the check: decides what is overdue or in the future. */
  now: Date;
  /** Where a field sits in a sheet, when the report came from one. */
  locate?: (item: ItemRef, field: FieldName) => Partial<IssueLocation>;
}

export type ItemRef = { kind: "indicator" | "task" | "budget" | "narrative"; id: string };

interface Finding {
  field: FieldName;
  params?: Params;
}

/** What rules see: the caller's context and today's date in Vietnam, worked out once per check. */
interface RuleContext extends ValidationContext {
  today: string;
}

interface Rule<Subject> {
  code: IssueCode;
  check(subject: Subject, ctx: RuleContext): Finding | Finding[] | undefined;
}

interface IndicatorSubject {
  indicator: Indicator;
  entry: IndicatorEntry | undefined;
  /** The value as reported, or computed from numerator and denominator. */
  effective: number | undefined;
}

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined;
const filled = (s: string | undefined) => s !== undefined && s.trim() !== "";
const n = (x: number) => formatNumberVi(x);

/**
 * Each field outside its limit; NaN and ±Infinity fail both comparisons, so they are out of every
 * range. A plain loop: this runs for every entry of every report.
 */
function outOfRange<F extends FieldName>(
  entry: Partial<Record<F, number | null>>,
  fields: readonly F[],
  limitOf: (field: F) => ValueLimit,
): Finding[] | undefined {
  let found: Finding[] | undefined;
  for (const field of fields) {
    const value = entry[field];
    if (!present(value)) continue;
    const limit = limitOf(field);
    if (value >= limit.min && value <= limit.max) continue;
    (found ??= []).push({
      field,
      params: { value: n(value), range: `${n(limit.min)} – ${n(limit.max)}` },
    });
  }
  return found;
}

/** Only within range: beyond it the range is the message, and every whole limit is below 2^53. */
function notWhole<F extends FieldName>(
  entry: Partial<Record<F, number | null>>,
  fields: readonly F[],
  limit: ValueLimit,
): Finding[] | undefined {
  if (!limit.whole) return undefined;
  let found: Finding[] | undefined;
  for (const field of fields) {
    const value = entry[field];
    if (present(value) && value >= limit.min && value <= limit.max && !Number.isInteger(value))
      (found ??= []).push({ field, params: { value: n(value) } });
  }
  return found;
}

/** The submission schema's text limit, found where the text is instead of refused on sending. */
function tooLong<F extends FieldName>(
  entry: Partial<Record<F, unknown>>,
  fields: readonly F[],
): Finding[] | undefined {
  let found: Finding[] | undefined;
  for (const field of fields) {
    const text = entry[field];
    if (typeof text === "string" && text.length > TEXT_MAX_CHARS)
      (found ??= []).push({ field, params: { length: n(text.length), max: n(TEXT_MAX_CHARS) } });
  }
  return found;
}

const QUANTITIES = ["value", "numerator", "denominator"] as const;
const AMOUNTS = ["allocated", "disbursed"] as const;
const VALUE = ["value"] as const;
const TEXTS = ["evidence", "note"] as const;
const NOTE = ["note"] as const;

/** A share is reported in percent, so numerator / denominator is scaled to it. */
export function ratioValue(
  indicator: Indicator,
  entry: IndicatorEntry | undefined,
): number | undefined {
  if (!entry || !present(entry.numerator) || !present(entry.denominator) || entry.denominator === 0)
    return undefined;
  const ratio = entry.numerator / entry.denominator;
  return indicator.kind === "percent" ? ratio * 100 : ratio;
}

export function effectiveValue(
  indicator: Indicator,
  entry: IndicatorEntry | undefined,
): number | undefined {
  if (entry && present(entry.value)) return entry.value;
  return ratioValue(indicator, entry);
}

/** Half a unit of the last decimal the officer wrote: 66,7 matches 66,666…; 67 matches 66,67. */
function roundingTolerance(value: number): number {
  const decimals = (String(value).split(".")[1] ?? "").length;
  return Math.max(0.5 * 10 ** -decimals, 0.005);
}

export const indicatorRules: Rule<IndicatorSubject>[] = [
  {
    code: "required",
    check: ({ indicator, entry, effective }, ctx) =>
      isRequiredOf(indicator, ctx.unit) &&
      effective === undefined &&
      !(entry && present(entry.numerator))
        ? { field: "value" }
        : undefined,
  },
  {
    code: "out-of-range",
    check: ({ indicator, entry }) =>
      entry && outOfRange(entry, QUANTITIES, (field) => indicatorLimit(indicator, field)),
  },
  {
    code: "not-whole",
    check: ({ indicator, entry }) =>
      entry && notWhole(entry, VALUE, indicatorLimit(indicator, "value")),
  },
  {
    code: "text-too-long",
    check: ({ entry }) => (entry ? tooLong(entry, TEXTS) : undefined),
  },
  {
    code: "half-ratio",
    check: ({ entry }) => {
      if (!entry) return undefined;
      if (present(entry.numerator) && !present(entry.denominator)) {
        return {
          field: "denominator",
          params: { missing: "mẫu số", missingEn: "the denominator" },
        };
      }
      if (!present(entry.numerator) && present(entry.denominator)) {
        return { field: "numerator", params: { missing: "tử số", missingEn: "the numerator" } };
      }
      return undefined;
    },
  },
  {
    // The province's figure is Σ numerators / Σ denominators; a bare percentage cannot join it.
    code: "ratio-parts-required",
    check: ({ indicator, entry }, ctx) =>
      indicator.aggregation === "ratio-of-sums" &&
      isRequiredOf(indicator, ctx.unit) &&
      entry &&
      present(entry.value) &&
      !present(entry.numerator) &&
      !present(entry.denominator)
        ? { field: "numerator" }
        : undefined,
  },
  {
    code: "zero-denominator",
    check: ({ entry }) =>
      entry && present(entry.numerator) && entry.denominator === 0
        ? { field: "denominator" }
        : undefined,
  },
  {
    code: "numerator-exceeds-denominator",
    check: ({ indicator, entry }) =>
      indicator.kind === "percent" &&
      entry &&
      present(entry.numerator) &&
      present(entry.denominator) &&
      entry.numerator > entry.denominator
        ? {
            field: "numerator",
            params: { numerator: n(entry.numerator), denominator: n(entry.denominator) },
          }
        : undefined,
  },
  {
    code: "value-mismatch",
    check: ({ indicator, entry }) => {
      const computed = ratioValue(indicator, entry);
      if (!entry || !present(entry.value) || computed === undefined) return undefined;
      return Math.abs(entry.value - computed) > roundingTolerance(entry.value)
        ? {
            field: "value",
            params: { value: n(entry.value), computed: formatNumberVi(computed, 2) },
          }
        : undefined;
    },
  },
  {
    code: "explanation-required",
    check: ({ indicator, entry, effective }, ctx) => {
      const target = targetFor(indicator, ctx.unit.level);
      if (effective === undefined || !target || meets(target, effective) || filled(entry?.note))
        return undefined;
      return { field: "note", params: { target: describeTarget(indicator, target) } };
    },
  },
  {
    code: "evidence-required",
    check: ({ indicator, entry, effective }) =>
      indicator.evidenceRequired &&
      effective !== undefined &&
      effective !== 0 &&
      !filled(entry?.evidence)
        ? { field: "evidence" }
        : undefined,
  },
];

interface TaskSubject {
  task: Task;
  status: TaskStatus | undefined;
  leads: boolean;
}

export const taskRules: Rule<TaskSubject>[] = [
  {
    code: "text-too-long",
    check: ({ status }) => (status ? tooLong(status, NOTE) : undefined),
  },
  {
    code: "task-status-required",
    check: ({ status, leads }) => (leads && !status?.status ? { field: "status" } : undefined),
  },
  {
    code: "done-without-date",
    check: ({ status }) =>
      status?.status === "done" && !status.completedOn ? { field: "completedOn" } : undefined,
  },
  {
    code: "completion-in-future",
    check: ({ status }, { today }) =>
      status?.completedOn && status.completedOn > today
        ? {
            field: "completedOn",
            params: { date: formatDateVi(status.completedOn), today: formatDateVi(today) },
          }
        : undefined,
  },
  {
    code: "date-without-done",
    check: ({ status }) =>
      status?.completedOn && status.status !== "done" ? { field: "status" } : undefined,
  },
  {
    code: "task-overdue",
    check: ({ task, status, leads }, ctx) =>
      leads && status?.status !== "done" && isTaskOverdue(task.deadline, ctx.now)
        ? // Overdue only when the deadline is a month.
          { field: "status", params: { deadline: deadlineMonth(task.deadline!) } }
        : undefined,
  },
];

interface BudgetSubject {
  total: BudgetLine;
  parts: BudgetLine[];
  entries: Map<string, BudgetEntry>;
}

export const budgetRules: Rule<BudgetSubject>[] = [
  {
    code: "budget-parts-sum",
    check: ({ total, parts, entries }) => {
      const findings: Finding[] = [];
      for (const field of ["allocated", "disbursed"] as const) {
        const totalValue = entries.get(total.id)?.[field];
        const partValues = parts.map((p) => entries.get(p.id)?.[field]).filter(present);
        if (!present(totalValue) || partValues.length === 0) continue;
        const sum = partValues.reduce((s, v) => s + v, 0);
        if (sum !== totalValue)
          findings.push({ field, params: { sum: n(sum), total: n(totalValue) } });
      }
      return findings;
    },
  },
];

export const budgetLineRules: Rule<BudgetEntry>[] = [
  {
    code: "out-of-range",
    check: (entry, ctx) => outOfRange(entry, AMOUNTS, () => budgetLimit(ctx.template)),
  },
  {
    code: "not-whole",
    check: (entry, ctx) => notWhole(entry, AMOUNTS, budgetLimit(ctx.template)),
  },
  {
    code: "text-too-long",
    check: (entry) => tooLong(entry, NOTE),
  },
  {
    code: "disbursed-exceeds-allocated",
    check: (entry) =>
      present(entry.allocated) && present(entry.disbursed) && entry.disbursed > entry.allocated
        ? {
            field: "disbursed",
            params: { disbursed: n(entry.disbursed), allocated: n(entry.allocated) },
          }
        : undefined,
  },
];

function run<S>(rules: Rule<S>[], subject: S, ctx: RuleContext, item: ItemRef, out: Issue[]) {
  for (const rule of rules) {
    const found = rule.check(subject, ctx);
    for (const f of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
      out.push(makeIssue(rule.code, locate(ctx, item, f.field), f.params));
    }
  }
}

function locate(ctx: ValidationContext, item: ItemRef, field: FieldName): IssueLocation {
  const ids =
    item.kind === "indicator"
      ? { indicatorId: item.id }
      : item.kind === "task"
        ? { taskId: item.id }
        : item.kind === "budget"
          ? { budgetLineId: item.id }
          : {};
  return { ...ids, field, ...(ctx.locate ? ctx.locate(item, field) : {}) };
}

/** Entries naming something the template does not have, or named twice. */
function checkReferences(draft: SubmissionDraft, ctx: ValidationContext, out: Issue[]) {
  const groups = [
    {
      kind: "indicator" as const,
      ids: draft.indicators.map((e) => e.indicatorId),
      known: new Set(ctx.template.indicators.map((i) => i.id)),
      code: "unknown-indicator" as const,
      field: "value" as const,
    },
    {
      kind: "task" as const,
      ids: draft.tasks.map((e) => e.taskId),
      known: new Set(ctx.template.tasks.map((t) => t.id)),
      code: "unknown-task" as const,
      field: "status" as const,
    },
    {
      kind: "budget" as const,
      ids: draft.budget.map((e) => e.lineId),
      known: new Set(
        ctx.template.budget
          ? [ctx.template.budget.total, ...ctx.template.budget.parts].map((l) => l.id)
          : [],
      ),
      code: "unknown-budget-line" as const,
      field: "allocated" as const,
    },
  ];
  for (const g of groups) {
    const seen = new Set<string>();
    for (const id of g.ids) {
      if (!g.known.has(id))
        out.push(makeIssue(g.code, locate(ctx, { kind: g.kind, id }, g.field), { id }));
      else if (seen.has(id))
        out.push(makeIssue("duplicate-entry", locate(ctx, { kind: g.kind, id }, g.field), { id }));
      seen.add(id);
    }
  }
}

/** Every issue of a report. Errors block submission; warnings are shown and sent along. */
export function validateDraft(draft: SubmissionDraft, context: ValidationContext): Issue[] {
  const ctx: RuleContext = { ...context, today: todayInVietnam(context.now) };
  const { template } = ctx;
  const issues: Issue[] = [];
  if (draft.planId !== template.id) {
    issues.push(
      makeIssue(
        "template-mismatch",
        { field: "template" },
        { found: draft.planId, expected: template.id },
      ),
    );
    return issues;
  }
  if (draft.templateVersion !== template.version) {
    issues.push(
      makeIssue(
        "template-version",
        { field: "version" },
        { found: draft.templateVersion, expected: template.version },
      ),
    );
    return issues;
  }
  const years = planYears(template);
  const year = yearOf(draft.period);
  if (year < years.first || year > years.last)
    issues.push(
      makeIssue("period-outside-plan", { field: "period" }, { period: draft.period, ...years }),
    );
  checkReferences(draft, ctx, issues);

  const indicatorEntries = new Map(draft.indicators.map((e) => [e.indicatorId, e]));
  const missed: string[] = [];
  for (const indicator of template.indicators) {
    const entry = indicatorEntries.get(indicator.id);
    const subject = { indicator, entry, effective: effectiveValue(indicator, entry) };
    run(indicatorRules, subject, ctx, { kind: "indicator", id: indicator.id }, issues);
    const target = targetFor(indicator, ctx.unit.level);
    if (target && subject.effective !== undefined && !meets(target, subject.effective))
      missed.push(indicator.id);
  }
  const narrativeItem: ItemRef = { kind: "narrative", id: "narrative" };
  issues.push(
    ...narrativeIssues(draft.narrative, missed, (field) => locate(ctx, narrativeItem, field)),
  );

  const statuses = new Map(draft.tasks.map((s) => [s.taskId, s]));
  const led = new Set(tasksOf(template, ctx.unit).map((t) => t.id));
  // A task neither led nor reported passes through: every task rule asks for a status or the lead.
  for (const task of template.tasks) {
    run(
      taskRules,
      { task, status: statuses.get(task.id), leads: led.has(task.id) },
      ctx,
      { kind: "task", id: task.id },
      issues,
    );
  }

  if (template.budget) {
    const entries = new Map(draft.budget.map((e) => [e.lineId, e]));
    const { total, parts } = template.budget;
    run(budgetRules, { total, parts, entries }, ctx, { kind: "budget", id: total.id }, issues);
    for (const entry of draft.budget) {
      run(budgetLineRules, entry, ctx, { kind: "budget", id: entry.lineId }, issues);
    }
  }
  return issues;
}
