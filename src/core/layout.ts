// Layout as data: (template, unit, period) → a plain description of the report sheet that every
// shell renders the same way (Office.js, exceljs, SpreadsheetApp). Shells decide nothing here.
import { fnv1a } from "./checksum.js";
import type {
  CellStyle,
  ValidationRule,
  LayoutCell,
  FieldRef,
  FieldCell,
  SheetLayout,
} from "./layout-types.js";
import {
  REPORT_SHEET,
  COLUMN_COUNT,
  numberFormats,
  a1,
  headerCells,
  levelNames,
  unitKindNames,
  taskStateNames,
  YES,
  NO,
  STATUS_MET,
  STATUS_NOT_MET,
} from "./layout-types.js";

import { periodLabelVi, reportDueAt, vietnamDate } from "./period.js";
import { formatDateVi } from "./parse-date.js";
import { describeAllTargets, describeTarget, targetFor } from "./target-status.js";
import type { Indicator, Level, Template } from "./template-schema.js";
import type { Unit } from "./unit-schema.js";
import { isLeadUnit } from "./unit-match.js";
import type { LeadMatch } from "./plan/succession.js";
import type { ValueLimit } from "./value-limits.js";
import { budgetLimit, indicatorLimit } from "./value-limits.js";

export * from "./layout-types.js";

const indicatorColumns = {
  code: 1,
  group: 2,
  name: 3,
  unit: 4,
  planTarget: 5,
  unitTarget: 6,
  numerator: 7,
  denominator: 8,
  value: 9,
  status: 10,
  evidence: 11,
  note: 12,
} as const;
const taskColumns = {
  code: 1,
  deadline: 2,
  text: 3,
  lead: 4,
  status: 5,
  completedOn: 6,
  note: 7,
} as const;
const budgetColumns = {
  code: 1,
  label: 3,
  planned: 4,
  allocated: 5,
  disbursed: 6,
  note: 7,
} as const;

/** Whether the unit must fill this indicator (an error when blank) or may (blank is fine). */
export function isRequiredOf(
  indicator: Indicator,
  unit: Unit,
  match: LeadMatch = isLeadUnit,
): boolean {
  if (indicator.reporters === "lead") return match(indicator.lead, unit);
  // A province-wide figure without a named lead is reported by whoever measures it.
  return indicator.aggregation !== "single-reporter";
}

export function tasksOf(template: Template, unit: Unit, match: LeadMatch = isLeadUnit) {
  return template.tasks.filter((t) => match(t.lead, unit));
}

/** "Tháng 12/2025", "Thường xuyên", "Không nêu hạn": a task's deadline as officers read it. */
export function deadlineText(deadline: string | null): string {
  if (deadline === null) return "Không nêu hạn";
  if (deadline === "recurring") return "Thường xuyên";
  const [y, m] = deadline.split("-");
  return `Tháng ${Number(m)}/${y}`;
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

export function buildLayout(template: Template, unit: Unit, period: string): SheetLayout {
  const cells: LayoutCell[] = [];
  const fields: FieldCell[] = [];
  const merges: string[] = [];
  const rows: SheetLayout["rows"] = { indicators: {}, tasks: {}, budget: {} };
  const put = (
    row: number,
    col: number,
    value: string | number | null,
    style: CellStyle,
    extra: Partial<LayoutCell> = {},
  ) => {
    const fixed = !extra.input && style !== "computed";
    const text = typeof value === "string";
    cells.push({
      row,
      col,
      value,
      style,
      fixed,
      ...(text && fixed ? { numberFormat: numberFormats.text } : {}),
      ...extra,
    });
  };
  const field = (
    ref: FieldRef,
    row: number,
    col: number,
    rule: ValidationRule | undefined,
    format: string,
  ) => {
    put(row, col, null, "input", {
      input: true,
      numberFormat: format,
      ...(rule ? { validation: rule } : {}),
    });
    fields.push({ ref, row, col, address: a1(row, col) });
  };

  // Header block: what the sheet is, for whom, for when.
  put(1, 1, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ CHUYỂN ĐỔI SỐ", "title");
  merges.push("A1:L1");
  put(2, 1, "Kế hoạch", "label");
  put(
    2,
    2,
    `${template.plan.title}${template.plan.documentNumber ? ` (${template.plan.documentNumber})` : ""}`,
    "readonly",
  );
  merges.push("B2:L2");
  put(3, 1, "Đơn vị", "label");
  put(headerCells.unitName.row, headerCells.unitName.col, unit.name, "readonly");
  put(3, 5, "Mã đơn vị", "label");
  put(headerCells.unitCode.row, headerCells.unitCode.col, unit.code, "readonly");
  put(3, 7, "Cấp", "label");
  put(headerCells.unitLevel.row, headerCells.unitLevel.col, levelNames[unit.level], "readonly");
  put(3, 9, "Loại", "label");
  put(headerCells.unitKind.row, headerCells.unitKind.col, unitKindNames[unit.kind], "readonly");
  put(4, 1, "Kỳ báo cáo", "label");
  put(headerCells.period.row, headerCells.period.col, period, "readonly");
  put(4, 3, periodLabelVi(period), "readonly");
  const due = reportDueAt(period, template.reporting);
  if (due) {
    // Due "before" the day: the last day to submit is the day before, in Vietnam.
    const iso = vietnamDate(due.getTime() - 1);
    put(4, 5, "Hạn nộp", "label");
    put(
      4,
      6,
      `${formatDateVi(iso)} (trước ${template.reporting!.unitDeadline.day}/${template.reporting!.unitDeadline.month})`,
      "readonly",
    );
  }
  put(5, 1, "Mã biểu mẫu", "meta");
  put(headerCells.templateId.row, headerCells.templateId.col, template.id, "meta");
  put(5, 5, "Phiên bản", "meta");
  put(headerCells.templateVersion.row, headerCells.templateVersion.col, template.version, "meta");
  put(5, 7, "Mã kiểm tra", "meta");
  put(4, 7, "Kiểm tra", "label");
  put(headerCells.checkResult.row, headerCells.checkResult.col, null, "computed");
  merges.push("H4:L4");

  // I. Indicators.
  let row = 7;
  put(row, 1, "I. CHỈ TIÊU", "section");
  merges.push(`A${row}:L${row}`);
  row++;
  const headerRow = row;
  const indicatorHeaders = [
    "Mã",
    "Nhóm",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Mục tiêu kế hoạch",
    "Mục tiêu của đơn vị",
    "Tử số",
    "Mẫu số",
    "Giá trị",
    "Đánh giá",
    "Minh chứng",
    "Giải trình / ghi chú",
  ];
  indicatorHeaders.forEach((h, i) => put(row, i + 1, h, "header"));
  const groupName = new Map(
    template.pillars.flatMap((p) => p.groups.map((g) => [g.id, g.name] as const)),
  );
  const firstIndicatorRow = row + 1;
  for (const ind of template.indicators) {
    row++;
    rows.indicators[ind.id] = row;
    const required = isRequiredOf(ind, unit);
    put(row, indicatorColumns.code, ind.id, "readonly");
    put(row, indicatorColumns.group, groupName.get(ind.group) ?? ind.group, "readonly");
    put(row, indicatorColumns.name, ind.name, "readonly");
    put(row, indicatorColumns.unit, ind.unit, "readonly");
    put(row, indicatorColumns.planTarget, describeAllTargets(ind), "readonly");
    const unitTarget = describeTarget(ind, targetFor(ind, unit.level));
    put(
      row,
      indicatorColumns.unitTarget,
      required ? unitTarget : `${unitTarget} (không bắt buộc)`,
      "readonly",
    );
    if (ind.numeratorLabel) {
      field(
        { kind: "indicator", id: ind.id, field: "numerator" },
        row,
        indicatorColumns.numerator,
        numberRule(indicatorLimit(ind, "numerator")),
        numberFormats.decimal,
      );
      field(
        { kind: "indicator", id: ind.id, field: "denominator" },
        row,
        indicatorColumns.denominator,
        numberRule(indicatorLimit(ind, "denominator")),
        numberFormats.decimal,
      );
    } else {
      put(row, indicatorColumns.numerator, "—", "readonly");
      put(row, indicatorColumns.denominator, "—", "readonly");
    }
    const { rule, format } = valueRule(ind);
    field(
      { kind: "indicator", id: ind.id, field: "value" },
      row,
      indicatorColumns.value,
      rule,
      format,
    );
    const formula = statusFormula(ind, unit.level, row);
    put(row, indicatorColumns.status, null, "computed", formula ? { formula } : {});
    field(
      { kind: "indicator", id: ind.id, field: "evidence" },
      row,
      indicatorColumns.evidence,
      undefined,
      numberFormats.text,
    );
    field(
      { kind: "indicator", id: ind.id, field: "note" },
      row,
      indicatorColumns.note,
      undefined,
      numberFormats.text,
    );
  }
  const statusRange = `${a1(firstIndicatorRow, indicatorColumns.status)}:${a1(row, indicatorColumns.status)}`;

  // II. Tasks the unit leads.
  row += 2;
  put(row, 1, "II. NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ", "section");
  merges.push(`A${row}:L${row}`);
  row++;
  ["Mã", "Hạn", "Nhiệm vụ", "Chủ trì", "Trạng thái", "Ngày hoàn thành", "Ghi chú"].forEach((h, i) =>
    put(row, i + 1, h, "header"),
  );
  const tasks = tasksOf(template, unit);
  if (tasks.length === 0) {
    row++;
    put(row, taskColumns.text, "Đơn vị không chủ trì nhiệm vụ nào của kế hoạch này.", "readonly");
  }
  for (const task of tasks) {
    row++;
    rows.tasks[task.id] = row;
    put(row, taskColumns.code, task.id, "readonly");
    put(row, taskColumns.deadline, deadlineText(task.deadline), "readonly");
    put(row, taskColumns.text, task.text, "readonly");
    put(row, taskColumns.lead, task.lead.join("; "), "readonly");
    field(
      { kind: "task", id: task.id, field: "status" },
      row,
      taskColumns.status,
      { type: "list", values: Object.values(taskStateNames) },
      numberFormats.text,
    );
    field(
      { kind: "task", id: task.id, field: "completedOn" },
      row,
      taskColumns.completedOn,
      { type: "date" },
      numberFormats.date,
    );
    field(
      { kind: "task", id: task.id, field: "note" },
      row,
      taskColumns.note,
      undefined,
      numberFormats.text,
    );
  }

  // III. Budget.
  if (template.budget) {
    row += 2;
    put(row, 1, "III. KINH PHÍ (đồng)", "section");
    merges.push(`A${row}:L${row}`);
    row++;
    ["Mã", "", "Nội dung", "Kế hoạch", "Đã bố trí", "Đã giải ngân", "Ghi chú"].forEach((h, i) =>
      put(row, i + 1, h, "header"),
    );
    for (const line of [template.budget.total, ...template.budget.parts]) {
      row++;
      rows.budget[line.id] = row;
      put(row, budgetColumns.code, line.id, "readonly");
      put(row, budgetColumns.label, line.label, "readonly");
      put(row, budgetColumns.planned, line.amount, "readonly", {
        numberFormat: numberFormats.whole,
      });
      field(
        { kind: "budget", id: line.id, field: "allocated" },
        row,
        budgetColumns.allocated,
        numberRule(budgetLimit(template)),
        numberFormats.whole,
      );
      field(
        { kind: "budget", id: line.id, field: "disbursed" },
        row,
        budgetColumns.disbursed,
        numberRule(budgetLimit(template)),
        numberFormats.whole,
      );
      field(
        { kind: "budget", id: line.id, field: "note" },
        row,
        budgetColumns.note,
        undefined,
        numberFormats.text,
      );
    }
  }

  const checksum = labelChecksum(cells);
  put(headerCells.checksum.row, headerCells.checksum.col, checksum, "meta", {
    fixed: false,
    numberFormat: numberFormats.text,
  });

  return {
    sheetName: REPORT_SHEET,
    rowCount: row,
    columnCount: COLUMN_COUNT,
    // Column D holds both "Đơn vị tính" and the budget plan in đồng (657.187.600.000): 18 wide.
    columnWidths: [12, 18, 48, 18, 16, 16, 12, 12, 12, 11, 24, 30],
    freeze: { rows: headerRow, columns: 3 },
    merges,
    cells,
    fields,
    conditionalFormats: [
      { range: statusRange, equals: STATUS_MET, fill: "#C6EFCE", font: "#006100" },
      { range: statusRange, equals: STATUS_NOT_MET, fill: "#FFC7CE", font: "#9C0006" },
    ],
    meta: {
      templateId: template.id,
      templateVersion: template.version,
      unit,
      period,
      checksum,
      checksumCell: a1(headerCells.checksum.row, headerCells.checksum.col),
    },
    rows,
  };
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
