// A filled report's bytes → core's check, the way `chitieu validate` checks a file: the page's
// worker runs this, and so can any shell. The template comes from the caller (tracker, cache, seeds).
import type { SheetCheck } from "../core/sheet/check-sheet.js";
import { checkSheet } from "../core/sheet/check-sheet.js";
import type { Issue } from "../core/check/issues.js";
import type { SheetLayout } from "../core/sheet/layout-types.js";
import { buildLayout } from "../core/sheet/layout.js";
import { COLUMN_COUNT, headerCells } from "../core/sheet/layout-types.js";
import { readHeader } from "../core/sheet/read-sheet.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import type { Refusal } from "./refusals.js";
import { refusal } from "./refusals.js";
import type { WorkbookGrid } from "./report-grid.js";
import { openReportWorkbook } from "./report-grid.js";
import type { WorkbookLimits } from "./workbook-bytes.js";
import { sniffWorkbook, WORKBOOK_LIMITS } from "./workbook-bytes.js";

/** The header block's rows: enough to know template, unit and period before the rest is read. */
const HEADER_ROWS = Math.max(...Object.values(headerCells).map((c) => c.row));

export interface ReportHeader {
  templateId: string;
  templateVersion: number;
  unit: Unit;
  period: string;
}

export type ReportReading =
  | { kind: "refused"; refusal: Refusal }
  | {
      kind: "checked";
      grid: WorkbookGrid;
      issues: Issue[];
      /** Absent when the header was not a chitieu header. */
      header?: ReportHeader;
      template?: Template;
      /** The layout the sheet was read against (also when core found the sheet edited). */
      layout?: SheetLayout;
      check?: SheetCheck;
    };

export interface ReadOptions {
  /** The current template with this id, or undefined when the tracker has none. */
  templateFor(id: string): Promise<Template | undefined>;
  now: Date;
  limits?: WorkbookLimits;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function readReport(bytes: Uint8Array, options: ReadOptions): Promise<ReportReading> {
  const refused = sniffWorkbook(bytes, options.limits ?? WORKBOOK_LIMITS);
  if (refused) return { kind: "refused", refusal: refused };
  let workbook;
  try {
    workbook = await openReportWorkbook(bytes);
  } catch (err) {
    return { kind: "refused", refusal: refusal("unreadable", { reason: reasonOf(err) }) };
  }
  if (!workbook) return { kind: "refused", refusal: refusal("no-sheet") };

  const headerGrid = workbook.read(HEADER_ROWS, COLUMN_COUNT);
  const read = readHeader(headerGrid.values, workbook.sheetName);
  if (!read.ok) return { kind: "checked", grid: headerGrid, issues: [read.error] };
  const header = read.value;
  const template = await options.templateFor(header.templateId);
  if (!template)
    return { kind: "refused", refusal: refusal("unknown-template", { id: header.templateId }) };

  // Everything core reads lies inside the layout the header names, so that is all that is read.
  const layout = buildLayout(template, header.unit, header.period);
  const grid = workbook.read(layout.rowCount, layout.columnCount);
  const check = checkSheet(template, grid.values, {
    formats: grid.formats,
    now: options.now,
    sheet: grid.sheetName,
  });
  return {
    kind: "checked",
    grid,
    issues: check.issues,
    header: {
      templateId: header.templateId,
      templateVersion: header.templateVersion,
      unit: header.unit,
      period: header.period,
    },
    template,
    layout,
    check,
  };
}
