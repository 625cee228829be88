// The state of an in-memory Excel workbook: sheets of cells with values, formats and protection,
// and the officer at the keyboard. The Office.js fake (office-fake.ts) reads and changes it only
// when a batch is synced; a person's typing goes through enterText, as Excel's does.
import type { Locale } from "./cell-entry.js";
import { enterText, typedNumber } from "./cell-entry.js";

export interface CellState {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  fill?: string;
  font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
  wrap?: boolean;
  locked: boolean;
  validation?: { rule: unknown; errorAlert?: unknown };
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  merges: string[];
  protected: boolean;
  protectionOptions?: unknown;
  freezeAt?: string;
  columnWidths: Map<number, number>;
  conditionalFormats: { address: string; rule: unknown; fill?: string; font?: string }[];
  tables: Map<string, { address: string; rows: unknown[][] }>;
  /** Sheet-scoped defined names → the range they refer to on this sheet. */
  names: Map<string, string>;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const key = (row: number, col: number) => `${row},${col}`;

export function colNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MAX_ROWS = 1_048_576;

/** "A1", "A1:L60", "A:A", "3:3" (optionally "Sheet!A1") → a rectangle, 1-based. */
export function parseAddress(address: string): Rect {
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = plain.replace(/\$/gu, "").split(":") as [string, string?];
  const point = (p: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/iu.exec(p);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    const col = m[1] ? colNumber(m[1]) : end ? 16_384 : 1;
    const row = m[2] ? Number(m[2]) : end ? MAX_ROWS : 1;
    return { row, col };
  };
  const a = point(from, false);
  const b = point(to, true);
  if (/^\d+$/u.test(to) && /^[A-Z]+/iu.test(from) === false) b.col = 16_384;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function addressOf(r: Rect): string {
  const start = `${colLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right
    ? start
    : `${start}:${colLetters(r.right)}${r.bottom}`;
}

export function newSheet(name: string): SheetState {
  return {
    name,
    cells: new Map(),
    merges: [],
    protected: false,
    columnWidths: new Map(),
    conditionalFormats: [],
    tables: new Map(),
    names: new Map(),
  };
}

/** A cell the officer is typing into and has not left yet (Enter, Tab or a click elsewhere). */
export interface CellEdit {
  sheet: string;
  address: string;
  text: string;
  ended: Promise<void>;
  end: () => void;
}

export class WorkbookModel {
  sheets: SheetState[] = [newSheet("Sheet1")];
  active = "Sheet1";
  selection?: { sheet: string; address: string };
  /** Windows' regional settings: how typed numbers and dates are read. */
  locale: Locale = "vi-VN";
  editing?: CellEdit;

  constructor(options: { locale?: Locale } = {}) {
    this.locale = options.locale ?? this.locale;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  cell(sheet: SheetState, row: number, col: number): CellState {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = { value: null, numberFormat: "General", font: {}, locked: true };
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  peek(sheet: SheetState, row: number, col: number): CellState | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** The bounding box of cells holding a value (or a formula). */
  usedRect(sheet: SheetState): Rect | undefined {
    let rect: Rect | undefined;
    for (const [k, c] of sheet.cells) {
      if (c.value === null && c.formula === undefined) continue;
      const [row, col] = k.split(",").map(Number) as [number, number];
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, col),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }

  /** What a person sees in a cell, as a test reads it. */
  valueAt(sheetName: string, address: string): CellState["value"] {
    const sheet = this.sheet(sheetName);
    const r = parseAddress(address);
    return sheet ? (this.peek(sheet, r.top, r.left)?.value ?? null) : null;
  }

  /** Adds an empty sheet at the end, as the "+" beside the sheet tabs does. */
  addSheet(name: string): void {
    if (this.sheet(name)) throw new Error(`a sheet ${name} exists`);
    this.sheets.push(newSheet(name));
  }

  /** Clicks a sheet's tab. */
  activate(name: string): void {
    if (!this.sheet(name)) throw new Error(`no sheet ${name}`);
    this.active = name;
  }

  /** Deletes a sheet-scoped name in the Name Manager. */
  deleteName(sheetName: string, name: string): void {
    if (!this.sheet(sheetName)?.names.delete(name)) throw new Error(`no name ${name}`);
  }

  /**
   * Types into a cell and presses Enter, as a person would: protection applies, and the text is read
   * as Excel reads it (a number is typed as the locale writes it). No batch, no sync.
   */
  type(sheetName: string, address: string, input: string | number | null): void {
    this.beginTyping(sheetName, address, input);
    this.pressEnter();
  }

  /** Starts typing into a cell without leaving it: Excel is in cell edit mode until pressEnter. */
  beginTyping(sheetName: string, address: string, input: string | number | null): void {
    if (this.editing) throw new Error(`already editing ${this.editing.address}`);
    this.target(sheetName, address);
    const text =
      input === null ? "" : typeof input === "number" ? typedNumber(input, this.locale) : input;
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { sheet: sheetName, address, text, ended, end };
  }

  /** Leaves cell edit mode, committing what was typed; batches held by delayForCellEdit go on. */
  pressEnter(): void {
    const edit = this.editing;
    if (!edit) throw new Error("not editing a cell");
    this.editing = undefined;
    const cell = this.target(edit.sheet, edit.address);
    const entry = enterText(edit.text, cell.numberFormat, this.locale);
    cell.value = entry.value;
    cell.formula = entry.formula;
    if (entry.numberFormat) cell.numberFormat = entry.numberFormat;
    edit.end();
  }

  private target(sheetName: string, address: string): CellState {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const r = parseAddress(address);
    const cell = this.cell(sheet, r.top, r.left);
    if (sheet.protected && cell.locked) throw new Error(`${address} is locked`);
    return cell;
  }
}
