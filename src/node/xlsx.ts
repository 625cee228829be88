// The .xlsx shell: renders core's sheet layout with exceljs, and reads a report sheet back as plain
// values within the report's area (`xlsx-read/`, no exceljs: it would inflate every part).
import ExcelJS from "exceljs";
import type {
  ConditionalFormat,
  LayoutCell,
  SheetLayout,
  ValidationRule,
} from "../core/sheet/layout-types.js";
import { cellStyles, columnLetter, PROTECTION_PASSWORD } from "../core/sheet/layout-types.js";
import { formatNumberVi } from "../core/text/parse-number.js";
import type { SheetArea } from "../core/sheet/report-area.js";
import { reportArea } from "../core/sheet/report-area.js";
import { readRegularFile } from "./regular-file.js";
import { loadSeedTemplates } from "./seeds.js";
import { workbookLimits } from "./xlsx-read/refusal.js";
import type { WorkbookGrid } from "./xlsx-read/workbook.js";
import { readWorkbookBytes } from "./xlsx-read/workbook.js";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

// Completion dates before the plans existed are typing mistakes (a year of 0025, a serial of 12).
const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1));

// Excel keeps a file's rows at the default height when it opens, so wrapped text would show one line.
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.0;

export async function writeLayoutWorkbook(layout: SheetLayout): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chitieu";
  workbook.title = `${layout.meta.templateId} · ${layout.meta.unit.code} · ${layout.meta.period}`;
  // The status formulas are written without cached results; have Excel compute them on open.
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheet = workbook.addWorksheet(layout.sheetName, {
    views: [{ state: "frozen", xSplit: layout.freeze.columns, ySplit: layout.freeze.rows }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  // exceljs leaves out columns 9 wide as its "default", which Excel reads as 8.43.
  sheet.properties.defaultColWidth = 9;
  layout.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const cell of layout.cells) renderCell(sheet, cell);
  // After the values, so a merge copies its first cell's style across and loses nothing.
  for (const range of layout.merges) sheet.mergeCells(range);
  for (const [row, height] of rowHeights(layout)) sheet.getRow(row).height = height;
  layout.conditionalFormats.forEach((format, i) => renderConditionalFormat(sheet, format, i));
  await sheet.protect(PROTECTION_PASSWORD, {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return workbook;
}

export async function writeLayoutFile(layout: SheetLayout, file: string): Promise<void> {
  const workbook = await writeLayoutWorkbook(layout);
  await workbook.xlsx.writeFile(file);
}

export async function writeLayoutBuffer(layout: SheetLayout): Promise<Buffer> {
  const workbook = await writeLayoutWorkbook(layout);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function renderCell(sheet: ExcelJS.Worksheet, spec: LayoutCell) {
  const cell = sheet.getCell(spec.row, spec.col);
  // Only chitieu's own formulas become formulas; exceljs writes any string as a string.
  cell.value = spec.formula ? { formula: spec.formula } : spec.value;
  const style = cellStyles[spec.style];
  cell.font = {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.size ? { size: style.size } : {}),
    ...(style.font ? { color: { argb: argb(style.font) } } : {}),
  };
  if (style.fill) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  cell.alignment = { vertical: "top", ...(style.wrap ? { wrapText: true } : {}) };
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
  cell.protection = { locked: !spec.input };
  if (spec.validation) cell.dataValidation = dataValidation(spec.validation);
}

function boundsText(min: number, max: number, whole: boolean) {
  const what = whole ? { vi: "số nguyên", en: "a whole number" } : { vi: "số", en: "a number" };
  const n = (x: number) => formatNumberVi(x);
  return `Nhập ${what.vi} từ ${n(min)} đến ${n(max)}. / Enter ${what.en} from ${min} to ${max}.`;
}

/** The bounds are core's table of value limits (`value-limits.ts`), never the shell's own. */
function numberValidation(rule: Extract<ValidationRule, { min: number }>) {
  return {
    type: rule.type,
    operator: "between" as const,
    formulae: [rule.min, rule.max],
    error: boundsText(rule.min, rule.max, rule.type === "whole"),
  };
}

const quoteListItem = (s: string) => s.replace(/"/g, '""');

export function dataValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Giá trị không hợp lệ",
  };
  switch (rule.type) {
    case "decimal":
    case "whole":
      return { ...common, ...numberValidation(rule) };
    case "list":
      return {
        ...common,
        type: "list",
        formulae: [`"${rule.values.map(quoteListItem).join(",")}"`],
        error: `Chọn một trong: ${rule.values.join(", ")}. / Choose one of: ${rule.values.join(", ")}.`,
      };
    case "date":
      return {
        ...common,
        type: "date",
        operator: "greaterThan",
        formulae: [EARLIEST_DATE],
        error: "Nhập ngày dạng dd/mm/yyyy, sau năm 2000. / Enter a date as dd/mm/yyyy, after 2000.",
      };
  }
}

function renderConditionalFormat(sheet: ExcelJS.Worksheet, format: ConditionalFormat, i: number) {
  sheet.addConditionalFormatting({
    ref: format.range,
    rules: [
      {
        type: "cellIs",
        operator: "equal",
        priority: i + 1,
        formulae: [`"${quoteListItem(format.equals)}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } },
          font: { color: { argb: argb(format.font) } },
        },
      },
    ],
  });
}

/** Merged ranges as first row and the columns they span, to know how wide a cell's text may run. */
function mergeSpans(layout: SheetLayout): Map<string, number[]> {
  const spans = new Map<string, number[]>();
  for (const range of layout.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)\d+$/.exec(range);
    if (!m) continue;
    const from = columnNumber(m[1]!);
    const to = columnNumber(m[3]!);
    const cols = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    spans.set(`${m[1]}${m[2]}`, cols);
  }
  return spans;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Lines a text takes when wrapped at word boundaries, `perLine` characters wide. */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ").filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the line is broken across lines.
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

/** An estimate of the lines wrapped text needs; only rows that need more than one get a height. */
function rowHeights(layout: SheetLayout): Map<number, number> {
  const spans = mergeSpans(layout);
  const heights = new Map<number, number>();
  for (const cell of layout.cells) {
    const style = cellStyles[cell.style];
    if (!style.wrap || typeof cell.value !== "string") continue;
    const cols = spans.get(`${columnLetter(cell.col)}${cell.row}`) ?? [cell.col];
    const width = cols.reduce((w, c) => w + (layout.columnWidths[c - 1] ?? 9), 0);
    const lines = wrappedLines(cell.value, Math.max(1, Math.floor(width * CHARS_PER_WIDTH)));
    if (lines < 2) continue;
    const lineHeight = LINE_HEIGHT * ((style.size ?? 11) / 11);
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, lines * lineHeight));
  }
  return heights;
}

export type { WorkbookGrid } from "./xlsx-read/workbook.js";

let seedArea: SheetArea | undefined;
/** The shipped plans decide how far a report reaches; computed once. */
const reportAreaOfSeeds = () => (seedArea ??= reportArea(loadSeedTemplates().templates));

/**
 * The report sheet (or, in a workbook without one, the first sheet) as core reads it, within the
 * area a report can use. A path is read only if it is a regular file within the size limit.
 */
export async function readWorkbookGrid(source: string | Uint8Array): Promise<WorkbookGrid> {
  const bytes =
    typeof source === "string" ? await readRegularFile(source, workbookLimits.fileBytes) : source;
  return readWorkbookBytes(bytes, { area: reportAreaOfSeeds() });
}
