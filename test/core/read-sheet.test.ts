// Reading a filled sheet back: typed values, located problems, and a sheet that is not what it was.
import { describe, expect, it } from "vitest";
import { checkSheet } from "../../src/core/check-sheet.js";
import { buildLayout, headerCells } from "../../src/core/layout.js";
import { readSheet } from "../../src/core/read-sheet.js";
import { Template } from "../../src/core/template-schema.js";
import { department, now, template } from "../fixtures/template.js";
import { addressOf, filledGrid, key, validFill } from "../fixtures/sheet.js";

const layout = buildLayout(template, department, "2025");
const read = (fill = validFill, mutate?: (g: unknown[][]) => void) => {
  const grid = filledGrid(layout, fill);
  mutate?.(grid);
  return readSheet(template, grid as never);
};

describe("readSheet", () => {
  it("reads a filled sheet into a draft with typed values", () => {
    const r = read();
    expect(r.issues).toEqual([]);
    expect(r.unit).toEqual(department);
    expect(r.draft).toEqual({
      planId: "demo",
      templateVersion: 3,
      unit: "STTTT",
      period: "2025",
      indicators: [
        { indicatorId: "CQ-01", numerator: 85, denominator: 100 },
        { indicatorId: "CQ-02", value: 95 },
        { indicatorId: "KT-01", value: 25 },
        { indicatorId: "KT-02", value: 1, evidence: "QĐ 123/QĐ-UBND" },
      ],
      tasks: [{ taskId: "NV-01", status: "done", completedOn: "2025-05-20" }],
      budget: [
        { lineId: "KP-TONG", allocated: 300000 },
        { lineId: "KP-DTPT", allocated: 100000 },
        { lineId: "KP-SN", allocated: 200000 },
      ],
      narrative: {},
    });
  });

  it("reads 0.95 in a percent-formatted cell as 95, and 0.95 in a plain cell as 0.95", () => {
    const fill = { ...validFill, [key("indicator", "CQ-02", "value")]: 0.95 };
    const grid = filledGrid(layout, fill);
    const formats = grid.map((row) => row.map(() => "General"));
    const [r, c] = [layout.rows.indicators["CQ-02"]! - 1, 8];
    formats[r]![c] = "0%";
    expect(readSheet(template, grid, formats).draft?.indicators[1]).toEqual({
      indicatorId: "CQ-02",
      value: 95,
    });
    expect(readSheet(template, grid).draft?.indicators[1]).toEqual({
      indicatorId: "CQ-02",
      value: 0.95,
    });
  });

  it("accepts NBSP, vi-VN decimals, Excel serial dates and NFD text", () => {
    const r = read({
      ...validFill,
      [key("indicator", "CQ-02", "value")]: "\u00a012,5\u00a0",
      [key("indicator", "CQ-02", "note")]: "Giải trình".normalize("NFD"),
      [key("task", "NV-01", "completedOn")]: 45797,
    });
    expect(r.draft?.indicators[1]).toEqual({
      indicatorId: "CQ-02",
      value: 12.5,
      note: "Giải trình",
    });
    expect(r.draft?.tasks[0]?.completedOn).toBe("2025-05-20");
  });

  it("locates text in a number cell, an ambiguous number, a bad yes/no, status and date", () => {
    const r = read({
      ...validFill,
      [key("indicator", "KT-01", "value")]: "khoảng 25",
      [key("indicator", "CQ-02", "value")]: "1.234",
      [key("indicator", "KT-02", "value")]: "Sắp xong",
      [key("task", "NV-01", "status")]: "Xong rồi",
      [key("task", "NV-01", "completedOn")]: "12/31/2025",
    });
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["ambiguous-number", addressOf(layout, key("indicator", "CQ-02", "value"))],
      ["not-a-number", addressOf(layout, key("indicator", "KT-01", "value"))],
      ["not-yes-no", addressOf(layout, key("indicator", "KT-02", "value"))],
      ["unknown-task-status", addressOf(layout, key("task", "NV-01", "status"))],
      ["not-a-date", addressOf(layout, key("task", "NV-01", "completedOn"))],
    ]);
    expect(r.issues[0]?.message.vi).toContain("1234 hoặc / or 1.234");
    expect(r.issues[1]).toMatchObject({
      location: { sheet: "Báo cáo", indicatorId: "KT-01", field: "value" },
    });
  });

  it("refuses a sheet without the chitieu header", () => {
    expect(readSheet(template, [["Báo cáo"]]).issues.map((i) => i.code)).toEqual([
      "sheet-unrecognised",
    ]);
  });

  it("refuses another template and an outdated version, at the header cell", () => {
    const other = read(
      validFill,
      (g) => (g[headerCells.templateId.row - 1]![headerCells.templateId.col - 1] = "khac"),
    );
    expect(other.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["template-mismatch", "B5"],
    ]);
    const old = read(
      validFill,
      (g) => (g[headerCells.templateVersion.row - 1]![headerCells.templateVersion.col - 1] = 2),
    );
    expect(old.issues.map((i) => [i.code, i.location.cell])).toEqual([["template-version", "F5"]]);
    expect(old.draft).toBeUndefined();
  });

  it("finds the edited fixed cell", () => {
    const row = layout.rows.indicators["KT-01"]!;
    const r = read(validFill, (g) => (g[row - 1]![5] = "≥ 2"));
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([["sheet-edited", `F${row}`]]);
  });

  it("detects a sheet made from different template content under the same version", () => {
    const changed = Template.parse({
      ...template,
      indicators: template.indicators.map((i, n) =>
        n === 2 ? { ...i, target: { ...i.target!, value: 30 } } : i,
      ),
    });
    expect(readSheet(changed, filledGrid(layout, validFill)).issues.map((i) => i.code)).toEqual([
      "sheet-edited",
    ]);
  });
});

describe("checkSheet", () => {
  it("answers no issue and each indicator's status for a valid sheet", () => {
    const r = checkSheet(template, filledGrid(layout, validFill), { now });
    expect(r.issues).toEqual([]);
    expect(r.statuses).toEqual({
      "CQ-01": "met",
      "CQ-02": "met",
      "KT-01": "met",
      "KT-02": "met",
      "XH-01": "no-data",
    });
  });

  it("lists issues in sheet order, each at its cell, without doubling an unreadable cell as missing", () => {
    const r = checkSheet(
      template,
      filledGrid(layout, {
        ...validFill,
        [key("indicator", "KT-01", "value")]: "N/A",
        [key("indicator", "CQ-02", "value")]: 70,
        [key("budget", "KP-SN", "allocated")]: 150000,
      }),
      { now },
    );
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["explanation-required", addressOf(layout, key("indicator", "CQ-02", "note"))],
      ["not-a-number", addressOf(layout, key("indicator", "KT-01", "value"))],
      ["budget-parts-sum", addressOf(layout, key("budget", "KP-TONG", "allocated"))],
      ["difficulties-missing", addressOf(layout, key("narrative", "narrative", "difficulties"))],
    ]);
    expect(r.statuses["CQ-02"]).toBe("not-met");
  });
});
