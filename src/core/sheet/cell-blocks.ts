// Groups cells that share a property into rectangles, so a shell formats a 10,000-row sheet with a
// few range operations instead of one per cell (each operation costs request bytes in Office.js).
import { a1 } from "./layout-types.js";

export interface CellBlock<K> {
  key: K;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** "A1:C9", or "B2" for a single cell. */
  address: string;
}

export function blocksOf<T extends { row: number; col: number }, K>(
  cells: readonly T[],
  keyOf: (cell: T) => K | undefined,
): CellBlock<K>[] {
  const byRow = new Map<number, { col: number; key: K; id: string }[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === undefined) continue;
    const list = byRow.get(cell.row) ?? [];
    list.push({ col: cell.col, key, id: JSON.stringify(key) });
    byRow.set(cell.row, list);
  }
  // Runs of equal keys along each row, then runs stacked on equal runs of the row above.
  const open = new Map<string, CellBlock<K>>();
  const done: CellBlock<K>[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(row)!.sort((a, b) => a.col - b.col);
    const runs: { left: number; right: number; key: K; id: string }[] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last.id === c.id && last.right === c.col - 1) last.right = c.col;
      else runs.push({ left: c.col, right: c.col, key: c.key, id: c.id });
    }
    const next = new Map<string, CellBlock<K>>();
    for (const run of runs) {
      const signature = `${run.left}:${run.right}:${run.id}`;
      const above = open.get(signature);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(signature, above);
        open.delete(signature);
      } else {
        next.set(signature, {
          key: run.key,
          top: row,
          left: run.left,
          bottom: row,
          right: run.right,
          address: "",
        });
      }
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  done.push(...open.values());
  for (const b of done) {
    const start = a1(b.top, b.left);
    b.address =
      b.top === b.bottom && b.left === b.right ? start : `${start}:${a1(b.bottom, b.right)}`;
  }
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
