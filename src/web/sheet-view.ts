// A read-only rendering of the report sheet as the file holds it: the layout's look (header fills,
// yellow input cells, merged titles), with the cells and rows of each issue marked. Text only goes
// in as text nodes, so nothing a file holds becomes markup.
import type { Issue } from "../core/check/issues.js";
import type { CellStyle, SheetLayout } from "../core/sheet/layout-types.js";
import { a1, columnLetter } from "../core/sheet/layout-types.js";
import { formatDateVi } from "../core/text/parse-date.js";
import type { RawCellValue } from "../core/text/parse-number.js";
import { formatNumberVi } from "../core/text/parse-number.js";
import type { WorkbookGrid } from "../workbook/report-grid.js";

/** Excel's column width unit is about 7 px of its default font, plus padding. */
const PX_PER_WIDTH = 7;
const ROW_HEADER_PX = 36;

function displayText(value: RawCellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    // exceljs reads a date as UTC midnight of the day typed.
    return formatDateVi(value.toISOString().slice(0, 10));
  }
  if (typeof value === "number") return formatNumberVi(value);
  return String(value);
}

interface Span {
  rows: number;
  cols: number;
}

/** "A1:L1" → the top-left address and the span; the cells it covers are left out of the table. */
function mergeSpans(merges: readonly string[]) {
  const spans = new Map<string, Span>();
  const covered = new Set<string>();
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/u.exec(range);
    if (!m) continue;
    const [r1, c1, r2, c2] = [Number(m[2]), col(m[1]!), Number(m[4]), col(m[3]!)];
    spans.set(a1(r1, c1), { rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(a1(r, c));
  }
  return { spans, covered };
}

export function renderSheet(
  doc: Document,
  grid: WorkbookGrid,
  layout: SheetLayout | undefined,
  issues: readonly Issue[],
): HTMLTableElement {
  const styles = new Map<string, CellStyle>();
  const inputs = new Set<string>();
  for (const cell of layout?.cells ?? []) {
    styles.set(a1(cell.row, cell.col), cell.style);
    if (cell.input) inputs.add(a1(cell.row, cell.col));
  }
  const marks = new Map<string, Issue["severity"]>();
  for (const issue of issues) {
    const cell = issue.location.cell;
    if (cell && marks.get(cell) !== "error") marks.set(cell, issue.severity);
  }
  const rowMark = new Map<number, Issue["severity"]>();
  for (const [cell, severity] of marks) {
    const row = Number(/\d+$/u.exec(cell)?.[0]);
    if (rowMark.get(row) !== "error") rowMark.set(row, severity);
  }
  const { spans, covered } = mergeSpans(layout?.merges ?? []);
  const columns = Math.max(0, ...grid.values.map((r) => r.length));

  const table = doc.createElement("table");
  table.className = "sheet";
  const colgroup = doc.createElement("colgroup");
  const rowHeader = doc.createElement("col");
  rowHeader.style.width = `${ROW_HEADER_PX}px`;
  colgroup.append(rowHeader);
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.round((layout?.columnWidths[i] ?? 9) * PX_PER_WIDTH),
  );
  for (const width of widths) {
    const col = doc.createElement("col");
    col.style.width = `${width}px`;
    colgroup.append(col);
  }
  table.append(colgroup);
  // A fixed layout keeps the columns as wide as in Excel; the pane scrolls instead of squeezing.
  table.style.width = `${widths.reduce((sum, w) => sum + w, ROW_HEADER_PX)}px`;
  const head = doc.createElement("tr");
  head.append(doc.createElement("th"));
  for (let c = 1; c <= columns; c++) {
    const th = doc.createElement("th");
    th.textContent = columnLetter(c);
    head.append(th);
  }
  const thead = doc.createElement("thead");
  thead.append(head);
  table.append(thead);

  const body = doc.createElement("tbody");
  grid.values.forEach((values, i) => {
    const row = i + 1;
    const tr = doc.createElement("tr");
    const mark = rowMark.get(row);
    if (mark) tr.className = `row-${mark}`;
    const th = doc.createElement("th");
    th.textContent = String(row);
    tr.append(th);
    for (let c = 1; c <= columns; c++) {
      const address = a1(row, c);
      if (covered.has(address)) continue;
      const td = doc.createElement("td");
      td.dataset.cell = address;
      const classes = [`s-${styles.get(address) ?? "plain"}`];
      if (inputs.has(address)) classes.push("input");
      const severity = marks.get(address);
      if (severity) classes.push(`issue-${severity}`);
      td.className = classes.join(" ");
      const span = spans.get(address);
      if (span) {
        td.colSpan = span.cols;
        td.rowSpan = span.rows;
      }
      td.textContent = displayText(values[c - 1]);
      tr.append(td);
    }
    body.append(tr);
  });
  table.append(body);
  return table;
}

/** Scrolls the sheet to a cell and marks it, as selecting it in Excel would. */
export function focusCell(table: HTMLElement, address: string): HTMLElement | undefined {
  for (const old of table.querySelectorAll(".focus")) old.classList.remove("focus");
  const cell = table.querySelector<HTMLElement>(`td[data-cell="${address}"]`);
  if (!cell) return undefined;
  cell.classList.add("focus");
  // "nearest" across: the code and the indicator's name in the first columns stay in view.
  cell.scrollIntoView({ block: "center", inline: "nearest" });
  return cell;
}
