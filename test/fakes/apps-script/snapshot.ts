// A fake spreadsheet's state (sheets, sizes, cells with their formats, script properties) as JSON:
// how a tracker an earlier version of Code.js made is kept as a fixture, and put back in a world
// that runs this version, as a consolidator's spreadsheet is when a newer Code.js is installed.
import type { AppsScriptWorld } from "./runtime.js";
import type { Cell, CellValue } from "./spreadsheet.js";

type StoredValue = string | number | boolean | { date: string };

export interface SheetState {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: boolean;
  cells: [row: number, col: number, value: StoredValue, format?: string][];
}

export interface SpreadsheetState {
  made: string;
  sheets: SheetState[];
  properties: Record<string, string>;
}

const stored = (v: CellValue): StoredValue => (v instanceof Date ? { date: v.toISOString() } : v);
const loaded = (v: StoredValue): CellValue => (typeof v === "object" ? new Date(v.date) : v);

export function snapshot(world: AppsScriptWorld, made: string): SpreadsheetState {
  return {
    made,
    sheets: world.spreadsheet.sheets.map((sheet) => ({
      name: sheet.getName(),
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
      frozenRows: sheet.getFrozenRows(),
      hidden: sheet.isSheetHidden(),
      cells: sheet
        .writtenCells()
        .map(([r, c, cell]) =>
          cell.format ? [r, c, stored(cell.value), cell.format] : [r, c, stored(cell.value)],
        ),
    })),
    properties: world.properties.script.getProperties(),
  };
}

/** Replaces the world's spreadsheet and script properties with the snapshot's. */
export function restore(world: AppsScriptWorld, state: SpreadsheetState): void {
  const ss = world.spreadsheet;
  for (const sheet of [...ss.sheets]) ss.deleteSheet(sheet);
  for (const s of state.sheets) {
    ss.insertSheet(s.name);
    const sheet = ss.sheet(s.name)!;
    sheet.maxRows = s.maxRows;
    sheet.maxColumns = s.maxColumns;
    sheet.frozenRows = s.frozenRows;
    sheet.hidden = s.hidden;
    sheet.loadCells(
      s.cells.map(([r, c, value, format]): [number, number, Cell] => [
        r,
        c,
        format ? { value: loaded(value), format } : { value: loaded(value) },
      ]),
    );
  }
  world.properties.script.setProperties(state.properties, true);
}
