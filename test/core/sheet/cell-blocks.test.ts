// Rectangles of equal cells: what keeps Office.js requests small.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blocksOf } from "../../../src/core/sheet/cell-blocks.js";

describe("blocksOf", () => {
  it("merges runs along rows and stacks equal runs into rectangles", () => {
    const cells = [
      { row: 1, col: 1, k: "a" },
      { row: 1, col: 2, k: "a" },
      { row: 2, col: 1, k: "a" },
      { row: 2, col: 2, k: "a" },
      { row: 2, col: 3, k: "b" },
      { row: 4, col: 1, k: "a" },
    ];
    expect(blocksOf(cells, (c) => c.k).map((b) => [b.address, b.key])).toEqual([
      ["A1:B2", "a"],
      ["C2", "b"],
      ["A4", "a"],
    ]);
  });

  it("finds the same rectangles from cells listed in any order, and lists them by top then left", () => {
    // A 3×2 block of "a" (A1:B3), a one-row run of "b" (C1:E1), a one-column run of "c" (F1:F3)
    // and a lone "b" at D3, given bottom row first and right to left within each row.
    const cells: { row: number; col: number; k: string }[] = [];
    for (const row of [3, 2, 1]) {
      for (const col of [6, 5, 4, 3, 2, 1]) {
        const k =
          col <= 2 ? "a" : col === 6 ? "c" : row === 1 ? "b" : row === 3 && col === 4 ? "b" : "";
        if (k) cells.push({ row, col, k });
      }
    }
    expect(blocksOf(cells, (c) => c.k).map((b) => [b.address, b.key])).toEqual([
      ["A1:B3", "a"],
      ["C1:E1", "b"],
      ["F1:F3", "c"],
      ["D3", "b"],
    ]);
  });

  it("skips cells without a key", () => {
    expect(blocksOf([{ row: 1, col: 1 }], () => undefined)).toEqual([]);
  });

  it("covers every keyed cell exactly once, with its key", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            row: fc.integer({ min: 1, max: 12 }),
            col: fc.integer({ min: 1, max: 6 }),
            k: fc.constantFrom("x", "y"),
          }),
          {
            selector: (c) => `${c.row}:${c.col}`,
          },
        ),
        (cells) => {
          const blocks = blocksOf(cells, (c) => c.k);
          const covered = new Map<string, string>();
          for (const b of blocks) {
            for (let r = b.top; r <= b.bottom; r++) {
              for (let c = b.left; c <= b.right; c++) {
                expect(covered.has(`${r}:${c}`)).toBe(false);
                covered.set(`${r}:${c}`, b.key);
              }
            }
          }
          expect(covered.size).toBe(cells.length);
          for (const c of cells) expect(covered.get(`${c.row}:${c.col}`)).toBe(c.k);
        },
      ),
    );
  });
});
