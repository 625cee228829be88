// The one-click check: read a sheet, validate it, answer issues in sheet order and each indicator's
// status at the unit's level.
import { describe, expect, it } from "vitest";
import type { SubmissionDraft } from "../../../src/core/check/submission-schema.js";
import { checkSheet, indicatorStatuses } from "../../../src/core/sheet/check-sheet.js";
import { REPORT_SHEET } from "../../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import type { RawCellValue } from "../../../src/core/text/parse-number.js";
import { addressOf, filledGrid, key, validFill } from "../../fixtures/sheet.js";
import { department, district, now, template } from "../../fixtures/template.js";

const layout = buildLayout(template, department, "2025");
const check = (fill: Record<string, RawCellValue>) =>
  checkSheet(template, filledGrid(layout, { ...validFill, ...fill }), { now });

describe("checkSheet", () => {
  it("a valid sheet: no issues, its draft and unit, and each indicator's status", () => {
    const r = check({});
    expect(r.issues).toEqual([]);
    expect(r.unit).toEqual(department);
    expect(r.draft?.period).toBe("2025");
    // CQ-01 85/100 = 85% ≥ 80; CQ-02 95% ≥ 90 (province); KT-01 25 ≥ 20; KT-02 yes = 1;
    // XH-01 is reported by Sở Y tế alone, so the department has no figure for it.
    expect(r.statuses).toEqual({
      "CQ-01": "met",
      "CQ-02": "met",
      "KT-01": "met",
      "KT-02": "met",
      "XH-01": "no-data",
    });
  });

  it("a figure below the unit's target shows as not met", () => {
    expect(check({ [key("indicator", "KT-01", "value")]: 19 }).statuses["KT-01"]).toBe("not-met");
  });

  it("answers issues in sheet order, top to bottom, whatever stage found them", () => {
    const r = check({
      [key("indicator", "KT-01", "value")]: "hai mươi",
      [key("indicator", "CQ-01", "numerator")]: 120,
    });
    const kt = addressOf(layout, key("indicator", "KT-01", "value"));
    const cq = r.issues.find((i) => i.location.indicatorId === "CQ-01");
    expect(cq?.location.sheet).toBe(REPORT_SHEET);
    const cells = r.issues.map((i) => i.location.cell);
    expect(cells).toContain(kt);
    // CQ-01's row comes before KT-01's, so its issue comes first although reading found KT-01's.
    expect(layout.rows.indicators["CQ-01"]!).toBeLessThan(layout.rows.indicators["KT-01"]!);
    expect(r.issues[0]?.location.indicatorId).toBe("CQ-01");
    expect(r.issues.at(-1)?.location.cell).toBe(kt);
    expect(r.issues.at(-1)?.code).toBe("not-a-number");
  });

  it("an item whose cell could not be read is judged once it is fixed: one issue, not two", () => {
    const r = check({ [key("indicator", "CQ-01", "numerator")]: "tám lăm" });
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["not-a-number", addressOf(layout, key("indicator", "CQ-01", "numerator"))],
    ]);
  });

  it("lists two issues of one row left to right, whatever order the rules found them in", () => {
    // NV-01 "in progress" with a completion date in the future: the date rule (completedOn) runs
    // before the two status rules (a date without "done"; past its June deadline).
    const r = check({
      [key("task", "NV-01", "status")]: "Đang thực hiện",
      [key("task", "NV-01", "completedOn")]: "20/12/2025",
    });
    const status = addressOf(layout, key("task", "NV-01", "status"));
    const date = addressOf(layout, key("task", "NV-01", "completedOn"));
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["date-without-done", status],
      ["task-overdue", status],
      ["completion-in-future", date],
    ]);
  });

  it("an issue of the whole sheet, with no cell, comes before those of its cells", () => {
    const later = buildLayout(template, department, "2099");
    const r = checkSheet(
      template,
      filledGrid(later, { ...validFill, [key("indicator", "KT-01", "value")]: 25.5 }),
      { now },
    );
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["period-outside-plan", undefined],
      ["not-whole", addressOf(later, key("indicator", "KT-01", "value"))],
    ]);
  });

  it("a sheet it cannot read gives the reading's issues and no statuses", () => {
    const r = checkSheet(template, [["Bảng tính khác"]], { now });
    expect(r.issues.map((i) => i.code)).toEqual(["sheet-unrecognised"]);
    expect(r.statuses).toEqual({});
    expect(r.draft).toBeUndefined();
  });
});

describe("indicatorStatuses", () => {
  const draft: SubmissionDraft = {
    planId: "demo",
    templateVersion: 3,
    unit: "Q-NK",
    period: "2025",
    indicators: [{ indicatorId: "CQ-02", value: 85 }],
    tasks: [],
    budget: [],
  };

  it("judges each indicator against the target of the unit's level", () => {
    // CQ-02: 85% meets the district's 80% but not the province's 90%.
    expect(indicatorStatuses(template, draft, district)["CQ-02"]).toBe("met");
    expect(indicatorStatuses(template, draft, department)["CQ-02"]).toBe("not-met");
  });

  it("gives every indicator of the template a status, 'no-data' where the draft has none", () => {
    expect(indicatorStatuses(template, draft, district)).toEqual({
      "CQ-01": "no-data",
      "CQ-02": "met",
      "KT-01": "no-data",
      "KT-02": "no-data",
      "XH-01": "no-data",
    });
  });
});
