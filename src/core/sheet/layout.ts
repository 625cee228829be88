// Layout as data: (template, unit, period) → a plain description of the report sheet that every
// shell renders the same way (Office.js, exceljs, SpreadsheetApp). Shells decide nothing here.
import { LAYOUT_VERSION, type LayoutVersion } from "./layout-version.js";
import { narrativeSection } from "./narrative-section.js";
import { fnv1a } from "./checksum.js";
import type { LayoutColumn } from "./layout-draft.js";
import { columnsOf, LayoutDraft } from "./layout-draft.js";
import type { CellStyle, ValidationRule, SheetLayout } from "./layout-types.js";
import {
  REPORT_SHEET,
  COLUMN_COUNT,
  numberFormats,
  a1,
  columnLetter,
  headerCells,
  levelNames,
  unitKindNames,
  taskStateNames,
  YES,
  NO,
  STATUS_MET,
  STATUS_NOT_MET,
} from "./layout-types.js";

import { deadlineMonth, periodLabelVi, reportDueAt, vietnamDate } from "../plan/period.js";
import { formatDateVi } from "../text/parse-date.js";
import { describeAllTargets, describeTarget, targetFor } from "../plan/target-status.js";
import type { Indicator, Level, Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import { isRequiredOf, tasksOf } from "../plan/reporting-duties.js";
import type { ValueLimit } from "../plan/value-limits.js";
import { budgetLimit, indicatorLimit } from "../plan/value-limits.js";

/** The indicators' table spans the sheet: its widths are the sheet's column widths. */
const INDICATOR_COLUMNS = [
  { key: "code", header: "Mã", width: 12 },
  { key: "group", header: "Nhóm", width: 18 },
  { key: "name", header: "Chỉ tiêu", width: 48 },
  // Column D holds both "Đơn vị tính" and the budget plan in đồng (657.187.600.000): 18 wide.
  { key: "unit", header: "Đơn vị tính", width: 18 },
  { key: "planTarget", header: "Mục tiêu kế hoạch", width: 16 },
  { key: "unitTarget", header: "Mục tiêu của đơn vị", width: 16 },
  { key: "numerator", header: "Tử số", width: 12 },
  { key: "denominator", header: "Mẫu số", width: 12 },
  { key: "value", header: "Giá trị", width: 12 },
  { key: "status", header: "Đánh giá", width: 11 },
  { key: "evidence", header: "Minh chứng", width: 24 },
  { key: "note", header: "Giải trình / ghi chú", width: 30 },
] as const satisfies readonly (LayoutColumn & { width: number })[];
const TASK_COLUMNS = [
  { key: "code", header: "Mã" },
  { key: "deadline", header: "Hạn" },
  { key: "text", header: "Nhiệm vụ" },
  { key: "lead", header: "Chủ trì" },
  { key: "status", header: "Trạng thái" },
  { key: "completedOn", header: "Ngày hoàn thành" },
  { key: "note", header: "Ghi chú" },
] as const satisfies readonly LayoutColumn[];
const BUDGET_COLUMNS = [
  { key: "code", header: "Mã" },
  // Column C holds the line's wording, as it holds an indicator's and a task's.
  { key: "blank", header: "" },
  { key: "label", header: "Nội dung" },
  { key: "planned", header: "Kế hoạch" },
  { key: "allocated", header: "Đã bố trí" },
  { key: "disbursed", header: "Đã giải ngân" },
  { key: "note", header: "Ghi chú" },
] as const satisfies readonly LayoutColumn[];

const indicatorColumns = columnsOf(INDICATOR_COLUMNS);
const taskColumns = columnsOf(TASK_COLUMNS);
const budgetColumns = columnsOf(BUDGET_COLUMNS);
const LAST_COLUMN = columnLetter(COLUMN_COUNT);

/** "Tháng 12/2025", "Thường xuyên", "Không nêu hạn": a task's deadline as officers read it. */
export function deadlineText(deadline: string | null): string {
  if (deadline === null) return "Không nêu hạn";
  if (deadline === "recurring") return "Thường xuyên";
  return `Tháng ${deadlineMonth(deadline)}`;
}

/** The sheet offers what validation accepts: the same table of limits. */
function numberRule(limit: ValueLimit): ValidationRule {
  return { type: limit.whole ? "whole" : "decimal", min: limit.min, max: limit.max };
}

function valueRule(indicator: Indicator): { rule: ValidationRule; format: string } {
  if (indicator.kind === "yes-no")
    return { rule: { type: "list", values: [YES, NO] }, format: numberFormats.text };
  const limit = indicatorLimit(indicator, "value");
  return {
    rule: numberRule(limit),
    format: limit.whole ? numberFormats.whole : numberFormats.decimal,
  };
}

/** Excel and Google Sheets both evaluate this; core's validation stays the authority. */
function statusFormula(indicator: Indicator, level: Level, row: number): string | undefined {
  const target = targetFor(indicator, level);
  if (!target) return undefined;
  const c = (col: number) => a1(row, col);
  const v = c(indicatorColumns.value);
  if (indicator.kind === "yes-no") {
    return `IF(${v}="","",IF(${v}="${YES}","${STATUS_MET}","${STATUS_NOT_MET}"))`;
  }
  const test = (x: string) =>
    target.op === "between"
      ? `AND(${x}>=${target.value},${x}<=${target.max})`
      : `${x}${target.op}${target.value}`;
  const verdict = (x: string) => `IF(${test(x)},"${STATUS_MET}","${STATUS_NOT_MET}")`;
  if (!indicator.numeratorLabel) return `IF(ISNUMBER(${v}),${verdict(v)},"")`;
  const n = c(indicatorColumns.numerator);
  const d = c(indicatorColumns.denominator);
  // The same scaling as core's ratioValue: only a percentage is ×100.
  const ratio = indicator.kind === "percent" ? `${n}/${d}*100` : `${n}/${d}`;
  return `IF(ISNUMBER(${v}),${verdict(v)},IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}>0),${verdict(ratio)},""))`;
}

/** What every section is laid out for. */
interface LayoutFor {
  template: Template;
  unit: Unit;
  period: string;
}

/**
 * The sheet, section by section. Each section starts one empty row below the last row of the one
 * before and answers its own last row, so adding a section is one line here.
 */
export function buildLayout(
  template: Template,
  unit: Unit,
  period: string,
  version: LayoutVersion = LAYOUT_VERSION,
): SheetLayout {
  const draft = new LayoutDraft();
  const input: LayoutFor = { template, unit, period };
  let row = headerBlock(draft, input);
  row = indicatorSection(draft, input, row);
  row = taskSection(draft, input, row);
  row = budgetSection(draft, input, row);
  if (version >= 2) row = narrativeSection(draft, row, template);

  const checksum = labelChecksum(draft.cells);
  draft.put(headerCells.checksum.row, headerCells.checksum.col, checksum, "meta", {
    fixed: false,
    numberFormat: numberFormats.text,
  });

  return {
    sheetName: REPORT_SHEET,
    rowCount: row,
    columnCount: COLUMN_COUNT,
    columnWidths: INDICATOR_COLUMNS.map((c) => c.width),
    freeze: { rows: draft.freezeRows, columns: indicatorColumns.name },
    merges: draft.merges,
    cells: draft.cells,
    fields: draft.fields,
    conditionalFormats: draft.conditionalFormats,
    meta: {
      templateId: template.id,
      templateVersion: template.version,
      unit,
      period,
      layoutVersion: version,
      checksum,
      checksumCell: a1(headerCells.checksum.row, headerCells.checksum.col),
    },
    rows: draft.rows,
  };
}

/** What the sheet is, for whom, for when: each label beside the cell it labels. Ends at row 5. */
function headerBlock(draft: LayoutDraft, { template, unit, period }: LayoutFor): number {
  const labelled = (
    label: string,
    labelCol: number,
    cell: { row: number; col: number },
    value: string | number | null,
    style: CellStyle = "readonly",
    labelStyle: CellStyle = "label",
  ) => {
    draft.put(cell.row, labelCol, label, labelStyle);
    draft.put(cell.row, cell.col, value, style);
  };
  draft.put(1, 1, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ CHUYỂN ĐỔI SỐ", "title");
  draft.merges.push(`A1:${LAST_COLUMN}1`);
  const plan = template.plan;
  labelled(
    "Kế hoạch",
    1,
    { row: 2, col: 2 },
    `${plan.title}${plan.documentNumber ? ` (${plan.documentNumber})` : ""}`,
  );
  draft.merges.push(`B2:${LAST_COLUMN}2`);
  labelled("Đơn vị", 1, headerCells.unitName, unit.name);
  labelled("Mã đơn vị", 5, headerCells.unitCode, unit.code);
  labelled("Cấp", 7, headerCells.unitLevel, levelNames[unit.level]);
  labelled("Loại", 9, headerCells.unitKind, unitKindNames[unit.kind]);
  labelled("Kỳ báo cáo", 1, headerCells.period, period);
  draft.put(4, 3, periodLabelVi(period), "readonly");
  const due = reportDueAt(period, template.reporting);
  if (due) {
    // Due "before" the day: the last day to submit is the day before, in Vietnam.
    const iso = vietnamDate(due.getTime() - 1);
    const { day, month } = template.reporting!.unitDeadline;
    labelled("Hạn nộp", 5, { row: 4, col: 6 }, `${formatDateVi(iso)} (trước ${day}/${month})`);
  }
  labelled("Mã biểu mẫu", 1, headerCells.templateId, template.id, "meta", "meta");
  labelled("Phiên bản", 5, headerCells.templateVersion, template.version, "meta", "meta");
  // The checksum's own value is written last, once every fixed cell it covers is in place.
  draft.put(headerCells.checksum.row, headerCells.checksum.col - 1, "Mã kiểm tra", "meta");
  labelled("Kiểm tra", 7, headerCells.checkResult, null, "computed");
  draft.merges.push(`H4:${LAST_COLUMN}4`);
  return 5;
}

/** I. Indicators, with the unit's target and a status formula; every unit gets every indicator. */
function indicatorSection(
  draft: LayoutDraft,
  { template, unit }: LayoutFor,
  after: number,
): number {
  let row = after + 2;
  draft.section(row, "I. CHỈ TIÊU", LAST_COLUMN);
  row++;
  draft.headers(row, INDICATOR_COLUMNS);
  draft.freezeRows = row;
  const groupName = new Map(
    template.pillars.flatMap((p) => p.groups.map((g) => [g.id, g.name] as const)),
  );
  const firstIndicatorRow = row + 1;
  for (const ind of template.indicators) {
    row++;
    draft.rows.indicators[ind.id] = row;
    const at = (key: keyof typeof indicatorColumns) => [row, indicatorColumns[key]] as const;
    const ref = (field: "numerator" | "denominator" | "value" | "evidence" | "note") =>
      ({ kind: "indicator", id: ind.id, field }) as const;
    const required = isRequiredOf(ind, unit);
    draft.put(...at("code"), ind.id, "readonly");
    draft.put(...at("group"), groupName.get(ind.group) ?? ind.group, "readonly");
    draft.put(...at("name"), ind.name, "readonly");
    draft.put(...at("unit"), ind.unit, "readonly");
    draft.put(...at("planTarget"), describeAllTargets(ind), "readonly");
    const unitTarget = describeTarget(ind, targetFor(ind, unit.level));
    draft.put(
      ...at("unitTarget"),
      required ? unitTarget : `${unitTarget} (không bắt buộc)`,
      "readonly",
    );
    if (ind.numeratorLabel) {
      for (const part of ["numerator", "denominator"] as const)
        draft.field(
          ref(part),
          ...at(part),
          numberRule(indicatorLimit(ind, part)),
          numberFormats.decimal,
        );
    } else {
      draft.put(...at("numerator"), "—", "readonly");
      draft.put(...at("denominator"), "—", "readonly");
    }
    const { rule, format } = valueRule(ind);
    draft.field(ref("value"), ...at("value"), rule, format);
    const formula = statusFormula(ind, unit.level, row);
    draft.put(...at("status"), null, "computed", formula ? { formula } : {});
    draft.field(ref("evidence"), ...at("evidence"), undefined, numberFormats.text);
    draft.field(ref("note"), ...at("note"), undefined, numberFormats.text);
  }
  const statusRange = `${a1(firstIndicatorRow, indicatorColumns.status)}:${a1(row, indicatorColumns.status)}`;
  draft.conditionalFormats.push(
    { range: statusRange, equals: STATUS_MET, fill: "#C6EFCE", font: "#006100" },
    { range: statusRange, equals: STATUS_NOT_MET, fill: "#FFC7CE", font: "#9C0006" },
  );
  return row;
}

/** II. The tasks the unit leads, or a line saying it leads none. */
function taskSection(draft: LayoutDraft, { template, unit }: LayoutFor, after: number): number {
  let row = after + 2;
  draft.section(row, "II. NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ", LAST_COLUMN);
  row++;
  draft.headers(row, TASK_COLUMNS);
  const tasks = tasksOf(template, unit);
  if (tasks.length === 0) {
    row++;
    draft.put(
      row,
      taskColumns.text,
      "Đơn vị không chủ trì nhiệm vụ nào của kế hoạch này.",
      "readonly",
    );
  }
  for (const task of tasks) {
    row++;
    draft.rows.tasks[task.id] = row;
    const at = (key: keyof typeof taskColumns) => [row, taskColumns[key]] as const;
    draft.put(...at("code"), task.id, "readonly");
    draft.put(...at("deadline"), deadlineText(task.deadline), "readonly");
    draft.put(...at("text"), task.text, "readonly");
    draft.put(...at("lead"), task.lead.join("; "), "readonly");
    draft.field(
      { kind: "task", id: task.id, field: "status" },
      ...at("status"),
      { type: "list", values: Object.values(taskStateNames) },
      numberFormats.text,
    );
    draft.field(
      { kind: "task", id: task.id, field: "completedOn" },
      ...at("completedOn"),
      { type: "date" },
      numberFormats.date,
    );
    draft.field(
      { kind: "task", id: task.id, field: "note" },
      ...at("note"),
      undefined,
      numberFormats.text,
    );
  }
  return row;
}

/** III. The plan's budget lines (a total and its parts), when the plan states a budget. */
function budgetSection(draft: LayoutDraft, { template }: LayoutFor, after: number): number {
  if (!template.budget) return after;
  let row = after + 2;
  draft.section(row, "III. KINH PHÍ (đồng)", LAST_COLUMN);
  row++;
  draft.headers(row, BUDGET_COLUMNS);
  const amountRule = numberRule(budgetLimit(template));
  for (const line of [template.budget.total, ...template.budget.parts]) {
    row++;
    draft.rows.budget[line.id] = row;
    const at = (key: keyof typeof budgetColumns) => [row, budgetColumns[key]] as const;
    draft.put(...at("code"), line.id, "readonly");
    draft.put(...at("label"), line.label, "readonly");
    draft.put(...at("planned"), line.amount, "readonly", { numberFormat: numberFormats.whole });
    for (const field of ["allocated", "disbursed"] as const)
      draft.field(
        { kind: "budget", id: line.id, field },
        ...at(field),
        amountRule,
        numberFormats.whole,
      );
    draft.field(
      { kind: "budget", id: line.id, field: "note" },
      ...at("note"),
      undefined,
      numberFormats.text,
    );
  }
  return row;
}

/** How a fixed cell's value reads back from any spreadsheet: numbers may come back as text. */
export function canonicalLabel(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).normalize("NFC").replace(/\s+/gu, " ").trim();
}

export function labelChecksum(
  cells: readonly { row: number; col: number; value: unknown; fixed?: boolean }[],
): string {
  const parts = cells
    .filter((c) => c.fixed)
    .map((c) => `${a1(c.row, c.col)}=${canonicalLabel(c.value)}`)
    .sort();
  return fnv1a(parts.join("\n"));
}

/** Text that a spreadsheet would take for a formula if it were typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/u.test(text);
}

/**
 * The layout as a dense grid, one row per sheet row: what a shell writes in one call. Formulas
 * carry their "="; with `quoteText` (Excel and Google Sheets, which parse what they are given)
 * text that looks like a formula gets the apostrophe that makes a spreadsheet keep it as text.
 */
export function layoutGrid(
  layout: SheetLayout,
  options: { quoteText: boolean },
): (string | number | null)[][] {
  const grid = Array.from({ length: layout.rowCount }, () =>
    Array<string | number | null>(layout.columnCount).fill(null),
  );
  for (const cell of layout.cells) {
    const { value } = cell;
    grid[cell.row - 1]![cell.col - 1] = cell.formula
      ? `=${cell.formula}`
      : options.quoteText && typeof value === "string" && looksLikeFormula(value)
        ? `'${value}`
        : value;
  }
  return grid;
}
