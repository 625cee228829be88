// The one-click check: read a report sheet, validate it, and answer issues in sheet order together
// with each indicator's status, ready for a shell to highlight cells and fill the status column.
import type { Issue } from "../check/issues.js";
import type { SheetLayout } from "./layout-types.js";
import type { FieldName } from "../check/messages.js";
import type { Grid } from "./read-sheet.js";
import type { SubmissionDraft } from "../check/submission-schema.js";
import { readSheet } from "./read-sheet.js";
import { statusOf, type TargetStatus } from "../plan/target-status.js";
import type { Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import type { ItemRef } from "../check/validate.js";
import { effectiveValue, validateDraft } from "../check/validate.js";

export interface SheetCheck {
  issues: Issue[];
  draft?: SubmissionDraft;
  unit?: Unit;
  layout?: SheetLayout;
  /** Status per indicator id at the unit's level, for the "Đánh giá" column. */
  statuses: Record<string, TargetStatus>;
}

export function indicatorStatuses(
  template: Template,
  draft: SubmissionDraft,
  unit: Unit,
): Record<string, TargetStatus> {
  const entries = new Map(draft.indicators.map((e) => [e.indicatorId, e]));
  return Object.fromEntries(
    template.indicators.map((ind) => [
      ind.id,
      statusOf(ind, unit.level, effectiveValue(ind, entries.get(ind.id))),
    ]),
  );
}

/** Where an item's field sits: every rule names a field the layout gives a cell. */
function locator(layout: SheetLayout, sheet: string) {
  const byKey = new Map(layout.fields.map((f) => [`${f.ref.kind}:${f.ref.id}:${f.ref.field}`, f]));
  return (item: ItemRef, field: FieldName) => {
    const f = byKey.get(`${item.kind}:${item.id}:${field}`);
    return f ? { sheet, cell: f.address } : { sheet };
  };
}

function cellOrder(issue: Issue): number {
  const m = /^([A-Z]+)(\d+)$/.exec(issue.location.cell ?? "");
  if (!m) return 0;
  const col = [...m[1]!].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
  return Number(m[2]) * 1000 + col;
}

export function checkSheet(
  template: Template,
  grid: Grid,
  options: { formats?: Grid; now: Date; sheet?: string },
): SheetCheck {
  const reading = readSheet(template, grid, options.formats, options.sheet);
  if (!reading.draft || !reading.unit || !reading.layout)
    return { issues: reading.issues, statuses: {} };
  const { draft, unit, layout } = reading;
  const ruleIssues = validateDraft(draft, {
    template,
    unit,
    now: options.now,
    locate: locator(layout, options.sheet ?? layout.sheetName),
  });
  // An item with a cell that could not be read is judged once that cell is fixed: a rule finding
  // its value "missing" or its ratio "half" would only repeat the same problem in other words.
  const unreadable = new Set(
    reading.issues.map(
      (i) => i.location.indicatorId ?? i.location.taskId ?? i.location.budgetLineId,
    ),
  );
  const issues = [
    ...reading.issues,
    ...ruleIssues.filter(
      (i) =>
        !unreadable.has(i.location.indicatorId ?? i.location.taskId ?? i.location.budgetLineId),
    ),
  ];
  issues.sort((a, b) => cellOrder(a) - cellOrder(b));
  return { issues, draft, unit, layout, statuses: indicatorStatuses(template, draft, unit) };
}
