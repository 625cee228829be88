// Reads a unit list from CSV (code,name,kind,level) or the JSON of seeds/units, with located errors.
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { normalizeText } from "../../core/text/normalize-text.js";
import { parseUnitListText } from "../../core/plan/template-load.js";
import { Unit } from "../../core/plan/unit-schema.js";
import type { Result } from "../../core/text/result.js";
import { err, ok } from "../../core/text/result.js";

/** The units, or every problem found, each naming its file and line. */
export type UnitFileResult = Result<Unit[], string[]>;

export function readUnitFile(file: string): UnitFileResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/u, "");
  } catch (thrown) {
    return err([`${file}: không đọc được / cannot read: ${(thrown as Error).message}`]);
  }
  if (file.endsWith(".json")) {
    const r = parseUnitListText(text, basename(file));
    return r.ok ? ok(r.value.units) : err(r.error.map((p) => `${p.file} ${p.path}: ${p.message}`));
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  } catch (thrown) {
    return err([`${file}: CSV không hợp lệ / invalid CSV: ${(thrown as Error).message}`]);
  }
  const units: Unit[] = [];
  const problems: string[] = [];
  records.forEach((record, i) => {
    const parsed = Unit.safeParse({
      code: normalizeText(record.code ?? ""),
      name: normalizeText(record.name ?? ""),
      kind: normalizeText(record.kind ?? ""),
      level: normalizeText(record.level ?? ""),
    });
    // Line i + 2: the header is line 1.
    if (parsed.success) units.push(parsed.data);
    else
      problems.push(
        ...parsed.error.issues.map(
          (iss) =>
            `${basename(file)} dòng/line ${i + 2}, cột/column ${String(iss.path[0])}: ${iss.message}`,
        ),
      );
  });
  const codes = new Set<string>();
  for (const u of units) {
    if (codes.has(u.code))
      problems.push(`${basename(file)}: mã đơn vị trùng / duplicate unit code ${u.code}`);
    codes.add(u.code);
  }
  return problems.length ? err(problems) : ok(units);
}
