// An in-memory SpreadsheetApp: spreadsheets, sheets and ranges that behave like Google Sheets where
// chitieu depends on it (HOST-BEHAVIOUR.md lists each behaviour and its source): setValues parses
// strings as typing does except in plain-text ("@") cells and is refused whole when its grid is
// ragged or a cell is too long; a spreadsheet holds 10 million cells, a sheet 18,278 columns, a cell
// 50,000 characters; a new sheet is 1000 × 26; a range past the sheet's edge or of zero rows is
// refused; and a test can make the N-th value write fail.
import type { CallLog } from "./calls.js";
import { counted } from "./calls.js";
import { checkCellValue, displayOf, isDate, typed, type CellValue } from "./typing.js";
import type { FakeUi } from "./ui.js";
import { FakeRangeList, FakeTextFinder } from "./range-tools.js";
import {
  FakeChartBuilder,
  FakeConditionalFormatRuleBuilder,
  FakeProtection,
  type FakeChart,
  type FakeConditionalRule,
} from "./sheet-objects.js";

export {
  FakeChartBuilder,
  FakeConditionalFormatRuleBuilder,
  FakeProtection,
  type FakeChart,
  type FakeConditionalRule,
} from "./sheet-objects.js";

export { CELL_LIMIT, type CellValue } from "./typing.js";

export interface Cell {
  value: CellValue;
  formula?: string;
  format?: string;
  fontWeight?: string;
  background?: string;
  fontColor?: string;
}

export const SPREADSHEET_CELL_LIMIT = 10_000_000;
export const COLUMN_LIMIT = 18_278;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  each<T>(f: (r: number, c: number) => T): T[][] {
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

  /** Checked whole before a cell changes: Sheets refuses the call, it does not write half of it. */
  setValues(values: unknown): this {
    if (!Array.isArray(values) || values.length !== this.numRows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    values.forEach((row: unknown) => {
      if (!Array.isArray(row) || row.length !== this.numColumns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numColumns}.`,
        );
      row.forEach(checkCellValue);
    });
    this.sheet.valueWrite();
    (values as unknown[][]).forEach((row, i) =>
      row.forEach((v, k) => this.sheet.enter(this.row + i, this.column + k, v)),
    );
    return this;
  }
  setValue(v: unknown): this {
    checkCellValue(v);
    this.sheet.valueWrite();
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
  setFontColor(colour: string): this {
    this.each((r, c) => (this.sheet.touch(r, c).fontColor = colour));
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

  /** A value as setValues puts it in a cell; checkCellValue has passed it. */
  enter(row: number, col: number, v: unknown): void {
    const cell = this.touch(row, col);
    delete cell.formula;
    if (v === null || v === undefined || v === "") {
      cell.value = "";
    } else if (typeof v === "number" || typeof v === "boolean") {
      cell.value = v;
    } else if (isDate(v)) {
      cell.value = new Date(v.getTime());
    } else {
      // Half of a surrogate pair is not text to Sheets: it keeps a replacement character instead.
      const text = String(v).replace(LONE_SURROGATE, "\uFFFD");
      if (cell.format === "@") {
        cell.value = text;
      } else {
        const entered = typed(text);
        cell.value = entered.value;
        if (entered.formula) cell.formula = entered.formula;
      }
    }
  }

  /** Every value write (setValues, setValue, appendRow) passes here first: it may be made to fail. */
  valueWrite(): void {
    this.parent.valueWrite();
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
    this.parent.makeRoom(howMany * this.maxColumns);
    // Rows below the last one written need no storage; between written ones, a gap (millions
    // of rows must not go through a spread argument list).
    if (after < this.cells.length)
      this.cells = this.cells
        .slice(0, after)
        .concat(new Array<(Cell | undefined)[]>(howMany), this.cells.slice(after));
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this.maxColumns || howMany < 1)
      throw new Error("Those columns are out of bounds.");
    if (this.maxColumns + howMany > COLUMN_LIMIT)
      throw new Error(
        `This action would increase the number of columns in the sheet above the limit of ${COLUMN_LIMIT}.`,
      );
    this.parent.makeRoom(howMany * this.maxRows);
    for (const line of this.cells)
      if (line.length > after) line.splice(after, 0, ...Array<Cell | undefined>(howMany));
    this.maxColumns += howMany;
    return this;
  }
  /** Sheets keeps at least one row below the frozen ones, and at least one column. */
  deleteRows(position: number, howMany: number): void {
    if (position < 1 || howMany < 1 || position + howMany - 1 > this.maxRows)
      throw new Error("Those rows are out of bounds.");
    if (this.maxRows - howMany <= this.frozenRows)
      throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    this.cells.splice(position - 1, howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(position: number, howMany: number): void {
    if (position < 1 || howMany < 1 || position + howMany - 1 > this.maxColumns)
      throw new Error("Those columns are out of bounds.");
    if (this.maxColumns - howMany < 1)
      throw new Error("Sorry, it is not possible to delete all non-frozen columns.");
    for (const line of this.cells) line.splice(position - 1, howMany);
    this.maxColumns -= howMany;
  }
  appendRow(values: unknown[]): this {
    values.forEach(checkCellValue);
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.parent.makeRoom(this.maxColumns);
    if (values.length > this.maxColumns)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    this.valueWrite();
    if (row > this.maxRows) this.maxRows = row;
    values.forEach((v, k) => this.enter(row, k + 1, v));
    return this;
  }
  /** Cells this sheet counts against the spreadsheet's limit: every row by every column. */
  /** The cells that hold something, with their place: for a snapshot of the sheet. */
  writtenCells(): [row: number, col: number, cell: Cell][] {
    const out: [number, number, Cell][] = [];
    this.cells.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (cell && (cell.value !== "" || cell.format)) out.push([r + 1, c + 1, { ...cell }]);
      }),
    );
    return out;
  }
  /** Puts a snapshot's cells back as they were, without Sheets' parsing: they were parsed then. */
  loadCells(cells: readonly [row: number, col: number, cell: Cell][]): void {
    this.cells = [];
    for (const [r, c, cell] of cells) Object.assign(this.touch(r, c), cell);
  }
  cellCount(): number {
    return this.maxRows * this.maxColumns;
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
  /** A cell never coloured is white on black, as `getBackground`/`getFontColorObject` answer. */
  backgroundAt(row: number, col: number): string {
    return this.cell(row, col)?.background ?? "#ffffff";
  }
  fontColorAt(row: number, col: number): string {
    return this.cell(row, col)?.fontColor ?? "#000000";
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  timeZone = "America/Los_Angeles";
  active?: FakeSheet;
  toasts: { message: string; title?: string }[] = [];
  /** Value writes until one fails: set by failWrite, counted down by every setValues/setValue. */
  private writesUntilFailure?: number;

  constructor(private readonly calls: CallLog) {
    this.insertSheet("Sheet1");
  }

  /** Every row by every column of every sheet, blank or not: what Google counts. */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.cellCount(), 0);
  }

  /** Refuses growth past the 10-million-cell limit, before anything changes. */
  makeRoom(cells: number): void {
    if (this.cellCount() + cells > SPREADSHEET_CELL_LIMIT)
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${SPREADSHEET_CELL_LIMIT} cells.`,
      );
  }

  /** The `nth` value write from now (1 = the next one) fails and writes nothing. */
  failWrite(nth: number): void {
    this.writesUntilFailure = nth;
  }

  valueWrite(): void {
    if (this.writesUntilFailure === undefined) return;
    this.writesUntilFailure--;
    if (this.writesUntilFailure > 0) return;
    this.writesUntilFailure = undefined;
    throw new Error("Service Spreadsheets failed while accessing document with id 1FakeTracker.");
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
    this.makeRoom(DEFAULT_ROWS * DEFAULT_COLUMNS);
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
