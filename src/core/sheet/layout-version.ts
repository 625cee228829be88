// Which layout a report sheet was made with. Sheets already sent to units outlive a release, so a
// reader recognises every version by its fixed cells and checksum, newest first: an old sheet
// reads as it was made, never as edited.
import type { SheetLayout } from "./layout-types.js";
import type { Result } from "../text/result.js";
import { err, ok } from "../text/result.js";

/** 1: header, indicators, tasks, budget. 2: and the unit's narrative (issue 14). */
export type LayoutVersion = 1 | 2;
export const LAYOUT_VERSION: LayoutVersion = 2;
const NEWEST_FIRST: readonly LayoutVersion[] = [2, 1];

/** When no version matches: the first fixed cell of the newest layout that differs, if one does. */
export type LayoutMatch = Result<SheetLayout, { edited: { row: number; col: number } | undefined }>;

/**
 * The layout whose fixed cells all read back as the sheet holds them and whose checksum is the
 * sheet's. `textAt` reads a cell as `canonicalLabel` would write it.
 */
export function recogniseLayout(
  build: (version: LayoutVersion) => SheetLayout,
  textAt: (row: number, col: number) => string,
  checksum: string,
  canonical: (value: unknown) => string,
): LayoutMatch {
  let newest: { row: number; col: number } | undefined;
  for (const version of NEWEST_FIRST) {
    const layout = build(version);
    const edited = layout.cells.find((c) => c.fixed && canonical(c.value) !== textAt(c.row, c.col));
    if (!edited && checksum === layout.meta.checksum) return ok(layout);
    if (version === LAYOUT_VERSION) newest = edited;
  }
  return err({ edited: newest });
}
