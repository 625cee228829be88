// The vocabulary of a report sheet: column letters and A1 addresses, the fixed header cells, and
// the words its cells use.
import { describe, expect, it } from "vitest";
import {
  a1,
  cellStyles,
  columnLetter,
  COLUMN_COUNT,
  headerCells,
  levelNames,
  NO,
  taskStateNames,
  unitKindNames,
  YES,
} from "../../../src/core/sheet/layout-types.js";

describe("columnLetter and a1", () => {
  it.each([
    [1, "A"],
    [12, "L"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [18_278, "ZZZ"],
  ])("column %i is %s", (col, letter) => {
    expect(columnLetter(col)).toBe(letter);
  });

  it("an address is the column's letters then the row", () => {
    expect(a1(5, 2)).toBe("B5");
    expect(a1(1048576, 28)).toBe("AB1048576");
  });
});

describe("the sheet's fixed cells", () => {
  it("every header cell lies within the sheet's twelve columns and its first five rows, none twice", () => {
    const cells = Object.values(headerCells);
    for (const c of cells) {
      expect(c.col).toBeGreaterThanOrEqual(1);
      expect(c.col).toBeLessThanOrEqual(COLUMN_COUNT);
      expect(c.row).toBeLessThanOrEqual(5);
    }
    expect(new Set(cells.map((c) => a1(c.row, c.col))).size).toBe(cells.length);
  });

  it("input cells are the yellow ones officers fill", () => {
    expect(cellStyles.input.fill).toBe("#FFF2CC");
  });
});

describe("the words cells use", () => {
  it("names levels, unit kinds, task states and yes/no in Vietnamese, NFC", () => {
    expect(levelNames).toEqual({ province: "Cấp tỉnh", district: "Cấp huyện", commune: "Cấp xã" });
    expect(unitKindNames.commune).toBe("Xã, phường, thị trấn");
    expect(taskStateNames).toEqual({
      "not-started": "Chưa thực hiện",
      "in-progress": "Đang thực hiện",
      done: "Hoàn thành",
    });
    expect([YES, NO]).toEqual(["Có", "Không"]);
    const words = [
      ...Object.values(levelNames),
      ...Object.values(unitKindNames),
      ...Object.values(taskStateNames),
      YES,
      NO,
    ];
    for (const w of words) expect(w).toBe(w.normalize("NFC"));
  });
});
