// Fills a generated report workbook as a careful officer would, cell by cell, through exceljs.
import ExcelJS from "exceljs";
import type { FieldRef, SheetLayout } from "../../src/core/layout.js";
import { REPORT_SHEET, taskStateNames, YES } from "../../src/core/layout.js";
import { isTaskOverdue } from "../../src/core/period.js";
import { meets, targetFor } from "../../src/core/target-status.js";
import type { Indicator, Target, Template } from "../../src/core/template-schema.js";
import type { Unit } from "../../src/core/unit-schema.js";

export interface Edit {
  address: string;
  value: ExcelJS.CellValue;
  numFmt?: string;
}

export function addressOf(layout: SheetLayout, ref: FieldRef): string {
  const field = layout.fields.find(
    (f) => f.ref.kind === ref.kind && f.ref.id === ref.id && f.ref.field === ref.field,
  );
  if (!field) throw new Error(`no input cell for ${ref.kind} ${ref.id} ${ref.field}`);
  return field.address;
}

/** A value that meets the target, so no explanation is owed. */
function meetingValue(indicator: Indicator, target: Target | undefined): number {
  if (!target) return indicator.kind === "rank" ? 1 : 50;
  const cap = indicator.kind === "percent" ? 100 : Infinity;
  const step = indicator.kind === "rank" || indicator.kind === "count" ? 1 : 0.5;
  const candidates: Record<Target["op"], number> = {
    ">=": target.value,
    ">": Math.min(target.value + step, cap),
    "<=": target.value,
    "<": target.value - step,
    "=": target.value,
    between: (target.value + (target.max ?? target.value)) / 2,
  };
  const value = candidates[target.op];
  if (!meets(target, value)) throw new Error(`no value meets ${indicator.id}'s target`);
  return value;
}

function indicatorEdits(layout: SheetLayout, indicator: Indicator, unit: Unit, i: number): Edit[] {
  const at = (field: "numerator" | "denominator" | "value" | "evidence") =>
    addressOf(layout, { kind: "indicator", id: indicator.id, field });
  if (indicator.kind === "yes-no") {
    return [
      { address: at("value"), value: YES },
      { address: at("evidence"), value: "Quyết định số 12/QĐ-UBND ngày 03/03/2025" },
    ];
  }
  const value = meetingValue(indicator, targetFor(indicator, unit.level));
  if (!indicator.numeratorLabel) return [{ address: at("value"), value }];
  // Half the shares also carry their value, which must then agree with the ratio.
  return [
    { address: at("numerator"), value },
    { address: at("denominator"), value: 100 },
    ...(i % 2 === 0 ? [{ address: at("value"), value }] : []),
  ];
}

function taskEdits(layout: SheetLayout, template: Template, now: Date): Edit[] {
  const led = template.tasks.filter((t) => layout.rows.tasks[t.id] !== undefined);
  return led.flatMap((task, i): Edit[] => {
    const at = (field: "status" | "completedOn") =>
      addressOf(layout, { kind: "task", id: task.id, field });
    // The first task is done anyway, so every plan with tasks has a completion date to read.
    if (i === 0 || isTaskOverdue(task.deadline, now)) {
      return [
        { address: at("status"), value: taskStateNames.done },
        { address: at("completedOn"), value: new Date(Date.UTC(2025, 4, 15)) },
      ];
    }
    return [{ address: at("status"), value: taskStateNames["in-progress"] }];
  });
}

function budgetEdits(layout: SheetLayout, template: Template): Edit[] {
  if (!template.budget) return [];
  const { total, parts } = template.budget;
  const at = (id: string, field: "allocated" | "disbursed") =>
    addressOf(layout, { kind: "budget", id, field });
  const allocated = parts.map((_, i) => 1_000_000_000 * (i + 1));
  const disbursed = parts.map((_, i) => 400_000_000 * (i + 1));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return [
    { address: at(total.id, "allocated"), value: sum(allocated) },
    { address: at(total.id, "disbursed"), value: sum(disbursed) },
    ...parts.flatMap((p, i) => [
      { address: at(p.id, "allocated"), value: allocated[i]! },
      { address: at(p.id, "disbursed"), value: disbursed[i]! },
    ]),
  ];
}

/** Every input a clean report needs: each indicator meeting its target, tasks, budget adding up. */
export function validEdits(template: Template, unit: Unit, layout: SheetLayout, now: Date): Edit[] {
  return [
    ...template.indicators.flatMap((ind, i) => indicatorEdits(layout, ind, unit, i)),
    ...taskEdits(layout, template, now),
    ...budgetEdits(layout, template),
  ];
}

/** Later edits of the same cell win, so a test can plant a mistake over a valid fill. */
export async function fillWorkbook(source: string, target: string, edits: Edit[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const sheet = workbook.getWorksheet(REPORT_SHEET);
  if (!sheet) throw new Error(`${source} has no sheet ${REPORT_SHEET}`);
  for (const edit of edits) {
    const cell = sheet.getCell(edit.address);
    cell.value = edit.value;
    // exceljs shares one style object among cells read with the same style: replace, never mutate.
    if (edit.numFmt) cell.style = { ...cell.style, numFmt: edit.numFmt };
  }
  await workbook.xlsx.writeFile(target);
}
