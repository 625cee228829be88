// Which layout a report sheet was made with: every version is recognised by its fixed cells and
// checksum, newest first, so an old sheet reads as it was made, never as edited.
import { describe, expect, it } from "vitest";
import type { SheetLayout } from "../../../src/core/sheet/layout-types.js";
import {
  LAYOUT_VERSION,
  recogniseLayout,
  type LayoutVersion,
} from "../../../src/core/sheet/layout-version.js";

/** A layout of fixed cells only, enough for the recogniser: it reads `cells` and `meta.checksum`. */
function layoutOf(version: LayoutVersion, cells: [number, number, string][]): SheetLayout {
  return {
    cells: cells.map(([row, col, value]) => ({ row, col, value, fixed: true })),
    meta: { checksum: `sum-v${version}` },
  } as unknown as SheetLayout;
}
const v1 = layoutOf(1, [
  [1, 1, "BÁO CÁO"],
  [2, 1, "Chỉ tiêu"],
]);
const v2 = layoutOf(2, [
  [1, 1, "BÁO CÁO"],
  [2, 1, "Chỉ tiêu"],
  [9, 1, "Thuyết minh"],
]);
const build = (version: LayoutVersion) => (version === 2 ? v2 : v1);
const sheetOf =
  (cells: Record<string, string>) =>
  (row: number, col: number): string =>
    cells[`${row},${col}`] ?? "";
const same = (value: unknown) => String(value);

describe("recogniseLayout", () => {
  it("the newest version is 2", () => {
    expect(LAYOUT_VERSION).toBe(2);
  });

  it("recognises a sheet made with the newest layout", () => {
    const sheet = sheetOf({ "1,1": "BÁO CÁO", "2,1": "Chỉ tiêu", "9,1": "Thuyết minh" });
    expect(recogniseLayout(build, sheet, "sum-v2", same)).toEqual({ ok: true, value: v2 });
  });

  it("recognises a sheet made with version 1 as version 1, not as an edited version 2", () => {
    const sheet = sheetOf({ "1,1": "BÁO CÁO", "2,1": "Chỉ tiêu" });
    expect(recogniseLayout(build, sheet, "sum-v1", same)).toEqual({ ok: true, value: v1 });
  });

  it("a sheet whose fixed cells match but whose checksum is no version's matches none", () => {
    const sheet = sheetOf({ "1,1": "BÁO CÁO", "2,1": "Chỉ tiêu", "9,1": "Thuyết minh" });
    expect(recogniseLayout(build, sheet, "sum-v9", same)).toEqual({
      ok: false,
      error: { edited: undefined },
    });
  });

  it("names the newest layout's first fixed cell that was edited", () => {
    const sheet = sheetOf({ "1,1": "BÁO CÁO", "2,1": "Chỉ tiêu (đã sửa)", "9,1": "Thuyết minh" });
    const match = recogniseLayout(build, sheet, "sum-v2", same);
    expect(match.ok).toBe(false);
    expect(match.ok ? undefined : match.error.edited).toMatchObject({ row: 2, col: 1 });
  });

  it("compares cells through the canonical reading it is given", () => {
    const sheet = sheetOf({ "1,1": "báo cáo", "2,1": "chỉ tiêu", "9,1": "thuyết minh" });
    const lower = (value: unknown) => String(value).toLocaleLowerCase("vi");
    expect(recogniseLayout(build, sheet, "sum-v2", lower)).toEqual({ ok: true, value: v2 });
  });
});
