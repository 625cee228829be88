// The shared tracker's tabs, defined once so the .xlsx export, Apps Script and the Sheets push write the same.
import type {
  BudgetConsolidation,
  Consolidation,
  ReceivedSubmission,
  TaskConsolidation,
  UnitConsolidation,
} from "./consolidate.js";
import { isCurrentOver } from "./consolidate.js";
import { deadlineText, looksLikeFormula } from "../sheet/layout.js";
import { levelNames, NO, taskStateNames, unitKindNames, YES } from "../sheet/layout-types.js";
import { formatDateVi } from "../text/parse-date.js";
import type { TabCellValue, ColumnKey, TabDef, TabKey, TrackerTab } from "./tracker-tab-layout.js";
import {
  aggregationNames,
  CURRENT,
  indicatorKindNames,
  OVERDUE,
  STRAY_STATUS,
  SUPERSEDED,
  targetStatusNames,
  taskOverallNames,
  timelinessNames,
  TRACKER_TABS,
  consolidatedTabName,
  indicatorColumnKey,
  tabName,
} from "./tracker-tab-layout.js";
import type { NarrativeSection, Submission } from "../check/submission-schema.js";
import { NARRATIVE_SECTIONS } from "../check/submission-schema.js";
import { describeAllTargets } from "../plan/target-status.js";
import type { Template } from "../plan/template-schema.js";

export function tab<K extends TabKey>(
  key: K,
  records: readonly Record<ColumnKey<K>, TabCellValue>[],
  name: string = TRACKER_TABS[key].name,
): TrackerTab {
  const def: TabDef = TRACKER_TABS[key];
  const columns = def.columns.map((c) => c.key as ColumnKey<K>);
  return {
    key,
    name,
    header: def.columns.map((c) => c.label),
    columns: [...columns],
    keyColumns: [...def.keyColumns],
    rows: records.map((r) => columns.map((c) => r[c])),
  };
}

const text = (s: string | undefined) => s ?? null;

export function indicatorCatalogueTab(template: Template): TrackerTab {
  const groups = new Map(
    template.pillars.flatMap((p) => p.groups.map((g) => [g.id, { pillar: p, group: g }] as const)),
  );
  return tab(
    "indicators",
    template.indicators.map((ind) => {
      const place = groups.get(ind.group);
      return {
        indicatorId: ind.id,
        pillar: place?.pillar.name ?? null,
        group: place?.group.name ?? ind.group,
        name: ind.name,
        unit: ind.unit,
        kind: indicatorKindNames[ind.kind],
        aggregation: aggregationNames[ind.aggregation],
        reporters: ind.reporters === "lead" ? "Đơn vị chủ trì" : "Tất cả đơn vị",
        lead: ind.lead.join("; "),
        target: describeAllTargets(ind),
        targetYear: (ind.target ?? ind.levelTargets?.province)?.year ?? null,
        numeratorLabel: text(ind.numeratorLabel),
        denominatorLabel: text(ind.denominatorLabel),
        baselineLabel: text(ind.baselineLabel),
        evidenceRequired: ind.evidenceRequired ? YES : NO,
        exclusion: text(ind.exclusion),
        source: ind.source,
        note: text(ind.note),
      };
    }),
  );
}

/** Listed units first, in list order; then units that reported without being listed. */
export function unitsTab(c: Consolidation): TrackerTab {
  const listed = c.units.map((u) => ({
    period: c.period,
    unitCode: u.code,
    unitName: u.name,
    kind: unitKindNames[u.kind],
    level: levelNames[u.level],
    status: timelinessNames[u.timeliness],
    revision: u.revision,
    receivedAt: u.receivedAt,
    indicatorsRequired: u.indicatorsRequired,
    indicatorsRequiredReported: u.indicatorsRequiredReported,
    indicatorsReported: u.indicatorsReported,
    tasksLed: u.tasksLed,
    tasksReported: u.tasksReported,
  }));
  const strays = c.strays.map((s) => ({
    period: c.period,
    unitCode: s.unit,
    unitName: null,
    kind: null,
    level: null,
    status: STRAY_STATUS,
    revision: s.provenance.revision,
    receivedAt: s.provenance.receivedAt,
    indicatorsRequired: null,
    indicatorsRequiredReported: null,
    indicatorsReported: null,
    tasksLed: null,
    tasksReported: null,
  }));
  return tab("units", [...listed, ...strays]);
}

export type LogField =
  | "value"
  | "numerator"
  | "denominator"
  | "level"
  | "evidence"
  | "note"
  | "status"
  | "completedOn"
  | "allocated"
  | "disbursed"
  | NarrativeSection;

/** The "Trường" cell of the log: a fixed label per field, which is also part of the row's key. */
export const logFieldNames: Record<LogField, string> = {
  value: "Giá trị",
  numerator: "Tử số",
  denominator: "Mẫu số",
  level: "Cấp",
  evidence: "Minh chứng",
  note: "Ghi chú",
  status: "Trạng thái",
  completedOn: "Ngày hoàn thành",
  allocated: "Đã bố trí",
  disbursed: "Đã giải ngân",
  assessment: "Đánh giá kết quả thực hiện",
  difficulties: "Khó khăn, vướng mắc",
  proposals: "Đề xuất, kiến nghị",
};
export const logItemKindNames = {
  indicator: "Chỉ tiêu",
  task: "Nhiệm vụ",
  budget: "Kinh phí",
  narrative: "Thuyết minh",
};

interface LoggedValue {
  kind: keyof typeof logItemKindNames;
  id: string;
  field: LogField;
  value: TabCellValue;
  note: string | null;
}

/** Present fields of each item, one per row; an item that carries only a note still gets its row. */
function loggedValues(s: Submission): LoggedValue[] {
  const out: LoggedValue[] = [];
  const item = (
    kind: LoggedValue["kind"],
    id: string,
    fields: [LogField, TabCellValue | undefined][],
    note: string | undefined,
  ) => {
    const given = fields.filter(
      (f): f is [LogField, TabCellValue] => f[1] !== undefined && f[1] !== null,
    );
    if (given.length === 0 && note !== undefined) given.push(["note", null]);
    for (const [field, value] of given) out.push({ kind, id, field, value, note: note ?? null });
  };
  for (const e of s.indicators) {
    item(
      "indicator",
      e.indicatorId,
      [
        ["value", e.value],
        ["numerator", e.numerator],
        ["denominator", e.denominator],
        ["level", e.level && levelNames[e.level]],
        ["evidence", e.evidence],
      ],
      e.note,
    );
  }
  for (const t of s.tasks) {
    item(
      "task",
      t.taskId,
      [
        ["status", t.status && taskStateNames[t.status]],
        ["completedOn", t.completedOn],
      ],
      t.note,
    );
  }
  for (const b of s.budget) {
    item(
      "budget",
      b.lineId,
      [
        ["allocated", b.allocated],
        ["disbursed", b.disbursed],
      ],
      b.note,
    );
  }
  // The unit's narrative: one row per section written, the item id left blank as it names none.
  const narrative = s.narrative;
  if (narrative)
    item(
      "narrative",
      "",
      NARRATIVE_SECTIONS.map((section) => [section, narrative[section] || undefined]),
      undefined,
    );
  return out;
}

/**
 * One row per reported value of every revision of this plan, in order of receipt. Rows are never
 * removed; a new revision only turns its predecessor's rows from "Hiện hành" to "Đã thay thế".
 */
export function submissionLogTab(
  template: Template,
  submissions: readonly ReceivedSubmission[],
): TrackerTab {
  const ours = submissions.filter((r) => r.submission.planId === template.id);
  const current = new Map<string, ReceivedSubmission>();
  for (const r of ours) {
    const k = `${r.submission.unit}\u0000${r.submission.period}`;
    const seen = current.get(k);
    if (!seen || isCurrentOver(r, seen)) current.set(k, r);
  }
  const ordered = ours
    .map((r) => ({ r, at: Date.parse(r.receivedAt) }))
    .sort((a, b) => a.at - b.at || a.r.revision - b.r.revision)
    .map(({ r }) => r);
  const records: Record<ColumnKey<"submissions">, TabCellValue>[] = [];
  for (const r of ordered) {
    const s = r.submission;
    const state = current.get(`${s.unit}\u0000${s.period}`) === r ? CURRENT : SUPERSEDED;
    for (const v of loggedValues(s)) {
      records.push({
        receivedAt: r.receivedAt,
        submissionId: s.submissionId,
        revision: r.revision,
        state,
        unitCode: s.unit,
        period: s.period,
        itemKind: logItemKindNames[v.kind],
        itemId: v.id,
        field: logFieldNames[v.field],
        value: v.value,
        note: v.note,
        templateVersion: s.templateVersion,
      });
    }
  }
  return tab("submissions", records);
}

/** Indicator rows for one period: the aggregate, its target and its judgement. */
export function consolidatedTab(c: Consolidation): TrackerTab {
  return tab(
    "consolidated",
    c.indicators.map((ind) => ({
      indicatorId: ind.id,
      name: ind.name,
      unit: ind.unit,
      aggregation: aggregationNames[ind.aggregation],
      target: ind.targetText,
      aggregate: ind.aggregate,
      status: targetStatusNames[ind.status],
      expected: ind.expected,
      reported: ind.reported,
      note: ind.note,
    })),
    consolidatedTabName(c.period),
  );
}

/**
 * "Code — name" always: a column's label must not depend on anything but its indicator, because
 * the push and the Apps Script tracker find columns by label.
 */
function indicatorHeaders(c: Consolidation): string[] {
  return c.indicators.map((ind) => `${ind.id} — ${ind.name}`);
}

/** Unit × indicator for one period: a row per listed unit, its value for every indicator. */
export function unitValuesTab(c: Consolidation): TrackerTab {
  const fixed = tab(
    "unitValues",
    c.units.map((u) => ({ unitCode: u.code, unitName: u.name, level: levelNames[u.level] })),
    tabName("unitValues", c.period),
  );
  return {
    ...fixed,
    header: [...fixed.header, ...indicatorHeaders(c)],
    columns: [...fixed.columns, ...c.indicators.map((ind) => indicatorColumnKey(ind.id))],
    rows: fixed.rows.map((row, i) => {
      const code = c.units[i]!.code;
      return [
        ...row,
        ...c.indicators.map((ind) =>
          Object.prototype.hasOwnProperty.call(ind.byUnit, code)
            ? (ind.byUnit[code]?.value ?? null)
            : null,
        ),
      ];
    }),
  };
}

// A task led by "Các xã, phường, thị trấn" has thousands of leads; a cell lists only the first.
const DETAIL_LIMIT = 20;

function notDoneText(task: TaskConsolidation): string {
  const pending = task.leads.filter((l) => l.status !== "done");
  const shown = pending
    .slice(0, DETAIL_LIMIT)
    .map(
      (l) =>
        `${l.name} (${l.status === "missing" ? taskOverallNames["no-report"] : taskStateNames[l.status]})`,
    );
  const more = pending.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; … và ${more} đơn vị khác` : "");
}

export function tasksTab(c: Consolidation): TrackerTab {
  return tab(
    "tasks",
    c.tasks.map((t) => {
      const count = (s: string) => t.leads.filter((l) => l.status === s).length;
      return {
        period: c.period,
        taskId: t.id,
        text: t.text,
        lead: t.lead.join("; "),
        deadline: deadlineText(t.deadline),
        state: taskOverallNames[t.state],
        overdue: t.overdue ? OVERDUE : null,
        leadUnits: t.leads.length,
        done: count("done"),
        inProgress: count("in-progress"),
        notStarted: count("not-started"),
        noReport: count("missing"),
        details: notDoneText(t),
      };
    }),
  );
}

function dueText(c: Consolidation): string {
  // dueAt is the start of the deadline day in Vietnam, so its date part is that day.
  return c.dueAt ? `Trước ${formatDateVi(c.dueAt.slice(0, 10))}` : "Không có hạn";
}

export function timelinessTab(c: Consolidation): TrackerTab {
  const due = dueText(c);
  return tab(
    "timeliness",
    c.units.map((u: UnitConsolidation) => ({
      period: c.period,
      due,
      unitCode: u.code,
      unitName: u.name,
      status: timelinessNames[u.timeliness],
      firstReceivedAt: u.firstReceivedAt,
      receivedAt: u.receivedAt,
      revision: u.revision,
      revisions: u.revisions,
      daysLate: u.daysLate,
    })),
  );
}

export function budgetTab(c: Consolidation): TrackerTab {
  return tab(
    "budget",
    c.budget.map((b: BudgetConsolidation) => ({
      period: c.period,
      lineId: b.id,
      label: b.label,
      role: b.role === "total" ? "Tổng" : "Thành phần",
      planned: b.planned,
      allocated: b.allocated,
      disbursed: b.disbursed,
      reporters: b.reporters,
      disbursementRate: b.disbursementRate,
    })),
  );
}

/** Every tab, in TRACKER_TAB_ORDER. */
export function trackerTabs(input: {
  template: Template;
  consolidation: Consolidation;
  submissions: readonly ReceivedSubmission[];
}): TrackerTab[] {
  const { template, consolidation: c, submissions } = input;
  return [
    indicatorCatalogueTab(template),
    unitsTab(c),
    submissionLogTab(template, submissions),
    consolidatedTab(c),
    unitValuesTab(c),
    tasksTab(c),
    timelinessTab(c),
    budgetTab(c),
  ];
}

// Row keys. Cells are compared as text because a sheet may hand back 30001 for "30001".

export function rowKey(parts: readonly TabCellValue[]): string {
  return JSON.stringify(parts.map((p) => (p === null ? "" : String(p))));
}

/** The key of a row already in a sheet (or just built), from the tab's key columns or others. */
export function rowKeyOf(
  tab: Pick<TrackerTab, "columns" | "keyColumns">,
  row: readonly TabCellValue[],
  columns: readonly string[] = tab.keyColumns,
): string {
  return rowKey(
    columns.map((key) => {
      const i = tab.columns.indexOf(key);
      if (i < 0) throw new RangeError(`no column "${key}" in tab`);
      return row[i] ?? null;
    }),
  );
}

/** A log row: (submissionId, item, field) never repeats. */
export function valueRowKey(submissionId: string, itemId: string, field: LogField): string {
  return rowKey([submissionId, itemId, logFieldNames[field]]);
}

/**
 * A unit's figure for an indicator in a period, whatever the revision: in the log, the rows
 * `rowKeyOf(logTab, row, ["unitCode", "itemId", "period"])` gives this key for.
 */
export function unitIndicatorKey(unitCode: string, indicatorId: string, period: string): string {
  return rowKey([unitCode, indicatorId, period]);
}

// Writing cells. Builders return values as they are; the writer decides how text is protected.

/**
 * A writer either stores values as given ("raw": Sheets API valueInputOption RAW, exceljs, Office.js
 * `values` of a text-formatted range) or parses strings as if typed ("parsed": Apps Script
 * setValues, Sheets USER_ENTERED), where "=…" becomes a formula and "30001" a number.
 */
export type CellWriter = "raw" | "parsed";

export function rawCell<T extends TabCellValue>(v: T): T {
  return v;
}

// What a parsing spreadsheet would not keep as this very text: a formula (= + - @), a leading
// apostrophe it would swallow, and numbers, dates, percentages, error literals and booleans
// ("30001", "2025-12", "(5)", "#N/A", "TRUE"), which would change type and break row keys.
const REINTERPRETED = /^\s*[=+\-@'#\d.,(%$€₫]|^\s*(true|false)\s*$/iu;

/**
 * The apostrophe a spreadsheet reads as "this is text" and does not keep in the value: the cell
 * shows and returns exactly the original string. Numbers, booleans and null pass unchanged.
 */
export function quotedCell(v: TabCellValue): TabCellValue {
  return typeof v === "string" && (looksLikeFormula(v) || REINTERPRETED.test(v)) ? `'${v}` : v;
}

/**
 * The cell as the given writer must receive it. Defaults to "parsed": an apostrophe shown by a
 * raw writer is a visible blemish, a formula run by a parsing writer is not.
 */
export function safeCell(v: TabCellValue, writer: CellWriter = "parsed"): TabCellValue {
  return writer === "raw" ? rawCell(v) : quotedCell(v);
}

/** Header and rows as one grid, protected for the writer: what a shell writes in one call. */
export function tabGrid(
  t: Pick<TrackerTab, "header" | "rows">,
  writer: CellWriter,
): TabCellValue[][] {
  const cell = writer === "raw" ? rawCell : quotedCell;
  return [t.header.map(cell), ...t.rows.map((row) => row.map(cell))];
}
