// The validation engine: rules as data, each with one code, run over a submission against its
// template. The same function judges a report in the add-in, in Apps Script and in the tracker.
import type { Issue, IssueLocation } from "./issues.js";
import { makeIssue } from "./issues.js";
import { isRequiredOf, tasksOf } from "./layout.js";
import type { FieldName, IssueCode, Params } from "./messages.js";
import { formatDateVi } from "./parse-date.js";
import { formatNumberVi } from "./parse-number.js";
import { isTaskOverdue, todayInVietnam } from "./period.js";
import { planYears, yearOf } from "./plan-years.js";
import type { BudgetEntry, IndicatorEntry, TaskStatus } from "./submission-schema.js";
import { describeTarget, meets, targetFor } from "./target-status.js";
import type { BudgetLine, Indicator, IndicatorKind, Task, Template } from "./template-schema.js";
import type { Unit } from "./unit-schema.js";
import type { SubmissionDraft } from "./read-sheet.js";

export interface ValidationContext {
  template: Template;
  unit: Unit;
  /** The moment of the check: decides what is overdue or in the future. */
  now: Date;
  /** Where a field sits in a sheet, when the report came from one. */
  locate?: (item: ItemRef, field: FieldName) => Partial<IssueLocation>;
}

export type ItemRef = { kind: "indicator" | "task" | "budget"; id: string };

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

/** What a value of each kind may be. */
const valueSpecs: Record<IndicatorKind, { min?: number; max?: number; whole?: boolean }> = {
  percent: { min: 0, max: 100 },
  count: { min: 0, whole: true },
  money: { min: 0, whole: true },
  rank: { min: 1, whole: true },
  growth: {},
  reduction: {},
  "yes-no": { min: 0, max: 1, whole: true },
};

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined;
const filled = (s: string | undefined) => s !== undefined && s.trim() !== "";
const n = (x: number) => formatNumberVi(x);

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
    check: ({ indicator, entry }) => {
      const spec = valueSpecs[indicator.kind];
      const findings: Finding[] = [];
      const range = `${spec.min ?? "−∞"} – ${spec.max ?? "∞"}`;
      if (entry && present(entry.value)) {
        const v = entry.value;
        if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
          findings.push({ field: "value", params: { value: n(v), range } });
        }
      }
      for (const field of ["numerator", "denominator"] as const) {
        const v = entry?.[field];
        if (present(v) && v < 0) findings.push({ field, params: { value: n(v), range: "0 – ∞" } });
      }
      return findings;
    },
  },
  {
    code: "not-whole",
    check: ({ indicator, entry }) =>
      valueSpecs[indicator.kind].whole &&
      entry &&
      present(entry.value) &&
      !Number.isInteger(entry.value)
        ? { field: "value", params: { value: n(entry.value) } }
        : undefined,
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
        ? { field: "status", params: { deadline: task.deadline ?? "" } }
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

function run<S>(
  rules: Rule<S>[],
  subject: S,
  ctx: RuleContext,
  item: ItemRef | undefined,
  out: Issue[],
) {
  for (const rule of rules) {
    const found = rule.check(subject, ctx);
    for (const f of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
      out.push(makeIssue(rule.code, locate(ctx, item, f.field), f.params));
    }
  }
}

function locate(
  ctx: ValidationContext,
  item: ItemRef | undefined,
  field: FieldName,
): IssueLocation {
  const ids =
    item?.kind === "indicator"
      ? { indicatorId: item.id }
      : item?.kind === "task"
        ? { taskId: item.id }
        : item
          ? { budgetLineId: item.id }
          : {};
  return { ...ids, field, ...(item && ctx.locate ? ctx.locate(item, field) : {}) };
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
  for (const indicator of template.indicators) {
    const entry = indicatorEntries.get(indicator.id);
    const subject = { indicator, entry, effective: effectiveValue(indicator, entry) };
    run(indicatorRules, subject, ctx, { kind: "indicator", id: indicator.id }, issues);
  }

  const statuses = new Map(draft.tasks.map((s) => [s.taskId, s]));
  const led = new Set(tasksOf(template, ctx.unit).map((t) => t.id));
  for (const task of template.tasks) {
    const status = statuses.get(task.id);
    if (!status && !led.has(task.id)) continue;
    run(
      taskRules,
      { task, status, leads: led.has(task.id) },
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
