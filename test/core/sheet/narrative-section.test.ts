// The unit's narrative on the report sheet: its place in the layout, how long text reads back, the
// checks on it, and a sheet sent out before the section existed, which still reads as not edited.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSheet } from "../../../src/core/sheet/check-sheet.js";
import { formatIssue } from "../../../src/core/check/issues.js";
import { a1, REPORT_SHEET } from "../../../src/core/sheet/layout-types.js";
import { buildLayout, layoutGrid } from "../../../src/core/sheet/layout.js";
import type { RawCellValue } from "../../../src/core/text/parse-number.js";
import { readSheet } from "../../../src/core/sheet/read-sheet.js";
import { LAYOUT_VERSION } from "../../../src/core/sheet/layout-version.js";
import {
  narrativeLabels,
  narrativeText,
  NARRATIVE_ROWS,
} from "../../../src/core/sheet/narrative-section.js";
import { Submission, toSubmission } from "../../../src/core/check/submission-schema.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { NARRATIVE_MAX_CHARS } from "../../../src/core/plan/value-limits.js";
import { addressOf, filledGrid, key, validFill } from "../../fixtures/sheet.js";
import { department, now, template } from "../../fixtures/template.js";

const layout = buildLayout(template, department, "2025");
const narrativeKey = (section: string) => key("narrative", "narrative", section);
const difficultiesCell = addressOf(layout, narrativeKey("difficulties"));
const stamp = {
  submissionId: "77777777-7777-4777-8777-777777777777",
  submittedAt: "2025-12-01T10:00:00+07:00",
};

describe("the narrative section of the layout", () => {
  it("follows the budget as section IV, three labelled boxes of text merged over the sheet", () => {
    expect(layout.meta.layoutVersion).toBe(LAYOUT_VERSION);
    const title = layout.cells.find((c) => String(c.value).startsWith("IV. ĐÁNH GIÁ"));
    expect(title?.style).toBe("section");
    expect(title!.row).toBeGreaterThan(Math.max(...Object.values(layout.rows.budget)));
    const boxes = layout.fields.filter((f) => f.ref.kind === "narrative");
    expect(boxes.map((f) => f.ref.field)).toEqual(["assessment", "difficulties", "proposals"]);
    for (const box of boxes) {
      const label = layout.cells.find((c) => c.row === box.row && c.col === 1)!;
      expect(label.value).toBe(narrativeLabels[box.ref.field as keyof typeof narrativeLabels]);
      expect(label.fixed).toBe(true);
      const cell = layout.cells.find((c) => c.row === box.row && c.col === box.col)!;
      // Text format: Excel and Sheets keep a typed "=…" as the text it is.
      expect(cell).toMatchObject({ input: true, numberFormat: "@", style: "input" });
      expect(layout.merges).toContain(`${box.address}:${a1(box.row + NARRATIVE_ROWS - 1, 12)}`);
    }
    expect(layout.rowCount).toBe(boxes.at(-1)!.row + NARRATIVE_ROWS - 1);
  });

  it("is section III in a plan without a budget", () => {
    const noBudget = Template.parse({ ...template, budget: undefined });
    const cells = buildLayout(noBudget, department, "2025").cells;
    expect(cells.some((c) => String(c.value).startsWith("III. ĐÁNH GIÁ, KHÓ KHĂN"))).toBe(true);
  });

  it("states the length limit on the sheet, as the checksum covers it", () => {
    const hint = layout.cells.find((c) => String(c.value).startsWith("Mỗi mục tối đa"));
    expect(hint?.value).toContain("30.000 ký tự");
    expect(hint?.fixed).toBe(true);
  });

  it("counts the narrative's labels in the checksum: an edited label is found where it is", () => {
    const grid = filledGrid(layout, validFill);
    const box = layout.fields.find((f) => f.ref.field === "proposals")!;
    grid[box.row - 1]![0] = "3. Kiến nghị khác";
    const r = readSheet(template, grid);
    expect(r.draft).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["sheet-edited", a1(box.row, 1)],
    ]);
  });
});

describe("reading the narrative back", () => {
  const long = (
    "Năm 2025, đơn vị đã triển khai đồng bộ các nhiệm vụ chuyển đổi số. ".repeat(200) +
    "\r\nĐoạn hai."
  ).normalize("NFD");
  const fill = {
    ...validFill,
    [narrativeKey("assessment")]: long,
    [narrativeKey("difficulties")]: '=HYPERLINK("http://x","bấm")\u0007 thiếu nhân lực  \r\n',
    [narrativeKey("proposals")]: "  Đề nghị bổ sung kinh phí.\n\n- Đào tạo cán bộ.  ",
  };

  it("keeps paragraphs, composes NFC, drops control characters, and keeps a leading = as text", () => {
    const r = readSheet(template, filledGrid(layout, fill));
    expect(r.issues).toEqual([]);
    expect(r.draft!.narrative).toEqual({
      assessment: long.normalize("NFC").replace(" \r\n", "\n"),
      difficulties: '=HYPERLINK("http://x","bấm") thiếu nhân lực',
      proposals: "Đề nghị bổ sung kinh phí.\n\n- Đào tạo cán bộ.",
    });
    const submission = toSubmission(r.draft!, stamp);
    expect(submission.narrative!.difficulties!.startsWith("=")).toBe(true);
    expect(Submission.parse(JSON.parse(JSON.stringify(submission)))).toEqual(submission);
  });

  it("the same text read as Excel, exceljs and Sheets hand it back (CR LF, LF, CR)", () => {
    for (const breakText of ["\r\n", "\n", "\r"])
      expect(narrativeText(`Một${breakText}Hai`)).toBe("Một\nHai");
  });

  it("drops every space and tab at the end of each line, keeping those inside", () => {
    expect(narrativeText("Một  hai \t \nBa\t\t\nBốn")).toBe("Một  hai\nBa\nBốn");
  });

  it("blank boxes give an empty narrative, which the submission keeps", () => {
    const r = readSheet(template, filledGrid(layout, validFill));
    expect(r.draft!.narrative).toEqual({});
    expect(toSubmission(r.draft!, stamp).narrative).toEqual({});
  });
});

describe("checking the narrative", () => {
  const check = (fill: Record<string, RawCellValue>) =>
    checkSheet(template, filledGrid(layout, { ...validFill, ...fill }), { now });
  const missed = {
    [key("indicator", "CQ-02", "value")]: 70,
    [key("indicator", "CQ-02", "note")]: "Chậm",
  };

  it("warns, at the difficulties cell, when a missed target has no difficulties stated", () => {
    const r = check(missed);
    const warning = r.issues.find((i) => i.code === "difficulties-missing");
    expect(warning).toMatchObject({
      severity: "warning",
      location: { sheet: REPORT_SHEET, cell: difficultiesCell, field: "difficulties" },
    });
    expect(warning!.message.vi).toContain("CQ-02");
    expect(warning!.message.en).toContain("CQ-02");
    expect(formatIssue(warning!)).toBe(
      `Cảnh báo ${REPORT_SHEET}!${difficultiesCell} · Khó khăn, vướng mắc: ${warning!.message.vi} / ${warning!.message.en}`,
    );
  });

  it("does not warn once difficulties are written, nor when every target is met", () => {
    const written = check({ ...missed, [narrativeKey("difficulties")]: "Thiếu kinh phí." });
    expect(written.issues.map((i) => i.code)).not.toContain("difficulties-missing");
    expect(check({}).issues).toEqual([]);
  });

  it("refuses a section over the limit at its cell, before the schema would", () => {
    const over = "ư".repeat(NARRATIVE_MAX_CHARS + 1);
    const r = check({ [narrativeKey("proposals")]: over });
    expect(r.issues.map((i) => [i.code, i.severity, i.location.cell, i.location.field])).toEqual([
      ["text-too-long", "error", addressOf(layout, narrativeKey("proposals")), "proposals"],
    ]);
    expect(r.issues[0]!.message.vi).toContain("30.001");
    expect(Submission.safeParse({ ...r.draft, ...stamp }).success).toBe(false);
    const at = check({ [narrativeKey("proposals")]: "ư".repeat(NARRATIVE_MAX_CHARS) });
    expect(at.issues).toEqual([]);
    expect(Submission.safeParse({ ...at.draft, ...stamp }).success).toBe(true);
  });
});

describe("a sheet sent out before the narrative (layout 1)", () => {
  // Written by the release before this one (commit 54c2a18) for the demo plan, the department and
  // 2025, filled as fixtures/sheet.ts's validFill: made by that code, not by this one.
  const old = JSON.parse(
    readFileSync(join(import.meta.dirname, "../../fixtures/report-sheet-v1.json"), "utf8"),
  ) as { checksum: string; grid: RawCellValue[][] };

  it("is made the old way: no narrative, and the checksum layout 1 still gives", () => {
    expect(old.grid.flat().some((v) => String(v).includes("ĐÁNH GIÁ, KHÓ KHĂN"))).toBe(false);
    expect(buildLayout(template, department, "2025", 1).meta.checksum).toBe(old.checksum);
    expect(
      layoutGrid(buildLayout(template, department, "2025", 1), { quoteText: false }).length,
    ).toBe(old.grid.length);
  });

  it("reads and checks as not edited, with no narrative and no warning about one", () => {
    const r = checkSheet(template, old.grid, { now });
    expect(r.issues).toEqual([]);
    expect(r.layout!.meta.layoutVersion).toBe(1);
    expect(r.draft).not.toHaveProperty("narrative");
    expect(r.draft!.indicators).toHaveLength(4);
    const missed = old.grid.map((row) => [...row]);
    missed[r.layout!.rows.indicators["CQ-02"]! - 1]![8] = 70;
    missed[r.layout!.rows.indicators["CQ-02"]! - 1]![11] = "Chậm";
    expect(checkSheet(template, missed, { now }).issues).toEqual([]);
    expect(Submission.parse({ ...r.draft, ...stamp })).not.toHaveProperty("narrative");
  });

  it("is still found edited when one of its own fixed cells was changed", () => {
    const edited = old.grid.map((row) => [...row]);
    edited[r1(old.grid, "Mã")]![2] = "Chỉ tiêu đã sửa";
    const r = readSheet(template, edited);
    expect(r.issues.map((i) => i.code)).toEqual(["sheet-edited"]);
  });
});

/** The 0-based index of the first row whose first cell is `text`. */
function r1(grid: RawCellValue[][], text: string): number {
  return grid.findIndex((row) => row[0] === text);
}
