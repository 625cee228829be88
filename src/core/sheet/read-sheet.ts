// The reverse of the layout: a 2-D array of cell values, as Excel, exceljs or Google Sheets hand it
// back, → a draft submission with the cell address of every field, and the problems of reading it.
import type { Issue, IssueLocation } from "../check/issues.js";
import { makeIssue } from "../check/issues.js";
import type { FieldCell, FieldRef, SheetLayout } from "./layout-types.js";
import {
  a1,
  headerCells,
  levelNames,
  NO,
  REPORT_SHEET,
  taskStateNames,
  unitKindNames,
  YES,
} from "./layout-types.js";
import { buildLayout, canonicalLabel } from "./layout.js";
import { isBlank, normalizeText } from "../text/normalize-text.js";
import { Period } from "../plan/period.js";
import { parseDate } from "../text/parse-date.js";
import type { RawCellValue } from "../text/parse-number.js";
import { cellInput, isPercentFormat, parseNumber } from "../text/parse-number.js";
import type {
  BudgetEntry,
  IndicatorEntry,
  SubmissionDraft,
  TaskState,
  TaskStatus,
} from "../check/submission-schema.js";
import { recogniseLayout } from "./layout-version.js";
import type { Result } from "../text/result.js";
import { err, ok } from "../text/result.js";
import { narrativeText } from "./narrative-section.js";
import type { Indicator, Level, Template } from "../plan/template-schema.js";
import type { Unit, UnitKind } from "../plan/unit-schema.js";

export type Grid = readonly (readonly RawCellValue[])[];

export interface SheetReading {
  /** Absent when the sheet could not be read at all (not ours, another template, outdated, edited). */
  draft?: SubmissionDraft;
  unit?: Unit;
  layout?: SheetLayout;
  issues: Issue[];
}

export function fieldKey(ref: FieldRef): string {
  return `${ref.kind}:${ref.id}:${ref.field}`;
}

const cellAt = (grid: Grid, row: number, col: number): RawCellValue =>
  grid[row - 1]?.[col - 1] ?? null;
const textAt = (grid: Grid, row: number, col: number) => canonicalLabel(cellAt(grid, row, col));

function reverse<K extends string>(names: Record<K, string>, text: string): K | undefined {
  return (Object.keys(names) as K[]).find((k) => names[k] === text);
}

/** What a sheet's header block says: which template, unit and period the sheet is for. */
export interface SheetHeader {
  templateId: string;
  templateVersion: number;
  checksum: string;
  unit: Unit;
  period: Period;
  location: (cell: { row: number; col: number }, field: IssueLocation["field"]) => IssueLocation;
}

/** The header block alone: enough to know which template, unit and period a sheet is for. */
export function readHeader(grid: Grid, sheet = REPORT_SHEET): Result<SheetHeader, Issue> {
  const at = (c: { row: number; col: number }) => textAt(grid, c.row, c.col);
  const templateId = at(headerCells.templateId);
  const location = (
    cell: { row: number; col: number },
    field: IssueLocation["field"],
  ): IssueLocation => ({
    sheet,
    cell: a1(cell.row, cell.col),
    field,
  });
  const level = reverse<Level>(levelNames, at(headerCells.unitLevel));
  const kind = reverse<UnitKind>(unitKindNames, at(headerCells.unitKind));
  const period = Period.safeParse(at(headerCells.period));
  if (!templateId || !level || !kind || !period.success || !at(headerCells.unitCode)) {
    return err(makeIssue("sheet-unrecognised", location(headerCells.templateId, "template")));
  }
  const unit: Unit = {
    code: at(headerCells.unitCode),
    name: at(headerCells.unitName),
    level,
    kind,
  };
  return ok({
    templateId,
    templateVersion: Number(at(headerCells.templateVersion)),
    checksum: at(headerCells.checksum),
    unit,
    period: period.data,
    location,
  });
}

/**
 * Reads a report sheet against the current template. `formats` (the cells' number formats, read
 * in the same round trip as the values) tells a percent-formatted 0.8 from a typed 0.8.
 */
export function readSheet(
  template: Template,
  grid: Grid,
  formats?: Grid,
  sheet = REPORT_SHEET,
): SheetReading {
  const read = readHeader(grid, sheet);
  if (!read.ok) return { issues: [read.error] };
  const header = read.value;
  if (header.templateId !== template.id) {
    return {
      issues: [
        makeIssue("template-mismatch", header.location(headerCells.templateId, "template"), {
          found: header.templateId,
          expected: template.id,
        }),
      ],
    };
  }
  if (header.templateVersion !== template.version) {
    return {
      issues: [
        makeIssue("template-version", header.location(headerCells.templateVersion, "version"), {
          found: header.templateVersion,
          expected: template.version,
        }),
      ],
    };
  }
  const match = recogniseLayout(
    (version) => buildLayout(template, header.unit, header.period, version),
    (row, col) => textAt(grid, row, col),
    header.checksum,
    canonicalLabel,
  );
  if (!match.ok) {
    const cell = match.error.edited ?? {
      row: headerCells.checksum.row,
      col: headerCells.checksum.col,
    };
    return {
      issues: [
        makeIssue("sheet-edited", { sheet, cell: a1(cell.row, cell.col), field: "checksum" }),
      ],
      unit: header.unit,
    };
  }

  const layout = match.value;
  const issues: Issue[] = [];
  const indicators = new Map(template.indicators.map((i) => [i.id, i]));
  const draft: SubmissionDraft = {
    planId: template.id,
    templateVersion: template.version,
    unit: header.unit.code,
    period: header.period,
    indicators: [],
    tasks: [],
    budget: [],
    ...(layout.meta.layoutVersion >= 2 ? { narrative: {} } : {}),
  };
  const entries = {
    indicator: new Map<string, IndicatorEntry>(),
    task: new Map<string, TaskStatus>(),
    budget: new Map<string, BudgetEntry>(),
  };

  for (const f of layout.fields) {
    const raw = cellAt(grid, f.row, f.col);
    if (isBlank(raw)) continue;
    const format = formats ? String(cellAt(formats, f.row, f.col) ?? "") : "";
    const located = locationOf(f, sheet);
    const read = readField(f.ref, raw, format, indicators.get(f.ref.id));
    if (!read.ok) {
      issues.push(
        makeIssue(read.error.code, located, {
          input: cellInput(raw),
          readings: read.error.readings ?? "",
        }),
      );
      continue;
    }
    const { ref } = f;
    if (ref.kind === "indicator") {
      const entry = entries.indicator.get(ref.id) ?? { indicatorId: ref.id };
      entries.indicator.set(ref.id, { ...entry, [ref.field]: read.value });
    } else if (ref.kind === "narrative") {
      draft.narrative = { ...draft.narrative, [ref.field]: read.value };
    } else if (ref.kind === "task") {
      const entry = entries.task.get(ref.id) ?? { taskId: ref.id, status: null };
      entries.task.set(ref.id, { ...entry, [ref.field]: read.value });
    } else {
      const entry = entries.budget.get(ref.id) ?? { lineId: ref.id };
      entries.budget.set(ref.id, { ...entry, [ref.field]: read.value });
    }
  }
  draft.indicators = [...entries.indicator.values()];
  draft.tasks = [...entries.task.values()];
  draft.budget = [...entries.budget.values()];
  return { draft, unit: header.unit, layout, issues };
}

export function locationOf(f: FieldCell, sheet = REPORT_SHEET): IssueLocation {
  const item =
    f.ref.kind === "indicator"
      ? { indicatorId: f.ref.id }
      : f.ref.kind === "task"
        ? { taskId: f.ref.id }
        : f.ref.kind === "budget"
          ? { budgetLineId: f.ref.id }
          : {};
  return { sheet, cell: f.address, ...item, field: f.ref.field };
}

type FieldRead = Result<
  number | string | null,
  {
    code: "not-a-number" | "ambiguous-number" | "not-a-date" | "not-yes-no" | "unknown-task-status";
    readings?: string;
  }
>;

const yesWords = new Set(
  [YES, "có", "x", "yes", "true", "1", "đã", "rồi"].map((w) => w.toLocaleLowerCase("vi")),
);
const noWords = new Set(
  [NO, "không", "no", "false", "0", "chưa"].map((w) => w.toLocaleLowerCase("vi")),
);

function readYesNo(raw: RawCellValue): FieldRead {
  if (typeof raw === "boolean") return ok(raw ? 1 : 0);
  const word = normalizeText(cellInput(raw)).toLocaleLowerCase("vi");
  if (yesWords.has(word)) return ok(1);
  if (noWords.has(word)) return ok(0);
  return err({ code: "not-yes-no" });
}

function readTaskState(raw: RawCellValue): FieldRead {
  const word = normalizeText(cellInput(raw)).toLocaleLowerCase("vi");
  const state = (Object.keys(taskStateNames) as TaskState[]).find(
    (k) => taskStateNames[k].toLocaleLowerCase("vi") === word || k === word,
  );
  return state ? ok(state) : err({ code: "unknown-task-status" });
}

function readQuantity(raw: RawCellValue, format: string, integer: boolean): FieldRead {
  const reading = parseNumber(raw, {
    percentCell: isPercentFormat(format),
    expect: integer ? "integer" : "decimal",
  });
  if (reading.ok) return ok(reading.value);
  if (reading.error.code === "ambiguous") {
    return err({
      code: "ambiguous-number",
      readings: (reading.error.readings ?? []).join(" hoặc / or "),
    });
  }
  return err({ code: "not-a-number" });
}

function readField(
  ref: FieldRef,
  raw: RawCellValue,
  format: string,
  indicator: Indicator | undefined,
): FieldRead {
  switch (ref.field) {
    case "evidence":
    case "note":
      return ok(normalizeText(cellInput(raw)));
    case "assessment":
    case "difficulties":
    case "proposals":
      return ok(narrativeText(cellInput(raw)));
    case "status":
      return readTaskState(raw);
    case "completedOn": {
      const d = parseDate(raw);
      return d.ok ? d : err({ code: "not-a-date" });
    }
    case "allocated":
    case "disbursed":
      return readQuantity(raw, format, true);
    case "numerator":
    case "denominator":
      return readQuantity(raw, format, false);
    case "value": {
      if (indicator?.kind === "yes-no") return readYesNo(raw);
      const whole =
        indicator?.kind === "count" || indicator?.kind === "money" || indicator?.kind === "rank";
      return readQuantity(raw, format, whole);
    }
  }
}
