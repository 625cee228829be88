// The sheet description core hands to every shell.
import { describe, expect, it } from "vitest";
import { a1, buildLayout, headerCells, layoutGrid, numberFormats } from "../../src/core/layout.js";
import { Template } from "../../src/core/template-schema.js";
import { department, district, health, template } from "../fixtures/template.js";

const layout = buildLayout(template, department, "2025");
const cellAt = (row: number, col: number) =>
  layout.cells.find((c) => c.row === row && c.col === col);

describe("buildLayout", () => {
  it("writes the template, unit and period into the header at fixed cells", () => {
    expect(cellAt(headerCells.templateId.row, headerCells.templateId.col)?.value).toBe("demo");
    expect(cellAt(headerCells.templateVersion.row, headerCells.templateVersion.col)?.value).toBe(3);
    expect(cellAt(headerCells.unitCode.row, headerCells.unitCode.col)?.value).toBe("STTTT");
    expect(cellAt(headerCells.period.row, headerCells.period.col)?.value).toBe("2025");
    expect(layout.cells.some((c) => c.value === "09/12/2025 (trước 10/12)")).toBe(true);
  });

  it("has one row per indicator with its target at the unit's level", () => {
    expect(Object.keys(layout.rows.indicators)).toEqual([
      "CQ-01",
      "CQ-02",
      "KT-01",
      "KT-02",
      "XH-01",
    ]);
    const row = layout.rows.indicators["CQ-02"]!;
    expect(cellAt(row, 5)?.value).toBe("Tỉnh: ≥ 90%; Huyện: ≥ 80%");
    expect(cellAt(row, 6)?.value).toBe("≥ 90%");
    expect(
      buildLayout(template, district, "2025").cells.find((c) => c.row === row && c.col === 6)
        ?.value,
    ).toBe("≥ 80%");
    expect(cellAt(layout.rows.indicators["XH-01"]!, 6)?.value).toBe("50% – 60% (không bắt buộc)");
  });

  it("lists only the tasks the unit leads", () => {
    expect(Object.keys(layout.rows.tasks)).toEqual(["NV-01"]);
    expect(Object.keys(buildLayout(template, health, "2025").rows.tasks)).toEqual([
      "NV-01",
      "NV-02",
    ]);
    expect(Object.keys(buildLayout(template, district, "2025").rows.tasks)).toEqual([]);
  });

  it("marks exactly the field cells (and what their merges cover) as input, and protects the rest", () => {
    const inputs = layout.cells.filter((c) => c.input);
    // A narrative box is one field merged over a block, every cell of which is unlocked.
    const covered = layout.merges
      .filter((m) => layout.fields.some((f) => m.startsWith(`${f.address}:`)))
      .flatMap((m) => {
        const [from, to] = m.split(":").map((x) => /^([A-Z]+)(\d+)$/.exec(x)!);
        const cols = [from![1]!.charCodeAt(0) - 64, to![1]!.charCodeAt(0) - 64];
        const rows = [Number(from![2]), Number(to![2])];
        const cells: string[] = [];
        for (let r = rows[0]!; r <= rows[1]!; r++)
          for (let c = cols[0]!; c <= cols[1]!; c++) cells.push(a1(r, c));
        return cells.slice(1);
      });
    expect(covered).toHaveLength(3 * (6 * 9 - 1));
    expect(inputs.map((c) => a1(c.row, c.col)).sort()).toEqual(
      [...layout.fields.map((f) => f.address), ...covered].sort(),
    );
    expect(inputs.every((c) => c.numberFormat && c.style === "input")).toBe(true);
    expect(layout.cells.filter((c) => c.fixed && c.input)).toEqual([]);
  });

  it("keeps fixed text as text so a spreadsheet does not turn '2025-06' or '10/12/2025' into dates", () => {
    for (const c of layout.cells.filter((x) => x.fixed && typeof x.value === "string")) {
      expect(c.numberFormat, a1(c.row, c.col)).toBe(numberFormats.text);
    }
  });

  it("gives each value cell the data validation of its kind", () => {
    const rule = (id: string) =>
      layout.cells.find((c) => c.row === layout.rows.indicators[id] && c.col === 9)?.validation;
    expect(rule("CQ-02")).toEqual({ type: "decimal", min: 0, max: 100 });
    expect(rule("KT-01")).toEqual({ type: "whole", min: 0, max: 1_000_000_000 });
    expect(rule("KT-02")).toEqual({ type: "list", values: ["Có", "Không"] });
  });

  it("computes status with a formula chitieu writes itself", () => {
    const formula = (id: string) => cellAt(layout.rows.indicators[id]!, 10)?.formula ?? "";
    expect(formula("CQ-01")).toContain("G9/H9*100>=80");
    expect(formula("XH-01")).toContain("AND(I13>=50,I13<=60)");
  });

  it("has a checksum that is stable and changes with any fixed text", () => {
    expect(buildLayout(template, department, "2025").meta.checksum).toBe(layout.meta.checksum);
    const renamed = Template.parse({
      ...template,
      indicators: template.indicators.map((i, n) => (n === 0 ? { ...i, name: `${i.name}.` } : i)),
    });
    expect(buildLayout(renamed, department, "2025").meta.checksum).not.toBe(layout.meta.checksum);
    expect(buildLayout(template, department, "2026").meta.checksum).not.toBe(layout.meta.checksum);
  });

  it("never lets text become a formula in a grid for Excel or Google Sheets", () => {
    const hostile = Template.parse({
      ...template,
      indicators: template.indicators.map((i, n) =>
        n === 0 ? { ...i, name: '=HYPERLINK("http://x")' } : i,
      ),
    });
    const l = buildLayout(hostile, department, "2025");
    const row = l.rows.indicators["CQ-01"]!;
    expect(layoutGrid(l, { quoteText: true })[row - 1]![2]).toBe('\'=HYPERLINK("http://x")');
    expect(layoutGrid(l, { quoteText: false })[row - 1]![2]).toBe('=HYPERLINK("http://x")');
    expect(layoutGrid(l, { quoteText: true })[row - 1]![9]).toMatch(/^=IF\(/);
  });
});
