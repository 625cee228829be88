// Upserting a tab into what a sheet holds: rows matched by key, changed rows rewritten in place, new
// ones appended, nothing removed; columns found by their header label wherever the owner put them.
import { describe, expect, it } from "vitest";
import { cellText, planTabUpsert } from "../../../src/core/tracker/sheet-upsert.js";
import type { TabCellValue, TrackerTab } from "../../../src/core/tracker/tracker-tab-layout.js";

const tab = (rows: TabCellValue[][], extra: Partial<TrackerTab> = {}): TrackerTab => ({
  key: "units",
  name: "Đơn vị",
  header: ["Mã", "Tên", "Số"],
  columns: ["code", "name", "count"],
  keyColumns: ["code"],
  rows,
  ...extra,
});
const HEADER = ["Mã", "Tên", "Số"];
const rows: TabCellValue[][] = [
  ["30001", "Xã Một", 1],
  ["30002", "Xã Hai", 2],
  ["30003", "Xã Ba", 3],
];

describe("planTabUpsert into an empty sheet", () => {
  it.each([
    ["no cells", []],
    ["an empty first row", [[]]],
  ])("with %s writes the whole tab, header first, in one block", (_, existing) => {
    const plan = planTabUpsert(tab(rows), existing);
    expect(plan).toEqual({
      name: "Đơn vị",
      fresh: true,
      positions: [0, 1, 2],
      newColumns: HEADER,
      added: 3,
      updated: 0,
      unchanged: 0,
      kept: 0,
      writes: [{ row: 0, col: 0, values: [HEADER, ...rows] }],
    });
  });
});

describe("planTabUpsert into a sheet whose first row has no label", () => {
  it("takes a first row of blank cells for no header: the whole tab, header first, right of them", () => {
    // A1 holds a space someone typed: nothing the sheet holds is overwritten, so the tab starts at B.
    const plan = planTabUpsert(tab(rows), [[" "]]);
    expect(plan).toMatchObject({ fresh: true, positions: [1, 2, 3], added: 3, kept: 0 });
    expect(plan.writes).toEqual([
      {
        row: 0,
        col: 1,
        values: [
          ["Mã", "Tên", "Số"],
          ["30001", "Xã Một", 1],
          ["30002", "Xã Hai", 2],
          ["30003", "Xã Ba", 3],
        ],
      },
    ]);
  });
});

describe("planTabUpsert into a sheet that holds the tab", () => {
  const sheet = () => [HEADER, ...rows.map((r) => [...r])];

  it("writes nothing when every cell is as the tab has it, numbers read back for text included", () => {
    const held = sheet();
    held[1]![0] = 30001;
    held[2]![2] = "2";
    const plan = planTabUpsert(tab(rows), held);
    expect(plan).toMatchObject({ fresh: false, added: 0, updated: 0, unchanged: 3, kept: 0 });
    expect(plan.writes).toEqual([]);
    expect(plan.newColumns).toEqual([]);
  });

  it("rewrites a changed row in place, and merges changed neighbours into one block", () => {
    const changed = rows.map((r) => [...r]);
    changed[0]![2] = 10;
    changed[1]![1] = "Xã Hai Mới";
    const plan = planTabUpsert(tab(changed), sheet());
    expect(plan).toMatchObject({ added: 0, updated: 2, unchanged: 1 });
    expect(plan.writes).toEqual([{ row: 1, col: 0, values: [changed[0], changed[1]] }]);
  });

  it("writes rows that are not neighbours as blocks of their own, top to bottom", () => {
    const changed = rows.map((r) => [...r]);
    changed[0]![2] = 10;
    changed[2]![2] = 30;
    const plan = planTabUpsert(tab(changed), sheet());
    expect(plan.writes).toEqual([
      { row: 1, col: 0, values: [changed[0]] },
      { row: 3, col: 0, values: [changed[2]] },
    ]);
  });

  it("appends a new row after everything the sheet holds, and keeps rows the tab no longer has", () => {
    const plan = planTabUpsert(tab([rows[0]!, ["30004", "Xã Bốn", 4]]), [
      ...sheet(),
      ["", "ghi chú của người dùng", ""],
    ]);
    expect(plan).toMatchObject({ added: 1, updated: 0, unchanged: 1, kept: 2 });
    expect(plan.writes).toEqual([{ row: 5, col: 0, values: [["30004", "Xã Bốn", 4]] }]);
  });

  it("writes changed rows the tab lists in another order than the sheet as one block, in sheet order", () => {
    const plan = planTabUpsert(
      tab([
        ["30002", "Xã Hai", 20],
        ["30001", "Xã Một", 10],
      ]),
      sheet(),
    );
    expect(plan).toMatchObject({ updated: 2, added: 0 });
    expect(plan.writes).toEqual([
      {
        row: 1,
        col: 0,
        values: [
          ["30001", "Xã Một", 10],
          ["30002", "Xã Hai", 20],
        ],
      },
    ]);
  });

  it("counts a row with part of its key as one it keeps, and skips blank rows and notes", () => {
    const byPeriod = tab([["2025", "30001", "Xã Một", 1]], {
      header: ["Kỳ", ...HEADER],
      columns: ["period", "code", "name", "count"],
      keyColumns: ["period", "code"],
    });
    const held = [
      ["Kỳ", ...HEADER],
      ["2025", "30001", "Xã Một", 1],
      // The owner cleared the period: still a unit's row, not the tab's 2025 one.
      ["", "30002", "Xã Hai", 2],
      // The Sheets API hands back an empty row between rows as [].
      [],
      ["", "", "ghi chú của người dùng"],
    ];
    const plan = planTabUpsert(byPeriod, held);
    expect(plan).toMatchObject({ added: 0, updated: 0, unchanged: 1, kept: 1, writes: [] });
  });

  it("appends a key the tab repeats rather than write both rows over one", () => {
    const plan = planTabUpsert(tab([rows[0]!, ["30001", "Xã Một (bản sao)", 9]]), sheet());
    expect(plan).toMatchObject({ added: 1, unchanged: 1 });
    expect(plan.writes).toEqual([{ row: 4, col: 0, values: [["30001", "Xã Một (bản sao)", 9]] }]);
  });

  it("matches sheet rows by the first of a repeated key", () => {
    const held = [...sheet(), ["30001", "Xã Một", 1]];
    const plan = planTabUpsert(tab([["30001", "Xã Một", 5]]), held);
    expect(plan).toMatchObject({ updated: 1, kept: 3 });
    expect(plan.writes).toEqual([{ row: 1, col: 0, values: [["30001", "Xã Một", 5]] }]);
  });

  it("reads a key cell the sheet hands back as an object (a Date from Apps Script) as its text", () => {
    const when = new Date("2025-12-05T03:00:00Z");
    const dated = tab([[String(when), "x", 1]]);
    const plan = planTabUpsert(dated, [HEADER, [when, "x", 1]]);
    expect(plan).toMatchObject({ unchanged: 1, added: 0 });
  });
});

describe("planTabUpsert with columns the owner moved or added", () => {
  it("finds each column by its label and writes runs of adjacent columns as blocks", () => {
    // The owner moved "Số" first and put a column of their own between.
    const held = [
      ["Số", "Ghi chú riêng", "Mã", "Tên"],
      [1, "của tôi", "30001", "Xã Một"],
    ];
    const plan = planTabUpsert(tab([["30001", "Xã Một", 5], rows[1]!]), held);
    expect(plan.positions).toEqual([2, 3, 0]);
    expect(plan).toMatchObject({ updated: 1, added: 1, newColumns: [] });
    expect(plan.writes).toEqual([
      { row: 1, col: 0, values: [[5], [2]] },
      {
        row: 1,
        col: 2,
        values: [
          ["30001", "Xã Một"],
          ["30002", "Xã Hai"],
        ],
      },
    ]);
  });

  it("writes a row whose two columns the owner swapped as one block, in the sheet's column order", () => {
    const held = [
      ["Tên", "Mã", "Số"],
      ["Xã Một", "30001", 1],
    ];
    const plan = planTabUpsert(tab([["30001", "Xã Một", 5]]), held);
    expect(plan.positions).toEqual([1, 0, 2]);
    expect(plan.writes).toEqual([{ row: 1, col: 0, values: [["Xã Một", "30001", 5]] }]);
  });

  it("lists its blocks top to bottom, a row's blocks left to right, as the push sends them", () => {
    const held = [
      ["Số", "Ghi chú riêng", "Mã", "Tên"],
      [1, "của tôi", "30001", "Xã Một"],
      [2, "", "30002", "Xã Hai"],
      [3, "", "30003", "Xã Ba"],
    ];
    const plan = planTabUpsert(
      tab([
        ["30001", "Xã Một", 10],
        ["30002", "Xã Hai", 2],
        ["30003", "Xã Ba", 30],
      ]),
      held,
    );
    expect(plan.writes).toEqual([
      { row: 1, col: 0, values: [[10]] },
      { row: 1, col: 2, values: [["30001", "Xã Một"]] },
      { row: 3, col: 0, values: [[30]] },
      { row: 3, col: 2, values: [["30003", "Xã Ba"]] },
    ]);
  });

  it("matches labels as text: NFC, spaces around", () => {
    const held = [[" Mã", "Tên ".normalize("NFD"), "Số"], rows[0]!];
    expect(planTabUpsert(tab([rows[0]!]), held)).toMatchObject({
      positions: [0, 1, 2],
      unchanged: 1,
    });
  });

  it("adds a column the sheet lacks after every column anything is in, header cell included", () => {
    const wide = tab([["30001", "Xã Một", 1, "mới"]], {
      header: [...HEADER, "Cột mới"],
      columns: ["code", "name", "count", "extra"],
    });
    // A row runs past the header: the new column goes after it.
    const held = [HEADER, ["30001", "Xã Một", 1, "", "dữ liệu của người dùng"]];
    const plan = planTabUpsert(wide, held);
    expect(plan.positions).toEqual([0, 1, 2, 5]);
    expect(plan.newColumns).toEqual(["Cột mới"]);
    expect(plan.writes).toEqual([
      { row: 0, col: 5, values: [["Cột mới"]] },
      { row: 1, col: 0, values: [["30001", "Xã Một", 1]] },
      { row: 1, col: 5, values: [["mới"]] },
    ]);
  });

  it("gives each of two same-named columns its own place", () => {
    const twice = tab([["30001", "a", "b"]], {
      header: ["Mã", "Ghi chú", "Ghi chú"],
      columns: ["code", "n1", "n2"],
    });
    const plan = planTabUpsert(twice, [
      ["Ghi chú", "Mã", "Ghi chú"],
      ["a", "30001", "b"],
    ]);
    expect(plan.positions).toEqual([1, 0, 2]);
    expect(plan.unchanged).toBe(1);
  });

  it("writes a short row's missing cells as empty", () => {
    const plan = planTabUpsert(tab([["30009", "Xã Chín"]]), [HEADER]);
    expect(plan.writes).toEqual([{ row: 1, col: 0, values: [["30009", "Xã Chín", null]] }]);
  });
});

describe("cellText", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    ["", ""],
    [0, "0"],
    [30001, "30001"],
    [false, "false"],
    ["Xã", "Xã"],
  ])("%j reads as %j", (v, text) => {
    expect(cellText(v)).toBe(text);
  });
});
