// Upserting a tracker tab into what a sheet already holds: rows matched by key and updated in place,
// new ones appended, none removed — one rule for every writer (Sheets API push, Apps Script).
import type { TabCellValue, TrackerTab } from "./tracker-tab-layout.js";
import { rowKeyOf } from "./tracker-tabs.js";

/** A rectangle of cells to write, 0-based; null is an empty cell. */
export interface ValueBlock {
  row: number;
  col: number;
  values: TabCellValue[][];
}

export interface TabUpsert {
  name: string;
  /** The sheet held no header: the whole tab is written, header first. */
  fresh: boolean;
  /** Where each of the tab's columns sits in the sheet, 0-based, parallel to `tab.columns`. */
  positions: number[];
  /** Labels the sheet's header lacked, appended after everything the sheet holds. */
  newColumns: string[];
  added: number;
  updated: number;
  unchanged: number;
  /** Keyed rows the sheet has and the tab lacks: left as they are. */
  kept: number;
  /** Rows and header cells to write, top to bottom; empty when nothing changed. */
  writes: ValueBlock[];
}

/** A cell as text: a sheet hands back 30001 for "30001" and "" for an empty cell. */
export function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

const labelText = (v: unknown) => cellText(v).normalize("NFC").trim();

/**
 * Columns are matched by header label, so a sheet whose owner moved columns or added their own
 * keeps them; a tab column the sheet lacks (a unit that joined) is appended on the right.
 */
function placeColumns(header: readonly string[], sheetHeader: readonly unknown[], width: number) {
  const free = new Map<string, number[]>();
  sheetHeader.forEach((h, i) => {
    const text = labelText(h);
    if (text) free.set(text, [...(free.get(text) ?? []), i]);
  });
  const newColumns: string[] = [];
  let next = width;
  const positions = header.map((h) => {
    const at = free.get(labelText(h))?.shift();
    if (at !== undefined) return at;
    newColumns.push(h);
    return next++;
  });
  return { positions, newColumns };
}

/** The tab's columns grouped into runs of adjacent sheet columns, each written as one block. */
function runsOf(positions: readonly number[]): { col: number; columns: number[] }[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const runs: { col: number; columns: number[] }[] = [];
  for (const { p, i } of order) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.columns.length === p) last.columns.push(i);
    else runs.push({ col: p, columns: [i] });
  }
  return runs;
}

export function planTabUpsert(
  tab: TrackerTab,
  existing: readonly (readonly unknown[])[],
): TabUpsert {
  const sheetHeader = existing[0] ?? [];
  const fresh = !sheetHeader.some((h) => labelText(h) !== "");
  // Columns past the header may still hold someone's data; new columns go after all of it.
  const width = existing.reduce((w, row) => Math.max(w, row.length), 0);
  // A header with no label (fresh) places nothing: blank labels are never matched.
  const { positions, newColumns } = placeColumns(tab.header, sheetHeader, width);
  const keyIndexes = tab.keyColumns.map((k) => tab.columns.indexOf(k));

  const rowByKey = new Map<string, number>();
  let keyed = 0;
  for (let r = 1; r < existing.length; r++) {
    const row = existing[r]!;
    // Keys are compared as text: a sheet hands back 30001 for "30001", a Date for a date cell.
    const inTabOrder = positions.map((p) => cellText(row[p]));
    if (keyIndexes.every((i) => !inTabOrder[i])) continue;
    keyed++;
    const key = rowKeyOf(tab, inTabOrder);
    if (!rowByKey.has(key)) rowByKey.set(key, r);
  }

  const lines = new Map<number, readonly TabCellValue[]>();
  if (fresh) lines.set(0, tab.header);
  let appendAt = Math.max(existing.length, 1);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const matched = new Set<number>();
  for (const row of tab.rows) {
    const at = rowByKey.get(rowKeyOf(tab, row));
    if (at === undefined || matched.has(at)) {
      lines.set(appendAt++, row);
      added++;
      continue;
    }
    matched.add(at);
    const have = existing[at]!;
    if (row.every((v, i) => cellText(v) === cellText(have[positions[i]!]))) {
      unchanged++;
    } else {
      lines.set(at, row);
      updated++;
    }
  }

  const writes: ValueBlock[] = [];
  if (!fresh && newColumns.length) {
    writes.push({ row: 0, col: width, values: [newColumns] });
  }
  const rows = [...lines.keys()].sort((a, b) => a - b);
  for (const run of runsOf(positions)) {
    let block: ValueBlock | undefined;
    for (const r of rows) {
      const line = lines.get(r)!;
      const values = run.columns.map((i) => line[i] ?? null);
      if (block && block.row + block.values.length === r) block.values.push(values);
      else writes.push((block = { row: r, col: run.col, values: [values] }));
    }
  }
  // Runs are in column order and the sort is stable, so a row's blocks stay left to right.
  writes.sort((a, b) => a.row - b.row);

  return {
    name: tab.name,
    fresh,
    positions,
    newColumns,
    added,
    updated,
    unchanged,
    kept: keyed - matched.size,
    writes,
  };
}
