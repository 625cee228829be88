// A newer template version keeps the officer's entries by id.
import { describe, expect, it } from "vitest";
import { carryOver } from "../../../src/core/sheet/carry-over.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { headerCells } from "../../../src/core/sheet/layout-types.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import type { RawCellValue } from "../../../src/core/text/parse-number.js";
import { addressOf, filledGrid, key, validFill } from "../../fixtures/sheet.js";
import { department, district, template } from "../../fixtures/template.js";

const oldLayout = buildLayout(template, department, "2025");
const oldGrid = filledGrid(oldLayout, validFill);
// Version 4 adds two indicators at the top and drops CQ-02: rows move, ids stay.
const newer = Template.parse({
  ...template,
  version: 4,
  indicators: [
    { ...template.indicators[2]!, id: "KT-00", name: "Chỉ tiêu mới" },
    { ...template.indicators[2]!, id: "KT-09", name: "Chỉ tiêu mới khác" },
    template.indicators[0],
    ...template.indicators.slice(2),
  ],
});

describe("carryOver", () => {
  it("keeps the narrative the officer wrote, found by its section's label", () => {
    const text = "Khó khăn: thiếu nhân lực.\nĐề nghị hỗ trợ.";
    const filled = filledGrid(oldLayout, {
      ...validFill,
      [key("narrative", "narrative", "difficulties")]: text,
    });
    const newLayout = buildLayout(newer, department, "2025");
    const f = newLayout.fields.find((x) => x.ref.field === "difficulties")!;
    expect(f.row).not.toBe(oldLayout.fields.find((x) => x.ref.field === "difficulties")!.row);
    const carried = carryOver(filled, newLayout);
    expect(carried.find((c) => c.row === f.row && c.col === f.col)?.value).toBe(text);
  });

  it("puts each entry at the new row of its id and drops what the new version lacks", () => {
    const newLayout = buildLayout(newer, department, "2025");
    const carried = carryOver(oldGrid, newLayout);
    const at = (k: string) => {
      const address = addressOf(newLayout, k);
      const f = newLayout.fields.find((x) => x.address === address)!;
      return carried.find((c) => c.row === f.row && c.col === f.col)?.value;
    };
    expect(at(key("indicator", "KT-01", "value"))).toBe(25);
    expect(newLayout.rows.indicators["KT-01"]).not.toBe(oldLayout.rows.indicators["KT-01"]);
    expect(at(key("indicator", "CQ-01", "numerator"))).toBe(85);
    expect(at(key("task", "NV-01", "status"))).toBe("Hoàn thành");
    expect(at(key("budget", "KP-SN", "allocated"))).toBe("200,000");
    expect(() => at(key("indicator", "KT-00", "value"))).not.toThrow();
    expect(at(key("indicator", "KT-00", "value"))).toBeUndefined();
    expect(carried).toHaveLength(Object.keys(validFill).length - 1); // CQ-02 is gone
  });

  it("carries nothing from another unit's or period's sheet", () => {
    expect(carryOver(oldGrid, buildLayout(newer, district, "2025"))).toEqual([]);
    expect(carryOver(oldGrid, buildLayout(newer, department, "2026"))).toEqual([]);
    const notOurs = oldGrid.map((r) => [...r]);
    notOurs[headerCells.templateId.row - 1]![headerCells.templateId.col - 1] = "khac";
    expect(carryOver(notOurs, buildLayout(newer, department, "2025"))).toEqual([]);
  });

  it("carries a percent format with its number, so a typed 80% still reads as 80", () => {
    const newLayout = buildLayout(newer, department, "2025");
    const oldKt = addressOf(oldLayout, key("indicator", "KT-01", "value"));
    const f = oldLayout.fields.find((x) => x.address === oldKt)!;
    const grid = oldGrid.map((r) => [...r]);
    grid[f.row - 1]![f.col - 1] = 0.8;
    const formats = grid.map((r) => r.map(() => "General"));
    formats[f.row - 1]![f.col - 1] = "0%";
    const carried = carryOver(grid, newLayout, formats);
    const moved = newLayout.fields.find(
      (x) => x.address === addressOf(newLayout, key("indicator", "KT-01", "value")),
    )!;
    expect(carried.find((c) => c.row === moved.row && c.col === moved.col)).toEqual({
      row: moved.row,
      col: moved.col,
      value: 0.8,
      numberFormat: "0%",
    });
    expect(carried.filter((c) => c.numberFormat)).toHaveLength(1);
  });

  const ktField = (l: typeof oldLayout) =>
    l.fields.find((x) => x.address === addressOf(l, key("indicator", "KT-01", "value")))!;

  it("takes an id's entries from its first row: a copy of the id further down does not move them", () => {
    const f = ktField(oldLayout);
    const copy = oldGrid[0]!.map(() => null as RawCellValue);
    copy[0] = "KT-01";
    copy[f.col - 1] = 999;
    const grid = [...oldGrid.map((r) => [...r]), copy];
    const newLayout = buildLayout(newer, department, "2025");
    const moved = ktField(newLayout);
    expect(
      carryOver(grid, newLayout).find((c) => c.row === moved.row && c.col === moved.col),
    ).toEqual({ row: moved.row, col: moved.col, value: 25 });
  });

  it("formats given for the top rows only: the entries below carry, without a format", () => {
    const newLayout = buildLayout(newer, department, "2025");
    const formats = oldGrid.slice(0, 3).map((r) => r.map(() => "0%"));
    const carried = carryOver(oldGrid, newLayout, formats);
    expect(carried).toHaveLength(Object.keys(validFill).length - 1);
    expect(carried.filter((c) => c.numberFormat)).toEqual([]);
  });

  it("a text entry in a percent-formatted cell carries as typed, without the format", () => {
    const f = ktField(oldLayout);
    const grid = oldGrid.map((r) => [...r]);
    grid[f.row - 1]![f.col - 1] = "80%";
    const formats = grid.map((r) => r.map(() => "General"));
    formats[f.row - 1]![f.col - 1] = "0%";
    const newLayout = buildLayout(newer, department, "2025");
    const moved = ktField(newLayout);
    expect(
      carryOver(grid, newLayout, formats).find((c) => c.row === moved.row && c.col === moved.col),
    ).toEqual({ row: moved.row, col: moved.col, value: "80%" });
  });
});
