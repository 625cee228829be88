// An in-memory SpreadsheetApp: spreadsheets, sheets and ranges that behave like Google Sheets where
// chitieu depends on it — setValues parses strings as typing does (a leading apostrophe keeps text,
// "=" makes a formula, "30001" a number, "2025-12-05" a date) except in plain-text ("@") cells, a
// cell holds at most 50,000 characters, and a range past the sheet's edge is refused.
import type { CallLog } from "./calls.js";
import { counted } from "./calls.js";
import type { FakeUi } from "./ui.js";

export type CellValue = string | number | boolean | Date;

interface Cell {
  value: CellValue;
  formula?: string;
  format?: string;
  fontWeight?: string;
  background?: string;
}

export const CELL_LIMIT = 50_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/u;
const DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;

/** What typing `text` into a cell of the default format gives. */
export function typed(text: string): { value: CellValue; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[=+-]./u.test(text) && !NUMBER.test(text.trim())) return { value: text, formula: text };
  const t = text.trim();
  if (/\d/u.test(t) && NUMBER.test(t)) {
    const n = Number(t.replace(/,/gu, "").replace(/%$/u, ""));
    return { value: t.endsWith("%") ? n / 100 : n };
  }
  if (/^(true|false)$/iu.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = DATE.exec(t);
  if (iso)
    return {
      value: new Date(
        Number(iso[1]),
        Number(iso[2]) - 1,
        Number(iso[3]),
        Number(iso[4] ?? 0),
        Number(iso[5] ?? 0),
        Number(iso[6] ?? 0),
      ),
    };
  const us = US_DATE.exec(t);
  if (us) return { value: new Date(Number(us[3]), Number(us[1]) - 1, Number(us[2])) };
  return { value: text };
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function displayOf(v: CellValue): string {
  if (v instanceof Date) return `${v.getMonth() + 1}/${v.getDate()}/${v.getFullYear()}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private each<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, i) =>
      Array.from({ length: this.numColumns }, (_, k) => f(this.row + i, this.column + k)),
    );
  }

  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getSheet() {
    return this.sheet.view;
  }
  getA1Notation() {
    const start = `${columnLetters(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  getValues(): CellValue[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.value ?? "");
  }
  getValue(): CellValue {
    return this.sheet.cell(this.row, this.column)?.value ?? "";
  }
  getDisplayValues(): string[][] {
    return this.each((r, c) => displayOf(this.sheet.cell(r, c)?.value ?? ""));
  }
  getFormulas(): string[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.formula ?? "");
  }
  getNumberFormats(): string[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.format ?? "");
  }
  getFontWeights(): string[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.fontWeight ?? "normal");
  }

  setValues(values: unknown): this {
    if (!Array.isArray(values) || values.length !== this.numRows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    values.forEach((row: unknown, i) => {
      if (!Array.isArray(row) || row.length !== this.numColumns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numColumns}.`,
        );
      row.forEach((v: unknown, k) => this.sheet.enter(this.row + i, this.column + k, v));
    });
    return this;
  }
  setValue(v: unknown): this {
    this.each((r, c) => this.sheet.enter(r, c, v));
    return this;
  }
  clearContent(): this {
    this.each((r, c) => this.sheet.enter(r, c, ""));
    return this;
  }

  setNumberFormat(format: string): this {
    this.each((r, c) => (this.sheet.touch(r, c).format = format));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.each(
      (r, c) => (this.sheet.touch(r, c).format = formats[r - this.row]?.[c - this.column] ?? ""),
    );
    return this;
  }
  setFontWeight(weight: string): this {
    this.each((r, c) => (this.sheet.touch(r, c).fontWeight = weight));
    return this;
  }
  setBackground(colour: string): this {
    this.each((r, c) => (this.sheet.touch(r, c).background = colour));
    return this;
  }
  setFontColor(): this {
    return this;
  }
  setFontSize(): this {
    return this;
  }
  setWrap(): this {
    return this;
  }

  createTextFinder(text: string) {
    return this.sheet.wrap(new FakeTextFinder(this, text), "TextFinder");
  }
}

export class FakeTextFinder {
  private entireCell = false;
  constructor(
    private readonly range: FakeRange,
    private readonly text: string,
  ) {}

  matchEntireCell(entire: boolean): this {
    this.entireCell = entire;
    return this;
  }

  private matches(): FakeRange[] {
    const out: FakeRange[] = [];
    const shown = this.range.getDisplayValues();
    shown.forEach((row, i) =>
      row.forEach((v, k) => {
        if (this.entireCell ? v === this.text : v.includes(this.text))
          out.push(this.range.sheet.rangeAt(this.range.row + i, this.range.column + k, 1, 1));
      }),
    );
    return out;
  }

  findNext() {
    const first = this.matches()[0];
    return first ? this.range.sheet.wrap(first, "Range") : null;
  }
  findAll() {
    return this.matches().map((r) => this.range.sheet.wrap(r, "Range"));
  }
}

export class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {}
  getRanges() {
    return this.ranges.map((r) => r.sheet.wrap(r, "Range"));
  }
  setNumberFormat(format: string): this {
    for (const r of this.ranges) r.setNumberFormat(format);
    return this;
  }
  setValue(v: unknown): this {
    for (const r of this.ranges) r.setValue(v);
    return this;
  }
  setFontWeight(weight: string): this {
    for (const r of this.ranges) r.setFontWeight(weight);
    return this;
  }
}

export interface FakeConditionalRule {
  text: string;
  background?: string;
  fontColor?: string;
  ranges: string[];
}

export class FakeConditionalFormatRuleBuilder {
  private readonly rule: FakeConditionalRule = { text: "", ranges: [] };
  whenTextEqualTo(text: string): this {
    this.rule.text = text;
    return this;
  }
  setBackground(colour: string): this {
    this.rule.background = colour;
    return this;
  }
  setFontColor(colour: string): this {
    this.rule.fontColor = colour;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.rule.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build(): FakeConditionalRule {
    return { ...this.rule, ranges: [...this.rule.ranges] };
  }
}

export interface FakeChart {
  type: string;
  title?: string;
  ranges: string[];
  position?: [number, number];
}

export class FakeChartBuilder {
  private readonly chart: FakeChart = { type: "unset", ranges: [] };
  asPieChart(): this {
    this.chart.type = "pie";
    return this;
  }
  asColumnChart(): this {
    this.chart.type = "column";
    return this;
  }
  asBarChart(): this {
    this.chart.type = "bar";
    return this;
  }
  asLineChart(): this {
    this.chart.type = "line";
    return this;
  }
  addRange(range: FakeRange): this {
    this.chart.ranges.push(range.getA1Notation());
    return this;
  }
  setTitle(title: string): this {
    this.chart.title = title;
    return this;
  }
  setOption(): this {
    return this;
  }
  setPosition(row: number, column: number): this {
    this.chart.position = [row, column];
    return this;
  }
  build(): FakeChart {
    if (this.chart.ranges.length === 0) throw new Error("A chart needs at least one range.");
    return { ...this.chart, ranges: [...this.chart.ranges] };
  }
}

export class FakeProtection {
  warningOnly = false;
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  setDescription(): this {
    return this;
  }
}

export class FakeSheet {
  private cells: (Cell | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  hidden = false;
  rules: FakeConditionalRule[] = [];
  charts: FakeChart[] = [];
  protections: FakeProtection[] = [];
  readonly view: FakeSheet;

  constructor(
    private name: string,
    private readonly calls: CallLog,
    private readonly parent: FakeSpreadsheet,
  ) {
    this.view = counted(this, "Sheet", calls);
  }

  wrap<T extends object>(target: T, kind: string): T {
    return counted(target, kind, this.calls);
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells[row - 1]?.[col - 1];
  }

  touch(row: number, col: number): Cell {
    const line = (this.cells[row - 1] ??= []);
    return (line[col - 1] ??= { value: "" });
  }

  /** A value as setValues puts it in a cell. */
  enter(row: number, col: number, v: unknown): void {
    const cell = this.touch(row, col);
    delete cell.formula;
    if (v === null || v === undefined || v === "") {
      cell.value = "";
    } else if (typeof v === "number" || typeof v === "boolean") {
      cell.value = v;
    } else if (isDate(v)) {
      cell.value = new Date(v.getTime());
    } else if (typeof v === "string") {
      if (v.length > CELL_LIMIT)
        throw new Error(
          `Your input contains more than the maximum of ${CELL_LIMIT} characters in a single cell.`,
        );
      // Half of a surrogate pair is not text to Sheets: it keeps a replacement character instead.
      const text = v.replace(LONE_SURROGATE, "\uFFFD");
      if (cell.format === "@") {
        cell.value = text;
      } else {
        const entered = typed(text);
        cell.value = entered.value;
        if (entered.formula) cell.formula = entered.formula;
      }
    } else {
      throw new Error(`Cannot convert ${Object.prototype.toString.call(v)} to a cell value.`);
    }
  }

  rangeAt(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (![row, col, numRows, numCols].every(Number.isInteger))
      throw new Error("Range coordinates must be whole numbers.");
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (
      row < 1 ||
      col < 1 ||
      row + numRows - 1 > this.maxRows ||
      col + numCols - 1 > this.maxColumns
    )
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new FakeRange(this, row, col, numRows, numCols);
  }

  private parseA1(a1: string): FakeRange {
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/iu.exec(a1.replace(/^.*!/u, ""));
    if (!m) throw new Error(`Range not found: ${a1}`);
    const c1 = columnNumber(m[1]!);
    const r1 = Number(m[2] ?? 1);
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[3] ? Number(m[4] ?? this.maxRows) : r1;
    return this.rangeAt(
      Math.min(r1, r2),
      Math.min(c1, c2),
      Math.abs(r2 - r1) + 1,
      Math.abs(c2 - c1) + 1,
    );
  }

  getName() {
    return this.name;
  }
  /** 1-based position among the spreadsheet's sheets, as Apps Script counts. */
  getIndex() {
    return this.parent.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.parent;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }

  getRange(a: number | string, col?: number, numRows = 1, numCols = 1) {
    const range =
      typeof a === "string" ? this.parseA1(a) : this.rangeAt(a, col ?? 1, numRows, numCols);
    return this.wrap(range, "Range");
  }
  getRangeList(a1s: string[]) {
    return this.wrap(new FakeRangeList(a1s.map((a) => this.parseA1(a))), "RangeList");
  }
  getDataRange() {
    return this.wrap(
      this.rangeAt(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn())),
      "Range",
    );
  }

  lastRow(): number {
    for (let r = this.cells.length; r > 0; r--)
      if (this.cells[r - 1]?.some((c) => c && c.value !== "")) return r;
    return 0;
  }
  lastColumn(): number {
    return this.cells.reduce((m, line) => {
      for (let c = line.length; c > m; c--) if (line[c - 1] && line[c - 1]!.value !== "") return c;
      return m;
    }, 0);
  }
  getLastRow() {
    return this.lastRow();
  }
  getLastColumn() {
    return this.lastColumn();
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this.maxRows || howMany < 1)
      throw new Error("Those rows are out of bounds.");
    this.cells.splice(after, 0, ...Array.from({ length: howMany }, () => []));
    if (this.cells.length > this.maxRows + howMany) this.cells.length = this.maxRows + howMany;
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this.maxColumns || howMany < 1)
      throw new Error("Those columns are out of bounds.");
    for (const line of this.cells)
      if (line.length > after) line.splice(after, 0, ...Array<Cell | undefined>(howMany));
    this.maxColumns += howMany;
    return this;
  }
  appendRow(values: unknown[]): this {
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    values.forEach((v, k) => this.enter(row, k + 1, v));
    return this;
  }

  setFrozenRows(rows: number): this {
    this.frozenRows = rows;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  /**
   * Sheet.copyTo(spreadsheet): "Copies the sheet to a given spreadsheet, which can be the same
   * spreadsheet as the source. The copied sheet is named 'Copy of [original name]'."
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)). Values,
   * formulas and formats go along; being hidden or protected is not promised, so the copy is neither.
   */
  copyTo(_destination: FakeSpreadsheet): FakeSheet {
    // The fake holds one spreadsheet: the copy goes into it, uncounted beyond the copyTo itself.
    const view = this.parent.insertSheet(`Copy of ${this.name}`);
    const copy = this.parent.sheets.find((s) => s.view === view)!;
    copy.cells = this.cells.map((line) => line.map((c) => (c ? { ...c } : c)));
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.frozenRows = this.frozenRows;
    return view;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.hidden;
  }
  protect() {
    const protection = new FakeProtection();
    this.protections.push(protection);
    return this.wrap(protection, "Protection");
  }
  setConditionalFormatRules(rules: FakeConditionalRule[]): this {
    this.rules = [...rules];
    return this;
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  newChart() {
    return this.wrap(new FakeChartBuilder(), "EmbeddedChartBuilder");
  }
  insertChart(chart: FakeChart): this {
    this.charts.push(chart);
    return this;
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: FakeChart): this {
    this.charts = this.charts.filter((c) => c !== chart);
    return this;
  }

  /** For tests: the values of rows `from`… as plain arrays, trimmed to the used columns. */
  dump(from = 1): CellValue[][] {
    const last = this.lastRow();
    const width = this.lastColumn();
    if (last < from || width === 0) return [];
    return new FakeRange(this, from, 1, last - from + 1, width).getValues();
  }
  formulaCount(): number {
    return this.cells.reduce((n, line) => n + line.filter((c) => c?.formula).length, 0);
  }
  formatAt(row: number, col: number): string {
    return this.cell(row, col)?.format ?? "";
  }
  fontWeightAt(row: number, col: number): string {
    return this.cell(row, col)?.fontWeight ?? "normal";
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  timeZone = "America/Los_Angeles";
  active?: FakeSheet;
  toasts: { message: string; title?: string }[] = [];

  constructor(private readonly calls: CallLog) {
    this.insertSheet("Sheet1");
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.getName() === name);
  }

  getSheetByName(name: string) {
    return this.sheet(name)?.view ?? null;
  }
  getSheets() {
    return this.sheets.map((s) => s.view);
  }
  getNumSheets() {
    return this.sheets.length;
  }
  insertSheet(name?: string, index?: number) {
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheet(sheetName))
      throw new Error(
        `A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    const sheet = new FakeSheet(sheetName, this.calls, this);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet.view;
  }
  deleteSheet(sheet: FakeSheet): void {
    const i = this.sheets.findIndex((s) => s.view === sheet || s === sheet);
    if (i >= 0) this.sheets.splice(i, 1);
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = this.sheets.find((s) => s.view === sheet || s === sheet);
    return sheet;
  }
  getActiveSheet() {
    return (this.active ?? this.sheets[0]!).view;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  toast(message: string, title?: string): void {
    this.toasts.push({ message, ...(title === undefined ? {} : { title }) });
  }
}

export class FakeSpreadsheetApp {
  readonly spreadsheet: FakeSpreadsheet;
  private readonly view: FakeSpreadsheet;
  flushes = 0;

  constructor(
    private readonly calls: CallLog,
    private readonly ui: FakeUi,
  ) {
    this.spreadsheet = new FakeSpreadsheet(calls);
    this.view = counted(this.spreadsheet, "Spreadsheet", calls);
  }

  getActiveSpreadsheet() {
    return this.view;
  }
  getActive() {
    return this.view;
  }
  getUi() {
    return this.ui.view;
  }
  newConditionalFormatRule() {
    return counted(
      new FakeConditionalFormatRuleBuilder(),
      "ConditionalFormatRuleBuilder",
      this.calls,
    );
  }
  flush(): void {
    this.flushes++;
  }
}
