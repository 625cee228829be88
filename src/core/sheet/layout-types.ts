// The vocabulary of a report sheet's layout: its types, styles, formats, fixed header cells and the
// words its cells use. layout.ts builds a layout from these; shells render them.
import type { LayoutVersion } from "./layout-version.js";
import type { NarrativeSection } from "../check/submission-schema.js";
import type { Level } from "../plan/template-schema.js";
import type { Unit, UnitKind } from "../plan/unit-schema.js";

export const REPORT_SHEET = "Báo cáo";
/**
 * Sheet protection guards against accidental edits of the fixed cells, not against a person: the
 * password is public, so a shell can lift and restore protection around its own writes.
 */
export const PROTECTION_PASSWORD = "chitieu";
export const COLUMN_COUNT = 12;

export type CellStyle =
  "title" | "label" | "meta" | "section" | "header" | "readonly" | "input" | "computed";

/** Colours and fonts per style, so the add-in, the .xlsx and Google Sheets look alike. */
export const cellStyles: Record<
  CellStyle,
  { bold?: boolean; italic?: boolean; fill?: string; font?: string; wrap?: boolean; size?: number }
> = {
  title: { bold: true, size: 14 },
  label: { bold: true, wrap: true },
  meta: { font: "#595959", wrap: true },
  section: { bold: true, fill: "#D9E1F2" },
  header: { bold: true, fill: "#1F4E78", font: "#FFFFFF", wrap: true },
  readonly: { wrap: true },
  input: { fill: "#FFF2CC", wrap: true },
  computed: { italic: true, fill: "#F2F2F2" },
};

export const numberFormats = {
  text: "@",
  decimal: "General",
  whole: "#,##0",
  date: "dd/mm/yyyy",
} as const;

export type ValidationRule =
  | { type: "decimal"; min: number; max: number }
  | { type: "whole"; min: number; max: number }
  | { type: "list"; values: string[] }
  | { type: "date" };

export interface LayoutCell {
  row: number; // 1-based
  col: number; // 1-based
  value: string | number | null;
  /** Only formulas chitieu writes itself; free text is never one. */
  formula?: string;
  style: CellStyle;
  numberFormat?: string;
  /** Unlocked for the officer; every other cell is protected. */
  input?: boolean;
  validation?: ValidationRule;
  /** Part of the label checksum: fixed text an officer must not change. */
  fixed?: boolean;
}

export type FieldRef =
  | {
      kind: "indicator";
      id: string;
      field: "numerator" | "denominator" | "value" | "evidence" | "note";
    }
  | { kind: "task"; id: string; field: "status" | "completedOn" | "note" }
  | { kind: "budget"; id: string; field: "allocated" | "disbursed" | "note" }
  | { kind: "narrative"; id: "narrative"; field: NarrativeSection };

export interface FieldCell {
  ref: FieldRef;
  row: number;
  col: number;
  address: string;
}

export interface ConditionalFormat {
  /** A1 range, e.g. "J9:J40". */
  range: string;
  equals: string;
  fill: string;
  font: string;
}

export interface SheetLayout {
  sheetName: string;
  rowCount: number;
  columnCount: number;
  columnWidths: number[];
  freeze: { rows: number; columns: number };
  merges: string[];
  cells: LayoutCell[];
  fields: FieldCell[];
  conditionalFormats: ConditionalFormat[];
  meta: {
    templateId: string;
    templateVersion: number;
    unit: Unit;
    period: string;
    /** Which layout this is (sheet/layout-version.ts): a reader knows old sheets by it. */
    layoutVersion: LayoutVersion;
    checksum: string;
    /** Where the header values sit, so a reader finds them before it knows the rest. */
    checksumCell: string;
  };
  /** The row of each indicator, task and budget line, for status write-back and highlighting. */
  rows: {
    indicators: Record<string, number>;
    tasks: Record<string, number>;
    budget: Record<string, number>;
  };
}

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Header cells at fixed places: a reader finds template, unit and period here first. */
export const headerCells = {
  templateId: { row: 5, col: 2 },
  templateVersion: { row: 5, col: 6 },
  checksum: { row: 5, col: 8 },
  unitName: { row: 3, col: 2 },
  unitCode: { row: 3, col: 6 },
  unitLevel: { row: 3, col: 8 },
  unitKind: { row: 3, col: 10 },
  period: { row: 4, col: 2 },
  /** Where a shell writes the last check's summary; not part of the checksum. */
  checkResult: { row: 4, col: 8 },
} as const;

export const levelNames: Record<Level, string> = {
  province: "Cấp tỉnh",
  district: "Cấp huyện",
  commune: "Cấp xã",
};
export const unitKindNames: Record<UnitKind, string> = {
  department: "Sở, ban, ngành",
  agency: "Cơ quan",
  district: "Quận, huyện",
  commune: "Xã, phường, thị trấn",
};
export const taskStateNames = {
  "not-started": "Chưa thực hiện",
  "in-progress": "Đang thực hiện",
  done: "Hoàn thành",
} as const;
export const YES = "Có";
export const NO = "Không";
export const STATUS_MET = "Đạt";
export const STATUS_NOT_MET = "Chưa đạt";
