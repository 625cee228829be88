// The add-in's operations against the in-memory Excel: what lands in the sheet, and how many syncs.
import { beforeEach, describe, expect, it } from "vitest";
import { buildLayout, headerCells, a1, PROTECTION_PASSWORD } from "../../src/core/layout.js";
import { Template } from "../../src/core/template-schema.js";
import {
  checkReport,
  flushQueue,
  loadTemplate,
  pendingCount,
  saveAccessCode,
  submitReport,
} from "../../src/excel/operations.js";
import { RECEIPT_SHEET, reportSheetName } from "../../src/excel/office/report-sheet.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { validEdits } from "../fixtures/fill-workbook.js";
import {
  harness,
  officer,
  officerCode,
  officerCodeText,
  OFFICER_KEY,
  seedTracker,
  trackerTransport,
} from "./addin-harness.js";

const KEY = OFFICER_KEY;
const unit = officer;
const templates = loadSeedTemplates().templates;
const template = templates.find((t) => t.id === "can-tho-2256")!;
const codeText = officerCodeText;
const code = officerCode;
const sheetName = reportSheetName(template, "2025");

let h: ReturnType<typeof harness>;
let tracker: ReturnType<typeof trackerTransport>;
beforeEach(async () => {
  tracker = trackerTransport();
  h = harness(tracker.transport);
  expect(await saveAccessCode(h.deps, codeText)).toMatchObject({ unit });
});

/** Types the valid report into the sheet, as an officer would (protection applies). */
function typeValidReport() {
  const layout = buildLayout(template, unit, "2025");
  for (const edit of validEdits(template, unit, layout, new Date("2025-11-30T00:00:00Z"))) {
    const value =
      edit.value instanceof Date
        ? `${String(edit.value.getUTCDate()).padStart(2, "0")}/${String(edit.value.getUTCMonth() + 1).padStart(2, "0")}/${edit.value.getUTCFullYear()}`
        : edit.value;
    h.excel.model.type(sheetName, edit.address, value as never);
  }
  return layout;
}

describe("loading a template", () => {
  it("renders the layout in two syncs: protected, input cells unlocked, validation, frozen panes", async () => {
    const result = await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    expect(result.syncs).toBe(2);
    expect(h.excel.syncs).toHaveLength(2);
    const sheet = h.excel.model.sheet(sheetName)!;
    const layout = buildLayout(template, unit, "2025");
    expect(h.excel.model.valueAt(sheetName, "B5")).toBe("can-tho-2256");
    expect(sheet.protected).toBe(true);
    expect((sheet.protectionOptions as { password: string }).password).toBe(PROTECTION_PASSWORD);
    expect(sheet.freezeAt).toBe(`A1:${a1(layout.freeze.rows, layout.freeze.columns)}`);
    for (const f of layout.fields)
      expect(h.excel.model.peek(sheet, f.row, f.col)?.locked, f.address).toBe(false);
    expect(h.excel.model.peek(sheet, 9, 3)?.locked).toBe(true);
    // Each kind of input cell gets the rule its figure needs; free text gets none.
    const ruleAt = (kind: string, field: string) => {
      const f = layout.fields.find((x) => x.ref.kind === kind && x.ref.field === field)!;
      return h.excel.model.peek(sheet, f.row, f.col)?.validation?.rule;
    };
    const atLeastZero = { formula1: 0, operator: "GreaterThanOrEqualTo" };
    expect(ruleAt("indicator", "value")).toEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
    expect(ruleAt("indicator", "numerator")).toEqual({ decimal: atLeastZero });
    expect(ruleAt("indicator", "denominator")).toEqual({ decimal: atLeastZero });
    expect(ruleAt("task", "status")).toEqual({
      list: { inCellDropDown: true, source: "Chưa thực hiện,Đang thực hiện,Hoàn thành" },
    });
    expect(ruleAt("task", "completedOn")).toEqual({
      date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" },
    });
    expect(ruleAt("budget", "allocated")).toEqual({ wholeNumber: atLeastZero });
    expect(ruleAt("budget", "disbursed")).toEqual({ wholeNumber: atLeastZero });
    for (const field of ["evidence", "note"]) expect(ruleAt("indicator", field)).toBeUndefined();
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect(h.excel.model.active).toBe(sheetName);
  });

  it("stays within three syncs and the 4 MB request budget for 10,000 rows", async () => {
    const big = Template.parse({
      ...template,
      id: "big",
      indicators: Array.from({ length: 10_000 }, (_, i) => ({
        ...template.indicators[i % 30]!,
        id: `X-${i}`,
      })),
      tasks: [],
    });
    const bigTracker = seedTracker([...templates, big]);
    const hb = harness(tracker.transport, bigTracker);
    await saveAccessCode(hb.deps, codeText);
    const result = await loadTemplate(hb.deps, code, "big", "2025");
    expect(result.syncs).toBeLessThanOrEqual(3);
    const largest = Math.max(...hb.excel.syncs.map((s) => s.requestBytes));
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    // The add-in's own budget is 4 MB a request, a margin under Excel's 5 MB: these 10,000 rows
    // would go in one request of 4.9 MB without it.
    expect(largest).toBeLessThanOrEqual(4_000_000);
  });

  it("keeps what was entered when a newer version is loaded, by id", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const typed = layout.fields.find((f) => f.ref.id === "CQ-02" && f.ref.field === "numerator")!;
    const before = h.excel.model.valueAt(sheetName, typed.address);
    h.excel.model.type(
      sheetName,
      layout.fields.find((f) => f.ref.id === "CQ-02" && f.ref.field === "note")!.address,
      "=SUM(1,2)",
    );
    const v2 = Template.parse({
      ...template,
      version: 2,
      indicators: [
        { ...template.indicators[0]!, id: "CQ-00", name: "Chỉ tiêu mới" },
        ...template.indicators,
      ],
    });
    h.tracker.state.templates = templates.map((t) => (t.id === v2.id ? v2 : t));
    h.excel.syncs.length = 0;
    const result = await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.carried).toBeGreaterThan(10);
    const newLayout = buildLayout(v2, unit, "2025");
    const moved = newLayout.fields.find(
      (f) => f.ref.id === "CQ-02" && f.ref.field === "numerator",
    )!;
    expect(moved.row).toBe(typed.row + 1);
    expect(h.excel.model.valueAt(sheetName, moved.address)).toBe(before);
    const note = newLayout.fields.find((f) => f.ref.id === "CQ-02" && f.ref.field === "note")!;
    const noteCell = h.excel.model.peek(h.excel.model.sheet(sheetName)!, note.row, note.col)!;
    expect([noteCell.value, noteCell.formula]).toEqual(["=SUM(1,2)", undefined]);
    expect(h.excel.model.sheets.filter((s) => s.name.startsWith("2025 can-tho"))).toHaveLength(1);
  });
});

describe("one-click check", () => {
  it("reads in one sync and writes in one; a clean sheet has no marks", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    typeValidReport();
    h.excel.syncs.length = 0;
    const outcome = await checkReport(h.deps);
    expect(outcome.issues).toEqual([]);
    expect(h.excel.syncs).toHaveLength(2);
    expect(h.excel.syncs[0]!.responseBytes).toBeGreaterThan(0);
    expect(
      String(
        h.excel.model.valueAt(
          sheetName,
          a1(headerCells.checkResult.row, headerCells.checkResult.col),
        ),
      ),
    ).toContain("không có lỗi");
  });

  it("marks each planted error at its cell, and clears the marks once fixed", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const field = (id: string, f: string) =>
      layout.fields.find((x) => x.ref.id === id && x.ref.field === f)!;
    const original = (id: string) =>
      h.excel.model.valueAt(sheetName, field(id, "numerator").address);
    const [cq02, cq03] = [original("CQ-02"), original("CQ-03")];
    h.excel.model.type(sheetName, field("CQ-02", "numerator").address, "khoảng 80");
    h.excel.model.type(sheetName, field("CQ-03", "value").address, null);
    h.excel.model.type(sheetName, field("CQ-03", "numerator").address, 5000);
    const outcome = await checkReport(h.deps);
    expect(outcome.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["not-a-number", field("CQ-02", "numerator").address],
      ["numerator-exceeds-denominator", field("CQ-03", "numerator").address],
    ]);
    const sheet = h.excel.model.sheet(sheetName)!;
    const fill = (f: { row: number; col: number }) => h.excel.model.peek(sheet, f.row, f.col)?.fill;
    expect(fill(field("CQ-02", "numerator"))).toBe("#FFC7CE");
    expect(sheet.protected).toBe(true);

    h.excel.model.type(sheetName, field("CQ-02", "numerator").address, cq02);
    h.excel.model.type(sheetName, field("CQ-03", "numerator").address, cq03);
    expect((await checkReport(h.deps)).issues).toEqual([]);
    expect(fill(field("CQ-02", "numerator"))).toBe("#FFF2CC");
  });

  it("reads '80%' typed into a number cell (Excel makes it 0.8, percent-formatted) as 80", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const kt = layout.fields.find((f) => f.ref.id === "KT-02" && f.ref.field === "value")!;
    h.excel.model.type(sheetName, kt.address, 0.8);
    h.excel.model.peek(h.excel.model.sheet(sheetName)!, kt.row, kt.col)!.numberFormat = "0%";
    const outcome = await checkReport(h.deps);
    expect(outcome.check?.draft?.indicators.find((e) => e.indicatorId === "KT-02")?.value).toBe(80);
  });
});

describe("submitting", () => {
  it("sends a clean report, shows the receipt and keeps it in the log sheet", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    typeValidReport();
    h.excel.syncs.length = 0;
    const result = await submitReport(h.deps, code);
    expect(result.outcome).toMatchObject({
      kind: "accepted",
      answer: { receipt: { revision: 1 } },
    });
    expect(h.excel.syncs).toHaveLength(2);
    expect(tracker.store.records).toHaveLength(1);
    const log = h.excel.model.sheet(RECEIPT_SHEET)!;
    expect([...log.tables.values()][0]!.rows[0]![1]).toBe(result.outcome!.submissionId);
    for (const sheet of h.excel.model.sheets) {
      for (const cell of sheet.cells.values()) expect(String(cell.value)).not.toContain(KEY);
    }
  });

  it("does not send a report with errors", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const result = await submitReport(h.deps, code);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.outcome).toBeUndefined();
    expect(tracker.state.posts).toBe(0);
  });

  it("queues when offline, says so in the sheet, and sends later", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    typeValidReport();
    tracker.state.online = false;
    const result = await submitReport(h.deps, code);
    expect(result.outcome?.kind).toBe("queued");
    expect(pendingCount(h.deps)).toBe(1);
    expect(String(h.excel.model.valueAt(sheetName, "H4"))).toContain("đang chờ gửi lại");
    expect(h.store.data.get("outbox")).not.toContain(KEY);
    tracker.state.online = true;
    const outcomes = await flushQueue(h.deps, true);
    expect(outcomes.map((o) => o.kind)).toEqual(["accepted"]);
    expect(pendingCount(h.deps)).toBe(0);
    expect(tracker.store.records).toHaveLength(1);
    expect(
      [...h.excel.model.sheet(RECEIPT_SHEET)!.tables.values()][0]!.rows[0]!.slice(3, 5),
    ).toEqual(["can-tho-2256", "2025"]);
  });
});
