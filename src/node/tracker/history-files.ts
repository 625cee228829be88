// Reads the files `chitieu units import` takes (dated unit lists, VietMap's commune list, succession
// tables, or a seeds/units JSON) and checks them with what the tracker holds, by file and line.
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { HistoryProblem, Located, Succession } from "../../core/plan/unit-history.js";
import { formatHistoryProblem } from "../../core/plan/unit-history.js";
import { checkHistory } from "../../core/plan/history-check.js";
import { readHistoryRows } from "../../core/plan/history-rows.js";
import type { Unit } from "../../core/plan/unit-schema.js";
import type { Result } from "../../core/text/result.js";
import { err, ok } from "../../core/text/result.js";
import { readUnitFile } from "./unit-file.js";

/** What can be imported, or every problem found (then nothing is). */
export type HistoryImport = Result<{ units: Unit[]; successions: Succession[] }, string[]>;

function readCsvFile(file: string): { rows: string[][]; lines: number[] } | string {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/u, "");
  } catch (err) {
    return `${file}: không đọc được / cannot read: ${(err as Error).message}`;
  }
  try {
    const records = parse(text, { info: true, relax_column_count: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    // csv-parse counts the line a record ends on; a record spanning lines starts earlier.
    return {
      rows: records.map((r) => r.record),
      lines: records.map((r) => r.info.lines - (r.record.join(",").split("\n").length - 1)),
    };
  } catch (err) {
    return `${basename(file)}: CSV không hợp lệ / invalid CSV: ${(err as Error).message}`;
  }
}

/**
 * Every file read and the whole checked together with the tracker's own units and successions:
 * either all of it can be imported, or nothing is, with every problem located.
 */
export function readHistoryFiles(
  files: readonly string[],
  held: { units: readonly Unit[]; successions: readonly Succession[] },
  options: { province?: string } = {},
): HistoryImport {
  const units: Located<Unit>[] = [];
  const successions: Located<Succession>[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (file.endsWith(".json")) {
      const r = readUnitFile(file);
      if (!r.ok) problems.push(...r.error);
      else units.push(...r.value.map((value, i) => ({ value, file: basename(file), line: i + 1 })));
      continue;
    }
    const csv = readCsvFile(file);
    if (typeof csv === "string") {
      problems.push(csv);
      continue;
    }
    const rows = readHistoryRows({ file: basename(file), ...csv }, options);
    units.push(...rows.units);
    successions.push(...rows.successions);
    problems.push(...rows.problems.map(formatHistoryProblem));
  }
  if (problems.length) return err(problems);
  // What the tracker holds stands where the files do not say otherwise.
  const incoming = new Set(units.map((u) => u.value.code));
  const kept: Located<Unit>[] = held.units
    .filter((u) => !incoming.has(u.code))
    .map((value, i) => ({ value, file: "tracker", line: i + 1 }));
  const pairs = new Set(successions.map((s) => `${s.value.from}\u0000${s.value.to}`));
  const keptSuccessions: Located<Succession>[] = held.successions
    .filter((s) => !pairs.has(`${s.from}\u0000${s.to}`))
    .map((value, i) => ({ value, file: "tracker", line: i + 1 }));
  const found: HistoryProblem[] = checkHistory(
    [...units, ...kept],
    [...successions, ...keptSuccessions],
  );
  if (found.length) return err(found.map(formatHistoryProblem));
  return ok({
    units: units.map((u) => u.value),
    successions: successions.map((s) => s.value),
  });
}
