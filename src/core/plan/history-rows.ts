// The rows of a unit history file (a dated unit list, VietMap's commune list, a succession table) as
// units and successions, each located by file and line: the shells parse CSV, core decides.
import { normalizeText } from "../text/normalize-text.js";
import { Unit } from "./unit-schema.js";
import type { HistoryProblem, Located } from "./unit-history.js";
import { Succession } from "./unit-history.js";

/** A CSV's rows; `lines[i]` is the file line row i starts on (a quoted field may span lines). */
export interface CsvRows {
  file: string;
  rows: readonly (readonly string[])[];
  lines?: readonly number[];
}

export type HistoryFileKind = "units" | "communes" | "successions";

export interface HistoryRows {
  units: Located<Unit>[];
  successions: Located<Succession>[];
  problems: HistoryProblem[];
}

const UNIT_COLUMNS = ["code", "name", "kind", "level"] as const;
const COMMUNE_COLUMNS = ["province", "commune_code", "commune", "type"] as const;
const SUCCESSION_COLUMNS = ["from", "to", "effective", "basis"] as const;

/** The day the commune level of the 2025 reorganisation began (NQ 202/2025/QH15, from 1 July 2025). */
export const COMMUNES_FROM = "2025-07-01";
const communeWords: Record<string, string> = { xa: "xã", phuong: "phường", "dac-khu": "đặc khu" };

/** Which of the three files a header names, or undefined. */
export function historyFileKind(header: readonly string[]): HistoryFileKind | undefined {
  const names = header.map((h) => normalizeText(h).toLowerCase());
  const has = (cols: readonly string[]) => cols.every((c) => names.includes(c));
  if (has(SUCCESSION_COLUMNS)) return "successions";
  if (has(COMMUNE_COLUMNS)) return "communes";
  if (has(UNIT_COLUMNS)) return "units";
  return undefined;
}

/**
 * Reads one file. `province` picks one province's communes out of VietMap's list (its `province`
 * column); communes become units valid from 1 July 2025, coded `X-<commune_code>`.
 */
export function readHistoryRows(csv: CsvRows, options: { province?: string } = {}): HistoryRows {
  const out: HistoryRows = { units: [], successions: [], problems: [] };
  const [header = [], ...body] = csv.rows;
  const kind = historyFileKind(header);
  const lineOf = (i: number) => csv.lines?.[i] ?? i + 1;
  const at = <T>(value: T, i: number): Located<T> => ({ value, file: csv.file, line: lineOf(i) });
  const fail = (i: number, vi: string, en: string) =>
    out.problems.push({ file: csv.file, line: lineOf(i), message: { vi, en } });
  if (!kind) {
    fail(
      0,
      "dòng đầu phải là code,name,kind,level[,validFrom,validTo] hoặc from,to,effective,basis[,duty] hoặc cột của danh sách xã VietMap",
      "the first line must be code,name,kind,level[,validFrom,validTo], from,to,effective,basis[,duty] or VietMap's commune columns",
    );
    return out;
  }
  const names = header.map((h) => normalizeText(h).toLowerCase());
  const provinces = new Set<string>();
  body.forEach((cells, j) => {
    const i = j + 1;
    const get = (c: string) => {
      const k = names.indexOf(c.toLowerCase());
      return k < 0 ? "" : normalizeText(cells[k] ?? "");
    };
    if (cells.every((c) => normalizeText(c) === "")) return;
    const issues = (err: { issues: { path: PropertyKey[]; message: string }[] }) =>
      err.issues.forEach((iss) =>
        fail(
          i,
          `cột ${String(iss.path[0] ?? "")}: ${iss.message}`,
          `column ${String(iss.path[0] ?? "")}: ${iss.message}`,
        ),
      );
    const optional = (c: string) => (get(c) === "" ? undefined : get(c));
    if (kind === "successions") {
      const parsed = Succession.safeParse({
        from: get("from"),
        to: get("to"),
        effective: get("effective"),
        basis: get("basis"),
        duty: optional("duty"),
      });
      if (parsed.success) out.successions.push(at(parsed.data, i));
      else issues(parsed.error);
      return;
    }
    let candidate: Record<string, string | undefined>;
    if (kind === "communes") {
      const province = get("province");
      provinces.add(province);
      if (options.province !== undefined && province !== normalizeText(options.province)) return;
      const type = get("type");
      candidate = {
        code: `X-${get("commune_code")}`,
        name: `UBND ${get("commune").replace(/^(Xã|Phường|Đặc khu) /u, `${communeWords[type] ?? "xã"} `)}`,
        kind: "commune",
        level: "commune",
        validFrom: COMMUNES_FROM,
      };
    } else {
      candidate = {
        code: get("code"),
        name: get("name"),
        kind: get("kind"),
        level: get("level"),
        validFrom: optional("validfrom"),
        validTo: optional("validto"),
      };
    }
    const parsed = Unit.safeParse(candidate);
    if (parsed.success) out.units.push(at(parsed.data, i));
    else issues(parsed.error);
  });
  if (kind === "communes" && options.province === undefined && provinces.size > 1)
    fail(
      0,
      `danh sách có ${provinces.size} tỉnh: chọn một (--province "Thành phố Cần Thơ")`,
      `the list holds ${provinces.size} provinces: pick one (--province "Thành phố Cần Thơ")`,
    );
  if (kind === "communes" && options.province !== undefined && out.units.length === 0)
    fail(0, `không có xã nào của "${options.province}"`, `no commune of "${options.province}"`);
  return out;
}
