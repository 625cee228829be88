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
