// The cell formats the loopback Sheets API takes (batchUpdate's repeatCell): checked as strictly as
// the API reference describes, kept in the order applied, and read back cell by cell.

export interface Rgb {
  red?: number;
  green?: number;
  blue?: number;
  alpha?: number;
}
export interface ColorStyle {
  rgbColor: Rgb;
}
export interface CellFormat {
  backgroundColorStyle?: ColorStyle;
  textFormat?: { bold?: boolean; foregroundColorStyle?: ColorStyle };
  numberFormat?: { type: string; pattern?: string };
}

interface Grid {
  sheetId: number;
  rowCount: number;
  columnCount: number;
}

interface Applied {
  sheetId: number;
  rows: [number, number];
  cols: [number, number];
  fields: readonly FieldPath[];
  format: CellFormat;
}

type Json = Record<string, unknown>;

// The fields chitieu sets; a mask naming any other is refused, as a field the fake does not model.
const FIELD_PATHS = [
  "userEnteredFormat.backgroundColorStyle",
  "userEnteredFormat.textFormat.bold",
  "userEnteredFormat.textFormat.foregroundColorStyle",
  "userEnteredFormat.numberFormat",
] as const;
type FieldPath = (typeof FIELD_PATHS)[number];

// NumberFormatType in the API reference; NUMBER_FORMAT_TYPE_UNSPECIFIED is not a format to write.
const NUMBER_FORMAT_TYPES = new Set([
  "TEXT",
  "NUMBER",
  "PERCENT",
  "CURRENCY",
  "DATE",
  "TIME",
  "DATE_TIME",
  "SCIENTIFIC",
]);

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function onlyKeys(v: Json, allowed: readonly string[], where: string, fail: (m: string) => Error) {
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length) throw fail(`${where}: ${extra.join(", ")} is not faked`);
}

function checkColorStyle(v: unknown, where: string, fail: (m: string) => Error) {
  if (!isObject(v) || !isObject(v.rgbColor)) throw fail(`${where}: rgbColor required`);
  onlyKeys(v, ["rgbColor"], where, fail);
  onlyKeys(v.rgbColor, ["red", "green", "blue", "alpha"], `${where}.rgbColor`, fail);
  for (const [k, n] of Object.entries(v.rgbColor)) {
    if (typeof n !== "number" || n < 0 || n > 1)
      throw fail(`${where}.rgbColor.${k}: a number from 0 to 1`);
  }
}

function checkFormat(v: unknown, where: string, fail: (m: string) => Error): CellFormat {
  if (!isObject(v)) throw fail(`${where}: userEnteredFormat required`);
  onlyKeys(v, ["backgroundColorStyle", "textFormat", "numberFormat"], where, fail);
  if (v.backgroundColorStyle !== undefined)
    checkColorStyle(v.backgroundColorStyle, `${where}.backgroundColorStyle`, fail);
  if (v.textFormat !== undefined) {
    if (!isObject(v.textFormat)) throw fail(`${where}.textFormat: an object`);
    onlyKeys(v.textFormat, ["bold", "foregroundColorStyle"], `${where}.textFormat`, fail);
    if (v.textFormat.bold !== undefined && typeof v.textFormat.bold !== "boolean")
      throw fail(`${where}.textFormat.bold: a boolean`);
    if (v.textFormat.foregroundColorStyle !== undefined)
      checkColorStyle(
        v.textFormat.foregroundColorStyle,
        `${where}.textFormat.foregroundColorStyle`,
        fail,
      );
  }
  if (v.numberFormat !== undefined) {
    const n = v.numberFormat;
    if (!isObject(n)) throw fail(`${where}.numberFormat: an object`);
    onlyKeys(n, ["type", "pattern"], `${where}.numberFormat`, fail);
    // "The type of the number format. When writing, this field must be set."
    if (typeof n.type !== "string" || !NUMBER_FORMAT_TYPES.has(n.type))
      throw fail(`${where}.numberFormat.type: must be set to a NumberFormatType`);
    if (n.pattern !== undefined && typeof n.pattern !== "string")
      throw fail(`${where}.numberFormat.pattern: a string`);
  }
  return v as CellFormat;
}

function span(
  start: unknown,
  end: unknown,
  size: number,
  where: string,
  fail: (m: string) => Error,
): [number, number] {
  const from = start ?? 0;
  const to = end ?? size;
  const ok = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (!ok(from) || !ok(to) || from > to || to > size)
    throw fail(`${where}: the range exceeds grid limits (${size})`);
  return [from, to];
}

export class CellFormats {
  private readonly applied: Applied[] = [];

  get size(): number {
    return this.applied.length;
  }
  /** Back to `size` entries: a batch that fails is applied not at all. */
  truncate(size: number): void {
    this.applied.length = size;
  }

  /** One repeatCell request, checked whole before anything is kept. */
  repeatCell(
    request: unknown,
    where: string,
    gridOf: (sheetId: number) => Grid | undefined,
    fail: (m: string) => Error,
  ): void {
    if (!isObject(request)) throw fail(`${where}: an object`);
    onlyKeys(request, ["range", "cell", "fields"], where, fail);
    const range = request.range;
    if (!isObject(range)) throw fail(`${where}.range: required`);
    onlyKeys(
      range,
      ["sheetId", "startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"],
      `${where}.range`,
      fail,
    );
    const grid = typeof range.sheetId === "number" ? gridOf(range.sheetId) : undefined;
    if (!grid) throw fail(`${where}: No grid with id: ${String(range.sheetId)}`);
    const rows = span(
      range.startRowIndex,
      range.endRowIndex,
      grid.rowCount,
      `${where}.range`,
      fail,
    );
    const cols = span(
      range.startColumnIndex,
      range.endColumnIndex,
      grid.columnCount,
      `${where}.range`,
      fail,
    );
    if (typeof request.fields !== "string" || request.fields.trim() === "")
      throw fail(`${where}: At least one field must be specified`);
    const fields = request.fields.split(",").map((f) => f.trim());
    const unknown = fields.filter((f) => !(FIELD_PATHS as readonly string[]).includes(f));
    if (unknown.length) throw fail(`${where}.fields: ${unknown.join(", ")} is not faked`);
    const cell = request.cell;
    if (!isObject(cell)) throw fail(`${where}.cell: required`);
    onlyKeys(cell, ["userEnteredFormat"], `${where}.cell`, fail);
    const format = checkFormat(cell.userEnteredFormat, `${where}.cell.userEnteredFormat`, fail);
    this.applied.push({ sheetId: grid.sheetId, rows, cols, fields: fields as FieldPath[], format });
  }

  /** A cell's format (0-based row and column): each field as the last request that named it left it. */
  at(sheetId: number, row: number, col: number): CellFormat {
    const out: CellFormat = {};
    for (const a of this.applied) {
      const inside =
        a.sheetId === sheetId &&
        row >= a.rows[0] &&
        row < a.rows[1] &&
        col >= a.cols[0] &&
        col < a.cols[1];
      if (!inside) continue;
      for (const field of a.fields) {
        // A field named in the mask but absent from the cell is cleared, as the API's masks do.
        if (field === "userEnteredFormat.backgroundColorStyle")
          out.backgroundColorStyle = a.format.backgroundColorStyle;
        else if (field === "userEnteredFormat.numberFormat")
          out.numberFormat = a.format.numberFormat;
        else if (field === "userEnteredFormat.textFormat.bold")
          out.textFormat = { ...out.textFormat, bold: a.format.textFormat?.bold };
        else
          out.textFormat = {
            ...out.textFormat,
            foregroundColorStyle: a.format.textFormat?.foregroundColorStyle,
          };
      }
    }
    return out;
  }
}
