// The report sheet's narrative section: the unit's yearly assessment, difficulties and proposals
// (QĐ 2256, V.2: "đánh giá kết quả thực hiện …, những khó khăn, vướng mắc cần tháo gỡ và đề xuất,
// kiến nghị"), as layout data, and how its long text reads back.
import type { CellStyle, FieldRef, LayoutCell, ValidationRule } from "./layout-types.js";
import { a1, numberFormats } from "./layout-types.js";
import { formatNumberVi } from "../text/parse-number.js";
import type { NarrativeSection } from "../check/submission-schema.js";
import { NARRATIVE_SECTIONS } from "../check/submission-schema.js";
import type { Template } from "../plan/template-schema.js";
import { NARRATIVE_MAX_CHARS } from "../plan/value-limits.js";

export const narrativeLabels: Record<NarrativeSection, string> = {
  assessment: "1. Đánh giá kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao",
  difficulties: "2. Khó khăn, vướng mắc cần tháo gỡ",
  proposals: "3. Đề xuất, kiến nghị",
};

/** Rows each section's text box spans: room for a few paragraphs without resizing rows. */
export const NARRATIVE_ROWS = 6;
const LABEL_COLUMNS = { first: 1, last: 3 };
const TEXT_COLUMNS = { first: 4, last: 12 };

/** What a section of the layout is written with: buildLayout's own helpers. */
export interface SectionWriter {
  put(
    row: number,
    col: number,
    value: string | number | null,
    style: CellStyle,
    extra?: Partial<LayoutCell>,
  ): void;
  field(
    ref: FieldRef,
    row: number,
    col: number,
    rule: ValidationRule | undefined,
    format: string,
  ): void;
  merges: string[];
}

/**
 * Writes the section below `lastRow` and answers its last row. Each text box is one input cell
 * merged over the columns and rows beside its label, in the text format, so a leading "=" stays
 * text; the cells the merge covers are unlocked too, so the box is input whichever cell a host checks.
 */
export function narrativeSection(w: SectionWriter, lastRow: number, template: Template): number {
  let row = lastRow + 2;
  const number = template.budget ? "IV" : "III";
  w.put(row, 1, `${number}. ĐÁNH GIÁ, KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ`, "section");
  w.merges.push(`A${row}:L${row}`);
  row++;
  w.put(
    row,
    1,
    `Mỗi mục tối đa ${formatNumberVi(NARRATIVE_MAX_CHARS)} ký tự. Xuống dòng trong ô: Alt+Enter. ` +
      "Đơn vị chưa đạt chỉ tiêu nêu rõ khó khăn, vướng mắc.",
    "meta",
  );
  w.merges.push(`A${row}:L${row}`);
  for (const section of NARRATIVE_SECTIONS) {
    row++;
    const last = row + NARRATIVE_ROWS - 1;
    w.put(row, LABEL_COLUMNS.first, narrativeLabels[section], "label");
    w.merges.push(`${a1(row, LABEL_COLUMNS.first)}:${a1(last, LABEL_COLUMNS.last)}`);
    w.field(
      { kind: "narrative", id: "narrative", field: section },
      row,
      TEXT_COLUMNS.first,
      undefined,
      numberFormats.text,
    );
    for (let r = row; r <= last; r++)
      for (let c = TEXT_COLUMNS.first; c <= TEXT_COLUMNS.last; c++)
        if (r !== row || c !== TEXT_COLUMNS.first)
          w.put(r, c, null, "input", { input: true, numberFormat: numberFormats.text });
    w.merges.push(`${a1(row, TEXT_COLUMNS.first)}:${a1(last, TEXT_COLUMNS.last)}`);
    row = last;
  }
  return row;
}

// Control characters other than tab and line feed: Excel cannot store most of them in a file, and
// they show as nothing. Invisible joiners and soft hyphens break accents apart (normalize-text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * A narrative cell's text as the unit wrote it, paragraphs kept: NFC, line breaks as "\n" whatever
 * the host used, control characters dropped, blank lines at either end trimmed.
 */
export function narrativeText(raw: string): string {
  return raw
    .replace(/\r\n?/gu, "\n")
    .replace(CONTROL, "")
    .normalize("NFC")
    .replace(/[ \t]+$/gmu, "")
    .trim();
}
