// How far a report sheet reaches: a reader keeps the cells of this area and skips the rest, so a
// stray cell at row 1,048,576 or column XFD costs nothing to read.
import { buildLayout } from "./layout.js";
import { COLUMN_COUNT } from "./layout-types.js";
import { tasksOf } from "../plan/reporting-duties.js";
import type { Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";

export interface SheetArea {
  rows: number;
  columns: number;
}

// Only the tasks a unit leads change a layout's size; any unit stands in for the rest.
const anyUnit: Unit = { code: "X", name: "Đơn vị", kind: "department", level: "province" };

/** The rows and columns any unit's report of these templates can use, for any period. */
export function reportArea(templates: readonly Template[]): SheetArea {
  let rows = 0;
  for (const template of templates) {
    const layout = buildLayout(template, anyUnit, "2025");
    const taskRows = (n: number) => Math.max(1, n);
    const ownTasks = tasksOf(template, anyUnit).length;
    rows = Math.max(rows, layout.rowCount - taskRows(ownTasks) + taskRows(template.tasks.length));
  }
  return { rows, columns: COLUMN_COUNT };
}
