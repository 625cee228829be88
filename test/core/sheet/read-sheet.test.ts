// Reading a filled sheet back: typed values, located problems, and a sheet that is not what it was.
import { beforeEach, describe, expect, it } from "vitest";
import { checkSheet } from "../../../src/core/sheet/check-sheet.js";
import type { SheetLayout } from "../../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { headerCells, REPORT_SHEET } from "../../../src/core/sheet/layout-types.js";
import { locationOf, readSheet } from "../../../src/core/sheet/read-sheet.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { department, district, now, template } from "../../fixtures/template.js";
import { addressOf, filledGrid, key, validFill } from "../../fixtures/sheet.js";

// Built in a hook, not at load: what a test checks is computed while the test runs (a mutation
// tester switches the code under test on per test).
let layout: SheetLayout;
beforeEach(() => {
  layout = buildLayout(template, department, "2025");
});
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

describe("readSheet: the checksum cell", () => {
  // H5 (row 5, column 8) holds the checksum of the sheet's fixed cells; the labels stay intact.
  const withH5 = (value: unknown) => read(validFill, (g) => (g[4]![7] = value));
  const lastDigitChanged = (sum: string) => sum.slice(0, -1) + (sum.endsWith("0") ? "1" : "0");

  it("reads the sheet when H5 still holds the layout's checksum", () => {
    expect(layout.meta.checksumCell).toBe("H5");
    expect(withH5(layout.meta.checksum).issues).toEqual([]);
  });

  it.each([
    ["another checksum", () => "00000000"],
    ["a blank cell", () => null],
    ["the checksum with its last digit changed", lastDigitChanged],
  ])("reports an edited sheet at H5 when H5 holds %s", (_, value) => {
    const r = withH5(value(layout.meta.checksum));
    expect(r.issues.map((i) => [i.code, i.location.cell, i.location.field])).toEqual([
      ["sheet-edited", "H5", "checksum"],
    ]);
    expect(r.draft).toBeUndefined();
  });
});

describe("readSheet: each header cell, each kind of field", () => {
  const unrecognised = {
    code: "sheet-unrecognised",
    severity: "error",
    location: { sheet: "Báo cáo", cell: "B5", field: "template" },
  };
  it.each([
    ["the plan's id", headerCells.templateId, ""],
    ["the unit's code", headerCells.unitCode, ""],
    ["the unit's level", headerCells.unitLevel, "Cấp trung ương"],
    ["the unit's kind", headerCells.unitKind, "Hội đoàn thể"],
    ["the period", headerCells.period, "năm ngoái"],
  ])("does not recognise a sheet whose header lacks only %s", (_, cell, text) => {
    const r = read(validFill, (g) => (g[cell.row - 1]![cell.col - 1] = text));
    expect(r.issues).toMatchObject([unrecognised]);
    expect(r.draft).toBeUndefined();
  });

  it("reads a district's header as a district's, level and kind", () => {
    const grid = filledGrid(buildLayout(template, district, "2025"), {});
    const r = readSheet(template, grid);
    expect(r.issues).toEqual([]);
    expect(r.unit).toEqual({
      code: "Q-NK",
      name: "UBND quận Ninh Kiều",
      level: "district",
      kind: "district",
    });
    expect(r.draft).toMatchObject({ unit: "Q-NK", indicators: [], tasks: [], budget: [] });
  });

  it("names what it found and what it expected when the plan or the version differs", () => {
    const other = read(
      validFill,
      (g) => (g[headerCells.templateId.row - 1]![headerCells.templateId.col - 1] = "khac"),
    );
    expect(other.issues[0]).toMatchObject({
      location: { sheet: "Báo cáo", cell: "B5", field: "template" },
      message: {
        vi: 'Trang này thuộc biểu mẫu "khac", không phải "demo".',
        en: 'This sheet belongs to template "khac", not "demo".',
      },
    });
    const old = read(
      validFill,
      (g) => (g[headerCells.templateVersion.row - 1]![headerCells.templateVersion.col - 1] = 2),
    );
    expect(old.issues[0]).toMatchObject({
      location: { sheet: "Báo cáo", cell: "F5", field: "version" },
    });
    expect(old.issues[0]!.message.vi).toContain(
      "Biểu mẫu phiên bản 2 đã cũ; phiên bản hiện hành là 3.",
    );
  });

  it("locates a task's and a budget line's problem by the task and the line", () => {
    const r = read({
      ...validFill,
      [key("task", "NV-01", "status")]: "Xong rồi",
      [key("budget", "KP-DTPT", "disbursed")]: "năm mươi",
    });
    expect(r.issues.map((i) => i.location)).toEqual([
      {
        sheet: "Báo cáo",
        cell: addressOf(layout, key("task", "NV-01", "status")),
        taskId: "NV-01",
        field: "status",
      },
      {
        sheet: "Báo cáo",
        cell: addressOf(layout, key("budget", "KP-DTPT", "disbursed")),
        budgetLineId: "KP-DTPT",
        field: "disbursed",
      },
    ]);
  });

  it("reads a note as one line of text, where a narrative box keeps its line breaks", () => {
    const r = read({
      ...validFill,
      [key("indicator", "KT-01", "note")]: "Số liệu\nquý 3",
      [key("narrative", "narrative", "difficulties")]: "Thiếu người\nThiếu máy",
    });
    expect(r.draft!.indicators.find((e) => e.indicatorId === "KT-01")?.note).toBe("Số liệu quý 3");
    expect(r.draft!.narrative).toEqual({ difficulties: "Thiếu người\nThiếu máy" });
  });

  it("reads yes and no as 1 and 0, from a checkbox's TRUE and FALSE and from words", () => {
    const yesNo = (value: unknown) =>
      read({ ...validFill, [key("indicator", "KT-02", "value")]: value as never }).draft
        ?.indicators[3]?.value;
    expect([true, false, "Không", "chưa", "x", "Có"].map(yesNo)).toEqual([1, 0, 0, 0, 1, 1]);
  });

  it("reads a task's state by its Vietnamese name in any case, or by its code", () => {
    const state = (value: string) =>
      read({ ...validFill, [key("task", "NV-01", "status")]: value }).draft?.tasks[0]?.status;
    expect(["đang thực hiện", "CHƯA THỰC HIỆN", "in-progress", "done"].map(state)).toEqual([
      "in-progress",
      "not-started",
      "in-progress",
      "done",
    ]);
  });

  it("reads 1.234 as a thousand and more where a whole number is due, and asks where a share part may be a fraction", () => {
    // Money, counts and ranks are whole: "1.234" can only be 1234. A numerator or a percentage
    // may be 1.234 as well, so the officer is asked which.
    const kinds = Template.parse({
      ...template,
      indicators: template.indicators.map((i) =>
        i.id === "KT-01"
          ? { ...i, kind: "rank", unit: "hạng", target: { op: "<=", value: 10, year: 2030 } }
          : i,
      ),
    });
    const money = Template.parse({
      ...template,
      indicators: template.indicators.map((i) =>
        i.id === "KT-01" ? { ...i, kind: "money", unit: "đồng" } : i,
      ),
    });
    const fill = {
      ...validFill,
      [key("indicator", "CQ-01", "numerator")]: "1.234",
      [key("indicator", "KT-01", "value")]: "1.234",
      [key("budget", "KP-SN", "disbursed")]: "1.234",
    };
    // A share of counts (machines per person) is whole in its value, yet each part may be a fraction.
    const countShare = Template.parse({
      ...template,
      indicators: template.indicators.map((i) =>
        i.id === "CQ-01" ? { ...i, kind: "count", unit: "máy/người" } : i,
      ),
    });
    const shareGrid = filledGrid(buildLayout(countShare, department, "2025"), {
      ...validFill,
      [key("indicator", "CQ-01", "numerator")]: "1.234",
      [key("indicator", "CQ-01", "denominator")]: "1.234",
    });
    expect(readSheet(countShare, shareGrid).issues.map((i) => [i.code, i.location.field])).toEqual([
      ["ambiguous-number", "numerator"],
      ["ambiguous-number", "denominator"],
    ]);
    for (const t of [template, kinds, money]) {
      const grid = filledGrid(buildLayout(t, department, "2025"), fill);
      const r = readSheet(t, grid);
      expect(r.issues.map((i) => [i.code, i.location.indicatorId])).toEqual([
        ["ambiguous-number", "CQ-01"],
      ]);
      expect(r.draft?.indicators.find((i) => i.indicatorId === "KT-01")?.value).toBe(1234);
      expect(r.draft?.budget.find((b) => b.lineId === "KP-SN")).toEqual({
        lineId: "KP-SN",
        allocated: 200000,
        disbursed: 1234,
      });
    }
  });
});

describe("locationOf", () => {
  it("names an item's id by its kind, and no item for a narrative box", () => {
    const at = (k: string) => layout.fields.find((f) => f.address === addressOf(layout, k))!;
    const kt = addressOf(layout, key("indicator", "KT-01", "value"));
    expect(locationOf(at(key("indicator", "KT-01", "value")))).toEqual({
      sheet: REPORT_SHEET,
      cell: kt,
      indicatorId: "KT-01",
      field: "value",
    });
    expect(locationOf(at(key("budget", "KP-SN", "allocated")))).toEqual({
      sheet: REPORT_SHEET,
      cell: addressOf(layout, key("budget", "KP-SN", "allocated")),
      budgetLineId: "KP-SN",
      field: "allocated",
    });
    expect(locationOf(at(key("narrative", "narrative", "difficulties")), "Sheet2")).toEqual({
      sheet: "Sheet2",
      cell: addressOf(layout, key("narrative", "narrative", "difficulties")),
      field: "difficulties",
    });
  });
});
