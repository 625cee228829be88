// SpreadsheetML (ECMA-376 Part 1, §18) read into what core needs: each cell's value and number
// format within an area. One pass over the XML; a cell outside the area is counted and dropped,
// so the cost is the file's size, never the far address of a cell.
import { SaxesParser } from "saxes";
import type { SaxesTagPlain } from "saxes";
import type { SheetArea } from "../../core/sheet/report-area.js";
import type { RawCellValue } from "../../core/text/parse-number.js";
import { refusals, WorkbookRefusal } from "./refusal.js";

/** Built-in number formats (§18.8.30) that tell a percentage or a date; the rest read as numbers. */
const builtInFormats: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface SheetStats {
  /** <row> and <c> elements met, wherever they are. */
  rows: number;
  cells: number;
  /** Cells within the area. */
  cellsKept: number;
}

export interface SheetCells {
  values: RawCellValue[][];
  formats: (string | null)[][];
  stats: SheetStats;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** An attribute by its local name, whatever prefix the writer gave it (r:id, x:r). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  if (name in tag.attributes) return tag.attributes[name];
  for (const [key, value] of Object.entries(tag.attributes))
    if (localName(key) === name) return value;
  return undefined;
}

interface Handlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Entities are the five XML ones and character references: a DOCTYPE's own are refused. */
export function parseXml(part: string, xml: string, handlers: Handlers): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  parser.on("opentag", (tag) => handlers.open?.(localName(tag.name), tag));
  parser.on("closetag", (tag) => handlers.close?.(localName(tag.name)));
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof WorkbookRefusal) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new WorkbookRefusal("damaged", refusals.damaged(`${part}: ${reason}`));
  }
}

/** Excel writes characters XML cannot hold (a carriage return) as _x000D_; _x005F_ is "_". */
const unescapeExcel = (s: string) =>
  s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/** The text of <si> or <is>: its <t>, or its runs' <t> joined; phonetic runs (<rPh>) left out. */
class RichText {
  private depthInPhonetic = 0;
  private inText = false;
  text = "";
  open(name: string) {
    if (name === "rPh") this.depthInPhonetic++;
    else if (name === "t" && this.depthInPhonetic === 0) this.inText = true;
  }
  close(name: string) {
    if (name === "rPh") this.depthInPhonetic--;
    else if (name === "t") this.inText = false;
  }
  add(text: string) {
    if (this.inText) this.text += text;
  }
}

export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let item: RichText | undefined;
  parseXml("sharedStrings", xml, {
    open: (name) => (name === "si" ? (item = new RichText()) : item?.open(name)),
    close: (name) => {
      if (name !== "si") return item?.close(name);
      strings.push(unescapeExcel(item?.text ?? ""));
      item = undefined;
    },
    text: (text) => item?.add(text),
  });
  return strings;
}

/** Each cell style's number format code, by its index in <cellXfs>; null for General. */
export function readStyleFormats(xml: string): (string | null)[] {
  const custom = new Map<number, string>();
  const formats: (string | null)[] = [];
  let inCellXfs = false;
  parseXml("styles", xml, {
    open: (name, tag) => {
      if (name === "numFmt") {
        const id = Number(attribute(tag, "numFmtId"));
        custom.set(id, attribute(tag, "formatCode") ?? "");
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attribute(tag, "numFmtId") ?? 0);
        formats.push(id === 0 ? null : (custom.get(id) ?? builtInFormats[id] ?? null));
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** A format shows a date when, outside quotes and brackets, it has a date or time letter. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhsb]/iu.test(format.replace(/\[[^\]]*\]/gu, "").replace(/"[^"]*"/gu, ""));
}

const DAY_MS = 86_400_000;
// Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer.
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

/** "XFD1048576" → [1048576, 16384]; undefined when it is not a cell reference. */
function cellRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  const row = Number(ref.slice(i));
  return col > 0 && i > 0 && Number.isInteger(row) && row > 0 ? [row, col] : undefined;
}

export interface SheetContext {
  area: SheetArea;
  strings: readonly string[];
  styleFormats: readonly (string | null)[];
  date1904: boolean;
}

/** The sheet's cells within the area, as a grid no larger than the cells found there. */
export function readSheetCells(xml: string, ctx: SheetContext): SheetCells {
  const { area } = ctx;
  const stats: SheetStats = { rows: 0, cells: 0, cellsKept: 0 };
  const values = new Map<number, Map<number, RawCellValue>>();
  const formats = new Map<number, Map<number, string | null>>();
  const merges: string[] = [];
  let extent = { rows: 0, columns: 0 };
  let row = 0;
  let col = 0;
  let cell: { type: string; style: number; kept: boolean } | undefined;
  let value: string | undefined;
  let inValue = false;
  /** The <is> of an inline string, while inside it. */
  let inline: RichText | undefined;
  let inInline = false;

  const valueOf = (): RawCellValue => {
    const { type, style } = cell!;
    if (type === "inlineStr") return unescapeExcel(inline?.text ?? "");
    if (value === undefined) return null;
    switch (type) {
      case "s":
        return ctx.strings[Number(value)] ?? null;
      case "str":
        return unescapeExcel(value);
      case "b":
        return value === "1" || value === "true";
      case "e":
        return value;
      case "d": {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
    }
    if (value.trim() === "") return null;
    const n = Number(value);
    if (Number.isNaN(n)) return value;
    if (!isDateFormat(ctx.styleFormats[style] ?? null)) return n;
    const days = n - UNIX_EPOCH_SERIAL + (ctx.date1904 ? DATE_1904_OFFSET : 0);
    return new Date(Math.round(days * DAY_MS));
  };

  parseXml("sheet", xml, {
    open: (name, tag) => {
      if (inInline) return inline!.open(name);
      if (name === "row") {
        stats.rows++;
        row = Number(attribute(tag, "r") ?? row + 1);
        col = 0;
      } else if (name === "c") {
        stats.cells++;
        const at = cellRef(attribute(tag, "r") ?? "");
        [row, col] = at ?? [row, col + 1];
        const kept = row >= 1 && row <= area.rows && col >= 1 && col <= area.columns;
        cell = { type: attribute(tag, "t") ?? "n", style: Number(attribute(tag, "s") ?? 0), kept };
        value = undefined;
      } else if (name === "v" && cell) {
        inValue = true;
        value = "";
      } else if (name === "is" && cell) {
        inline = new RichText();
        inInline = true;
      } else if (name === "mergeCell") merges.push(attribute(tag, "ref") ?? "");
    },
    close: (name) => {
      if (inInline) {
        if (name === "is") inInline = false;
        else inline!.close(name);
        return;
      }
      if (name === "v") inValue = false;
      else if (name === "c" && cell) {
        if (cell.kept) {
          stats.cellsKept++;
          if (!values.has(row)) values.set(row, new Map());
          if (!formats.has(row)) formats.set(row, new Map());
          values.get(row)!.set(col, valueOf());
          formats.get(row)!.set(col, ctx.styleFormats[cell.style] ?? null);
          extent = { rows: Math.max(extent.rows, row), columns: Math.max(extent.columns, col) };
        }
        cell = undefined;
        inline = undefined;
      }
    },
    text: (text) => {
      if (inInline) inline!.add(text);
      else if (inValue) value += text;
    },
  });

  // A merged range shows its first cell's value only, as Excel does, whatever the others hold.
  for (const ref of merges) {
    const [from, to] = ref.split(":").map((r) => cellRef(r));
    if (!from || !to) continue;
    for (let r = from[0]; r <= Math.min(to[0], area.rows); r++)
      for (let c = from[1]; c <= Math.min(to[1], area.columns); c++)
        if (r !== from[0] || c !== from[1]) values.get(r)?.set(c, null);
  }

  const grid = <T>(cells: Map<number, Map<number, T>>) =>
    Array.from({ length: extent.rows }, (_, r) =>
      Array.from({ length: extent.columns }, (_, c) => cells.get(r + 1)?.get(c + 1) ?? null),
    );
  return { values: grid(values), formats: grid(formats), stats };
}
