// The sheet while its sections are laid out: which cells are fixed, how inputs are found again.
import { describe, expect, it } from "vitest";
import { columnsOf, LayoutDraft } from "../../../src/core/sheet/layout-draft.js";
import { numberFormats } from "../../../src/core/sheet/layout-types.js";

describe("LayoutDraft", () => {
  it("fixes every written cell but a computed one, and gives fixed text the text format", () => {
    const draft = new LayoutDraft();
    draft.put(1, 1, "Kế hoạch", "label");
    draft.put(1, 2, 2025, "readonly");
    draft.put(1, 3, null, "computed", { formula: "A1" });
    expect(draft.cells).toEqual([
      { row: 1, col: 1, value: "Kế hoạch", style: "label", fixed: true, numberFormat: "@" },
      { row: 1, col: 2, value: 2025, style: "readonly", fixed: true },
      { row: 1, col: 3, value: null, style: "computed", fixed: false, formula: "A1" },
    ]);
  });

  it("leaves an input unfixed, with its rule and format, and records where it is", () => {
    const draft = new LayoutDraft();
    const rule = { type: "decimal", min: 0, max: 100 } as const;
    draft.field({ kind: "indicator", id: "CQ-01", field: "value" }, 9, 9, rule, "General");
    draft.field({ kind: "task", id: "NV-01", field: "note" }, 12, 7, undefined, numberFormats.text);
    expect(draft.cells).toEqual([
      {
        row: 9,
        col: 9,
        value: null,
        style: "input",
        fixed: false,
        input: true,
        numberFormat: "General",
        validation: rule,
      },
      {
        row: 12,
        col: 7,
        value: null,
        style: "input",
        fixed: false,
        input: true,
        numberFormat: "@",
      },
    ]);
    expect(draft.fields).toEqual([
      { ref: { kind: "indicator", id: "CQ-01", field: "value" }, row: 9, col: 9, address: "I9" },
      { ref: { kind: "task", id: "NV-01", field: "note" }, row: 12, col: 7, address: "G12" },
    ]);
  });

  it("merges a section's title across the sheet and writes a table's headers from its columns", () => {
    const draft = new LayoutDraft();
    draft.section(7, "I. CHỈ TIÊU", "L");
    draft.headers(8, [
      { key: "code", header: "Mã" },
      { key: "blank", header: "" },
    ]);
    expect(draft.merges).toEqual(["A7:L7"]);
    expect(draft.cells.map((c) => [c.row, c.col, c.value, c.style])).toEqual([
      [7, 1, "I. CHỈ TIÊU", "section"],
      [8, 1, "Mã", "header"],
      [8, 2, "", "header"],
    ]);
  });
});

describe("columnsOf", () => {
  it("numbers a column table's keys from 1, in order", () => {
    const columns = [
      { key: "code", header: "Mã" },
      { key: "deadline", header: "Hạn" },
      { key: "text", header: "Nhiệm vụ" },
    ] as const;
    expect(columnsOf(columns)).toEqual({ code: 1, deadline: 2, text: 3 });
  });
});
