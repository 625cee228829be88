// A report sheet while its sections are being laid out: each section puts its cells, input fields
// and merges here, and buildLayout turns the whole into a SheetLayout.
import type {
  CellStyle,
  ConditionalFormat,
  FieldCell,
  FieldRef,
  LayoutCell,
  SheetLayout,
  ValidationRule,
} from "./layout-types.js";
import { a1, numberFormats } from "./layout-types.js";

/** A column of a section's table: the key its cells are placed by, and the header that labels it. */
export interface LayoutColumn<K extends string = string> {
  key: K;
  header: string;
}

export class LayoutDraft {
  readonly cells: LayoutCell[] = [];
  readonly fields: FieldCell[] = [];
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly rows: SheetLayout["rows"] = { indicators: {}, tasks: {}, budget: {} };
  /** The rows above the first scrolling row: the header block and the indicators' header row. */
  freezeRows = 0;

  put(
    row: number,
    col: number,
    value: string | number | null,
    style: CellStyle,
    extra: Partial<LayoutCell> = {},
  ): void {
    const fixed = !extra.input && style !== "computed";
    const text = typeof value === "string";
    this.cells.push({
      row,
      col,
      value,
      style,
      fixed,
      ...(text && fixed ? { numberFormat: numberFormats.text } : {}),
      ...extra,
    });
  }

  /** An input cell the officer fills, and where a reader finds it again. */
  field(ref: FieldRef, row: number, col: number, rule: ValidationRule | undefined, format: string) {
    this.put(row, col, null, "input", {
      input: true,
      numberFormat: format,
      ...(rule ? { validation: rule } : {}),
    });
    this.fields.push({ ref, row, col, address: a1(row, col) });
  }

  /** A section's title across the sheet's width. */
  section(row: number, title: string, lastColumn: string): void {
    this.put(row, 1, title, "section");
    this.merges.push(`A${row}:${lastColumn}${row}`);
  }

  /** A table's header row, from its column table. */
  headers(row: number, columns: readonly LayoutColumn[]): void {
    columns.forEach((c, i) => this.put(row, i + 1, c.header, "header"));
  }
}

/** The 1-based sheet column of each key of a column table. */
export function columnsOf<K extends string>(
  columns: readonly LayoutColumn<K>[],
): Record<K, number> {
  return Object.fromEntries(columns.map((c, i) => [c.key, i + 1])) as Record<K, number>;
}
