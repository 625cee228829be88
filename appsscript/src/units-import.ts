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
  REGISTRY_COLUMNS,
  SUCCESSION_COLUMNS,
  SUCCESSIONS_SHEET,
  UNIT_COLUMNS,
  UNITS_SHEET,
  writeWhole,
} from "./sheets.js";
import {
  registryRows,
  successionRows,
  successionsSheet,
  unitHistoryOf,
  unitsSheet,
} from "./sheet-store.js";
import { checkHistory } from "../../src/core/plan/history-check.js";
import { historyFileKind, readHistoryRows } from "../../src/core/plan/history-rows.js";
import type { Succession } from "../../src/core/plan/unit-history.js";
import { formatHistoryProblem } from "../../src/core/plan/unit-history.js";

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

const registryRow = (u: Unit) => [
  u.code,
  u.name,
  u.kind,
  u.level,
  u.validFrom ?? "",
  u.validTo ?? "",
];

/**
 * New codes are added after the known ones; known codes take the new name, kind, level and
 * validity. The registry is written whole with its six columns, so a sheet set up before units had
 * validity gains the two columns here, its rows kept as they were (open validity).
 */
function mergeIntoRegistry(
  ss: Spreadsheet,
  units: readonly Unit[],
  successions: readonly Succession[] = [],
): { added: number; updated: number } {
  const rows = registryRows(ss).map((r) =>
    [...r, ...Array<string>(REGISTRY_COLUMNS.length).fill("")].slice(0, REGISTRY_COLUMNS.length),
  );
  const incoming = new Map(units.map((u) => [u.code, u]));
  let updated = 0;
  const merged = rows.map((row) => {
    const next = incoming.get(row[0] ?? "");
    if (!next) return row;
    incoming.delete(next.code);
    updated++;
    return registryRow(next);
  });
  const added = [...incoming.values()].map(registryRow);
  writeWhole(
    unitsSheet(ss),
    [[...REGISTRY_COLUMNS], ...merged, ...added],
    allColumns(REGISTRY_COLUMNS.length),
  );
  if (successions.length > 0) {
    const pairs = new Set(successions.map((s) => `${s.from}\u0000${s.to}`));
    const kept = successionRows(ss).filter((s) => !pairs.has(`${s.from}\u0000${s.to}`));
    writeWhole(
      successionsSheet(ss),
      [
        [...SUCCESSION_COLUMNS],
        ...[...kept, ...successions].map((s) => [s.from, s.to, s.effective, s.basis, s.duty ?? ""]),
      ],
      allColumns(SUCCESSION_COLUMNS.length),
    );
  }
  return { added: added.length, updated };
}

/**
 * A dated unit list, VietMap's commune list or a succession table (plan/history-rows.ts), checked
 * with what the spreadsheet holds: all of it is imported, or nothing.
 */
function importHistory(
  ss: Spreadsheet,
  rows: string[][],
  file: string,
  province: string | undefined,
): ImportResult {
  const read = readHistoryRows({ file, rows }, province ? { province } : {});
  const problems = read.problems.map(formatHistoryProblem);
  if (problems.length === 0) {
    const held = unitHistoryOf(ss);
    const incoming = new Set(read.units.map((u) => u.value.code));
    const pairs = new Set(read.successions.map((s) => `${s.value.from}\u0000${s.value.to}`));
    const keptUnits = held.units
      .filter((u) => !incoming.has(u.code))
      .map((value, i) => ({ value, file: UNITS_SHEET, line: i + 2 }));
    const keptSuccessions = held.successions
      .filter((s) => !pairs.has(`${s.from}\u0000${s.to}`))
      .map((value, i) => ({ value, file: SUCCESSIONS_SHEET, line: i + 2 }));
    problems.push(
      ...checkHistory([...read.units, ...keptUnits], [...read.successions, ...keptSuccessions]).map(
        formatHistoryProblem,
      ),
    );
  }
  if (problems.length > 0)
    return {
      ok: false,
      message: `Chưa nhập: ${problems.length} lỗi cần sửa / nothing imported: ${problems.length} problems to fix`,
      problems,
    };
  const units = read.units.map((u) => u.value);
  const successions = read.successions.map((s) => s.value);
  const merged = withScriptLock(() => mergeIntoRegistry(ss, units, successions));
  if (!merged) return { ok: false, message: BUSY, problems: [] };
  return {
    ok: true,
    message: `Đã nhập ${units.length} đơn vị (${merged.added} mới, ${merged.updated} cập nhật), ${successions.length} dòng kế nhiệm / imported ${units.length} units (${merged.added} new, ${merged.updated} updated), ${successions.length} successions`,
    problems: [],
  };
}

/** A plain code,name,kind,level list keeps its cell-by-cell messages; a dated one goes to core's reader. */
function isHistoryFile(header: readonly string[]): boolean {
  const kind = historyFileKind(header);
  const names = header.map((h) => normalizeText(h).toLowerCase());
  return (
    kind === "successions" ||
    kind === "communes" ||
    names.includes("validfrom") ||
    names.includes("validto")
  );
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
  if (isHistoryFile(grid[0] ?? [])) {
    report(importHistory(ss, grid, IMPORT_SHEET, undefined));
    return;
  }
  report(
    importReading(
      ss,
      unitsFromGrid(grid, (row, col) => `${IMPORT_SHEET}!${a1(row, col)}`),
    ),
  );
}

/** Called from the CSV dialog (google.script.run): the dialog shows what it answers. */
export function importUnitsCsv(text: unknown, province?: unknown): ImportResult {
  const csv = parseCsv(typeof text === "string" ? text : "");
  if (!csv.ok) {
    return {
      ok: false,
      message: "CSV không hợp lệ / invalid CSV",
      problems: [`CSV dòng/line ${csv.line}: ${csv.reason}`],
    };
  }
  const header = csv.rows[0] ?? [];
  if (isHistoryFile(header)) {
    const chosen = typeof province === "string" && province.trim() !== "" ? province : undefined;
    return importHistory(activeSpreadsheet(), csv.rows, "CSV", chosen);
  }
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
    .importUnitsCsv(document.getElementById('csv').value, document.getElementById('province').value);
}
</script>`;

export function showImportUnitsCsvDialog(): void {
  const form = {
    html:
      '<textarea id="csv" rows="14" style="width:100%;font-family:monospace" placeholder="code,name,kind,level"></textarea>' +
      '<p><label>Tỉnh (với danh sách xã VietMap) / province (for VietMap\'s commune list): <input id="province" placeholder="Thành phố Cần Thơ"></label></p>' +
      '<p><button onclick="send()">Nhập / Import</button></p><div id="out"></div>',
  };
  const output = HtmlService.createHtmlOutput(
    page(
      [
        paragraph(
          "Dán danh sách đơn vị dạng CSV, dòng đầu: code,name,kind,level[,validFrom,validTo] (kind: department, district, commune, agency; level: province, district, commune); hoặc danh sách xã của VietMap (communes.csv); hoặc bảng kế nhiệm from,to,effective,basis[,duty]. / Paste the unit list, VietMap's commune list or a succession table as CSV.",
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
