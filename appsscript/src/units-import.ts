// Importing the unit list (code,name,kind,level) from the "Đơn vị (nhập)" sheet or pasted CSV: each
// row checked with core's Unit schema, errors located by cell, the valid list merged into "_units".
import { a1 } from "../../src/core/sheet/layout-types.js";
import { normalizeText } from "../../src/core/text/normalize-text.js";
import { Unit } from "../../src/core/plan/unit-schema.js";
import { parseCsv } from "./csv.js";
import { list, page, paragraph, showDialog } from "./dialogs.js";
import { BUSY, withScriptLock } from "./lock.js";
import {
  activeSpreadsheet,
  allColumns,
  ensureSheet,
  IMPORT_SHEET,
  readBodyAsShown,
  UNIT_COLUMNS,
  writeWhole,
} from "./sheets.js";
import { registryRows, unitsSheet } from "./sheet-store.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Where = (row: number, column: number) => string;

export interface UnitReading {
  units: Unit[];
  problems: string[];
}

/** The first row names the columns, in any order; every later non-blank row is a unit. */
export function unitsFromGrid(grid: readonly (readonly string[])[], where: Where): UnitReading {
  const [header = [], ...body] = grid;
  const names = header.map((h) => normalizeText(h).toLowerCase());
  const columnOf = new Map(UNIT_COLUMNS.map((c) => [c, names.indexOf(c)] as const));
  const missing = UNIT_COLUMNS.filter((c) => columnOf.get(c)! < 0);
  if (missing.length > 0) {
    return {
      units: [],
      problems: [
        `${where(1, 1)}: dòng đầu phải có các cột ${UNIT_COLUMNS.join(",")}; thiếu ${missing.join(", ")} / the first row must name the columns; missing ${missing.join(", ")}`,
      ],
    };
  }
  const units: Unit[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    const value = (c: (typeof UNIT_COLUMNS)[number]) =>
      normalizeText(cells[columnOf.get(c)!] ?? "");
    if (UNIT_COLUMNS.every((c) => value(c) === "")) return;
    const parsed = Unit.safeParse({
      code: value("code"),
      name: value("name"),
      kind: value("kind"),
      level: value("level"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "code") as (typeof UNIT_COLUMNS)[number];
        problems.push(`${where(rowNumber, (columnOf.get(key) ?? 0) + 1)}: ${issue.message}`);
      }
      return;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined) {
      problems.push(
        `${where(rowNumber, columnOf.get("code")! + 1)}: mã đơn vị trùng với dòng ${first} / duplicate unit code (row ${first}): ${parsed.data.code}`,
      );
      return;
    }
    seen.set(parsed.data.code, rowNumber);
    units.push(parsed.data);
  });
  if (units.length === 0 && problems.length === 0)
    problems.push(`${where(2, 1)}: chưa có đơn vị nào / no units`);
  return { units, problems };
}

/** New codes are added after the known ones; known codes take the new name, kind and level. */
function mergeIntoRegistry(
  ss: Spreadsheet,
  units: readonly Unit[],
): { added: number; updated: number } {
  const rows = registryRows(ss);
  const incoming = new Map(units.map((u) => [u.code, u]));
  let updated = 0;
  const merged = rows.map((row) => {
    const next = incoming.get(row[0] ?? "");
    if (!next) return row;
    incoming.delete(next.code);
    updated++;
    return [next.code, next.name, next.kind, next.level];
  });
  const added = [...incoming.values()].map((u) => [u.code, u.name, u.kind, u.level]);
  writeWhole(
    unitsSheet(ss),
    [[...UNIT_COLUMNS], ...merged, ...added],
    allColumns(UNIT_COLUMNS.length),
  );
  return { added: added.length, updated };
}

export interface ImportResult {
  ok: boolean;
  message: string;
  problems: string[];
}

function importReading(ss: Spreadsheet, reading: UnitReading): ImportResult {
  if (reading.problems.length > 0) {
    return {
      ok: false,
      message: `Chưa nhập: ${reading.problems.length} lỗi cần sửa / nothing imported: ${reading.problems.length} problems to fix`,
      problems: reading.problems,
    };
  }
  const merged = withScriptLock(() => mergeIntoRegistry(ss, reading.units));
  if (!merged) return { ok: false, message: BUSY, problems: [] };
  return {
    ok: true,
    message: `Đã nhập ${reading.units.length} đơn vị: ${merged.added} mới, ${merged.updated} cập nhật / imported ${reading.units.length} units: ${merged.added} new, ${merged.updated} updated`,
    problems: [],
  };
}

function report(result: ImportResult): void {
  if (result.problems.length === 0) {
    SpreadsheetApp.getUi().alert(result.message);
    return;
  }
  showDialog("Nhập đơn vị / Import units", [paragraph(result.message), list(result.problems)]);
}

export function importUnitsFromSheet(): void {
  const ss = activeSpreadsheet();
  const sheet = ss.getSheetByName(IMPORT_SHEET);
  if (!sheet) {
    const created = ensureSheet(ss, IMPORT_SHEET, UNIT_COLUMNS, { keepGrid: true });
    // Plain text, so that a code typed as 001 or 30001 stays the code it was.
    created.getRange(1, 1, created.getMaxRows(), UNIT_COLUMNS.length).setNumberFormat("@");
    SpreadsheetApp.getUi().alert(
      `Đã tạo trang "${IMPORT_SHEET}": điền mỗi dòng một đơn vị (code, name, kind, level) rồi chọn lại mục này. / Created the sheet: one unit per row, then choose this item again.`,
    );
    return;
  }
  const grid = readBodyAsShown(sheet);
  report(
    importReading(
      ss,
      unitsFromGrid(grid, (row, col) => `${IMPORT_SHEET}!${a1(row, col)}`),
    ),
  );
}

/** Called from the CSV dialog (google.script.run): the dialog shows what it answers. */
export function importUnitsCsv(text: unknown): ImportResult {
  const csv = parseCsv(typeof text === "string" ? text : "");
  if (!csv.ok) {
    return {
      ok: false,
      message: "CSV không hợp lệ / invalid CSV",
      problems: [`CSV dòng/line ${csv.line}: ${csv.reason}`],
    };
  }
  const header = csv.rows[0] ?? [];
  const where: Where = (row, col) =>
    `CSV dòng/line ${row}, cột/column ${col}${header[col - 1] ? ` (${header[col - 1]!.trim()})` : ""}`;
  return importReading(activeSpreadsheet(), unitsFromGrid(csv.rows, where));
}

const CSV_SCRIPT = `<script>
function send() {
  var out = document.getElementById('out');
  out.textContent = 'Đang nhập… / importing…';
  google.script.run
    .withSuccessHandler(function (r) {
      out.textContent = '';
      var p = document.createElement('p');
      p.textContent = r.message;
      out.appendChild(p);
      var ul = document.createElement('ul');
      r.problems.forEach(function (x) { var li = document.createElement('li'); li.textContent = x; ul.appendChild(li); });
      out.appendChild(ul);
    })
    .withFailureHandler(function (e) { out.textContent = String(e && e.message || e); })
    .importUnitsCsv(document.getElementById('csv').value);
}
</script>`;

export function showImportUnitsCsvDialog(): void {
  const form = {
    html:
      '<textarea id="csv" rows="14" style="width:100%;font-family:monospace" placeholder="code,name,kind,level"></textarea>' +
      '<p><button onclick="send()">Nhập / Import</button></p><div id="out"></div>',
  };
  const output = HtmlService.createHtmlOutput(
    page(
      [
        paragraph(
          "Dán danh sách đơn vị dạng CSV, dòng đầu: code,name,kind,level (kind: department, district, commune, agency; level: province, district, commune). / Paste the unit list as CSV.",
        ),
        form,
      ],
      CSV_SCRIPT,
    ),
  )
    .setWidth(760)
    .setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(output, "Nhập đơn vị từ CSV / Import units from CSV");
}
