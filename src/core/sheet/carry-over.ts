// Loading a newer template version keeps what the officer entered: each input of the old sheet is
// found again by its row's code (indicator, task or budget line id) and the column of its field,
// with the number format that gives it its meaning (a typed "80%" is 0.8 shown as a percent).
import type { SheetLayout } from "./layout-types.js";
import { canonicalLabel } from "./layout.js";
import { isBlank } from "../text/normalize-text.js";
import type { RawCellValue } from "../text/parse-number.js";
import { isPercentFormat } from "../text/parse-number.js";
import type { Grid } from "./read-sheet.js";
import { readHeader } from "./read-sheet.js";
import { narrativeLabels } from "./narrative-section.js";

export interface CarriedValue {
  row: number;
  col: number;
  value: RawCellValue;
  /** The old cell's format where it changes what the value means; the shell writes it with it. */
  numberFormat?: string;
}

/**
 * The old sheet's entries placed at the new layout's cells. Only a sheet of the same plan, unit
 * and period is carried over; ids are stable across versions, and each field keeps its column.
 * `oldFormats` are the old cells' number formats: a percent format travels with its number, since
 * the new sheet's own format would make Excel's 0.8 read as 0.8 instead of the 80 that was typed.
 */
export function carryOver(oldGrid: Grid, layout: SheetLayout, oldFormats?: Grid): CarriedValue[] {
  const read = readHeader(oldGrid);
  const header = read.ok ? read.value : undefined;
  if (
    !header ||
    header.templateId !== layout.meta.templateId ||
    header.unit.code !== layout.meta.unit.code ||
    header.period !== layout.meta.period
  ) {
    return [];
  }
  const rowOfCode = new Map<string, number>();
  oldGrid.forEach((row, i) => {
    const code = canonicalLabel(row[0]);
    if (code && !rowOfCode.has(code)) rowOfCode.set(code, i + 1);
  });
  const carried: CarriedValue[] = [];
  for (const f of layout.fields) {
    // A narrative box's row starts with its section's label, where other rows carry their id.
    const code = f.ref.kind === "narrative" ? narrativeLabels[f.ref.field] : f.ref.id;
    const oldRow = rowOfCode.get(code);
    if (oldRow === undefined) continue;
    const value = oldGrid[oldRow - 1]?.[f.col - 1];
    if (value === undefined || isBlank(value)) continue;
    const format = oldFormats?.[oldRow - 1]?.[f.col - 1];
    carried.push(
      typeof value === "number" && typeof format === "string" && isPercentFormat(format)
        ? { row: f.row, col: f.col, value, numberFormat: format }
        : { row: f.row, col: f.col, value },
    );
  }
  return carried;
}
