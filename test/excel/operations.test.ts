// The add-in's operations against the in-memory Excel: what lands in the sheet, and how many syncs.
import { beforeEach, describe, expect, it } from "vitest";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { headerCells, a1, PROTECTION_PASSWORD } from "../../src/core/sheet/layout-types.js";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { accessCodeMessages } from "../../src/core/wire/access-code-messages.js";
import { Template } from "../../src/core/plan/template-schema.js";
import {
  checkReport,
  flushQueue,
  loadTemplate,
  pendingCount,
  saveAccessCode,
  storedAccessCode,
  submitReport,
  unloggedReceipts,
} from "../../src/excel/operations.js";
import {
  RECEIPT_SHEET,
  REPORT_AREA,
  reportSheetName,
} from "../../src/excel/office/report-sheet.js";
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
  expect(await saveAccessCode(h.deps, codeText)).toMatchObject({ value: { unit } });
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

describe("the access code", () => {
  it("from the https pane, refuses a code for an http:// tracker when it is pasted", async () => {
    const fresh = harness(tracker.transport);
    fresh.deps.pageProtocol = "https:";
    const http = formatAccessCode({
      url: "http://tracker.so-khcn.vn:8787/api/submit",
      unit: unit.code,
      key: KEY,
    });
    const before = fresh.tracker.state.requests;
    expect(await saveAccessCode(fresh.deps, http)).toEqual({
      ok: false,
      error: { kind: "insecure-tracker" },
    });
    expect(fresh.tracker.state.requests).toBe(before);
    expect(fresh.store.data.has("access-code")).toBe(false);
    // The same tracker behind https, or one on this machine, is fine.
    const https = formatAccessCode({
      url: "https://tracker.so-khcn.vn/api/submit",
      unit: unit.code,
      key: KEY,
    });
    expect(await saveAccessCode(fresh.deps, https)).toMatchObject({ ok: true, value: { unit } });
    expect(await saveAccessCode(fresh.deps, codeText)).toMatchObject({ ok: true, value: { unit } });
  });

  it.each([
    ["a code that lost its end", codeText.slice(0, -12), "damaged"],
    [
      "a code with a character changed",
      `${codeText.slice(0, 20)}!${codeText.slice(21)}`,
      "damaged",
    ],
    ["the tracker's address", "https://script.google.com/macros/s/AKfy/exec", "address"],
    ["the unit key alone", KEY, "bare-key"],
    ["an e-mail's text", "Kính gửi các đơn vị", "not-a-code"],
    ["nothing", "  ", "empty"],
    [
      "a complete code without a unit",
      `chitieu1.${Buffer.from(JSON.stringify(["https://x.vn/api/submit", "", KEY])).toString("base64url")}`,
      "no-unit",
    ],
  ] as const)(
    "says why %s is not a code, asks the tracker nothing, and keeps nothing",
    async (_, text, kind) => {
      const fresh = harness(tracker.transport);
      const before = fresh.tracker.state.requests;
      expect(await saveAccessCode(fresh.deps, text)).toEqual({
        ok: false,
        error: { kind, message: accessCodeMessages[kind] },
      });
      expect(fresh.tracker.state.requests).toBe(before);
      expect(fresh.store.data.has("access-code")).toBe(false);
    },
  );

  it("takes a stored code that no longer reads as no code, and says why", () => {
    const fresh = harness(tracker.transport);
    expect(storedAccessCode(fresh.deps)).toBeUndefined();
    fresh.store.set("access-code", codeText.slice(0, -7));
    expect(storedAccessCode(fresh.deps)).toEqual({
      ok: false,
      error: { kind: "damaged", message: accessCodeMessages.damaged },
    });
    fresh.store.set("access-code", codeText);
    expect(storedAccessCode(fresh.deps)).toEqual({ ok: true, value: code });
  });
});

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
    // A numerator or denominator is a count (up to a billion, fractions allowed); a budget line
    // at most the plan's whole 657.187.600.000 đồng (the value limits).
    const shareParts = { formula1: 0, formula2: 1_000_000_000, operator: "Between" };
    const money = { formula1: 0, formula2: 657_187_600_000, operator: "Between" };
    expect(ruleAt("indicator", "value")).toEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
    expect(ruleAt("indicator", "numerator")).toEqual({ decimal: shareParts });
    expect(ruleAt("indicator", "denominator")).toEqual({ decimal: shareParts });
    expect(ruleAt("task", "status")).toEqual({
      list: { inCellDropDown: true, source: "Chưa thực hiện,Đang thực hiện,Hoàn thành" },
    });
    expect(ruleAt("task", "completedOn")).toEqual({
      date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" },
    });
    expect(ruleAt("budget", "allocated")).toEqual({ wholeNumber: money });
    expect(ruleAt("budget", "disbursed")).toEqual({ wholeNumber: money });
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

    h.excel.model.type(sheetName, field("CQ-02", "numerator").address, cq02 as number);
    h.excel.model.type(sheetName, field("CQ-03", "numerator").address, cq03 as number);
    expect((await checkReport(h.deps)).issues).toEqual([]);
    expect(fill(field("CQ-02", "numerator"))).toBe("#FFF2CC");
  });

  it("reads '80%' typed into a number cell (Excel makes it 0.8, percent-formatted) as 80", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const kt = layout.fields.find((f) => f.ref.id === "KT-02" && f.ref.field === "value")!;
    h.excel.model.type(sheetName, kt.address, "80%");
    const cell = h.excel.model.peek(h.excel.model.sheet(sheetName)!, kt.row, kt.col)!;
    expect([cell.value, cell.numberFormat]).toEqual([0.8, "0%"]);
    const outcome = await checkReport(h.deps);
    expect(outcome.check?.draft?.indicators.find((e) => e.indicatorId === "KT-02")?.value).toBe(80);
  });
});

describe("reading only what a report needs", () => {
  it("on a large sheet that is not a report, loads the header block alone", async () => {
    h.excel.model.addSheet("Dữ liệu");
    for (let row = 1; row <= 20_000; row++)
      for (const col of ["A", "B", "C", "D", "E"])
        h.excel.model.type(
          "Dữ liệu",
          `${col}${row}`,
          `Hộ gia đình số ${row}, thôn ${col}, xã Tân Phú`.padEnd(60, "."),
        );
    h.excel.model.activate("Dữ liệu");
    h.excel.syncs.length = 0;
    const outcome = await checkReport(h.deps);
    expect(outcome.issues.map((i) => i.code)).toEqual(["sheet-unrecognised"]);
    expect(h.excel.syncs).toHaveLength(1);
    expect(h.excel.syncs[0]!.cellsLoaded).toBeLessThanOrEqual(6 * 12);
    expect(h.excel.syncs[0]!.responseBytes).toBeLessThan(10_000);
  });

  it("reads a report sheet in one sync, bounded to its layout, whatever lies beyond", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    h.excel.syncs.length = 0;
    expect((await checkReport(h.deps)).issues).toEqual([]);
    expect(h.excel.syncs).toHaveLength(2);
    const cells = layout.rowCount * layout.columnCount;
    expect(h.excel.syncs[0]!.cellsLoaded).toBeLessThanOrEqual(2 * cells + 6 * 12);
  });

  it("reads an older report sheet, without the area name, in a header read and a bounded read", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    h.excel.model.deleteName(sheetName, REPORT_AREA);
    h.excel.syncs.length = 0;
    expect((await checkReport(h.deps)).issues).toEqual([]);
    expect(h.excel.syncs).toHaveLength(3);
    expect(h.excel.syncs[0]!.cellsLoaded).toBeLessThanOrEqual(6 * 12);
    expect(h.excel.syncs[1]!.cellsLoaded).toBe(2 * layout.rowCount * layout.columnCount);
  });
});

describe("submitting", () => {
  it("submits an 80% typed before a newer template was loaded as 80, not 0.8", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const kt = layout.fields.find((f) => f.ref.id === "KT-05" && f.ref.field === "value")!;
    h.excel.model.type(sheetName, kt.address, "80%");
    // With a note, a value under the target is allowed: 0.8 would pass every rule.
    const note = layout.fields.find((f) => f.ref.id === "KT-05" && f.ref.field === "note")!;
    h.excel.model.type(sheetName, note.address, "Số liệu sơ bộ");
    const v2 = Template.parse({ ...template, version: 2 });
    const newer = templates.map((t) => (t.id === v2.id ? v2 : t));
    h.tracker.state.templates = newer;
    tracker = trackerTransport(newer);
    h.deps.transport = tracker.transport;
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const result = await submitReport(h.deps, code);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.outcome?.kind).toBe("accepted");
    const sent = tracker.store.records[0]!.submission;
    expect(sent.templateVersion).toBe(2);
    expect(sent.indicators.find((e) => e.indicatorId === "KT-05")?.value).toBe(80);
  });

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

  it("sends the narrative typed into its boxes, a leading = as text and line breaks kept", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const field = (name: string) =>
      layout.fields.find((f) => f.ref.kind === "narrative" && f.ref.field === name)!;
    const box = (name: string) => field(name).address;
    const assessment = "Hoàn thành phần lớn chỉ tiêu năm 2025.\nCòn chậm: Khu CNTT tập trung.";
    // Alt+Enter puts a line feed in the cell; the box is text-formatted, so "=" is not a formula.
    h.excel.model.type(sheetName, box("assessment"), assessment);
    h.excel.model.type(sheetName, box("difficulties"), "=SUM(A1) thiếu nhân lực");
    const sheet = h.excel.model.sheet(sheetName)!;
    const cell = h.excel.model.peek(sheet, field("difficulties").row, field("difficulties").col)!;
    expect(cell).toMatchObject({ value: "=SUM(A1) thiếu nhân lực", locked: false });
    expect(cell.formula).toBeUndefined();
    const result = await submitReport(h.deps, code);
    expect(result.outcome).toMatchObject({ kind: "accepted" });
    expect(tracker.store.records.at(-1)!.submission.narrative).toEqual({
      assessment,
      difficulties: "=SUM(A1) thiếu nhân lực",
    });
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
    const { outcomes } = await flushQueue(h.deps, true);
    expect(outcomes.map((o) => o.kind)).toEqual(["accepted"]);
    expect(pendingCount(h.deps)).toBe(0);
    expect(tracker.store.records).toHaveLength(1);
    expect(
      [...h.excel.model.sheet(RECEIPT_SHEET)!.tables.values()][0]!.rows[0]!.slice(3, 5),
    ).toEqual(["can-tho-2256", "2025"]);
  });
});

/** Resolves once `promise` settles or a few event-loop turns have passed, whichever is first. */
async function settledSoon<T>(promise: Promise<T>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
  return settled;
}

describe("cell edit mode", () => {
  const anyInput = () => buildLayout(template, unit, "2025").fields[0]!.address;
  const logRows = () =>
    [...(h.excel.model.sheet(RECEIPT_SHEET)?.tables.values() ?? [])].flatMap((t) => t.rows);

  it("holds a check while the officer is still typing, then reads what they entered", async () => {
    await loadTemplate(h.deps, code, "can-tho-2256", "2025");
    const layout = typeValidReport();
    const cq02 = layout.fields.find((f) => f.ref.id === "CQ-02" && f.ref.field === "numerator")!;
    h.excel.model.beginTyping(sheetName, cq02.address, "khoảng 80");
    const check = checkReport(h.deps);
    expect(await settledSoon(check)).toBe(false);
    h.excel.model.pressEnter();
    const outcome = await check;
    expect(outcome.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["not-a-number", cq02.address],
    ]);
  });

  it("where Excel cannot hold a batch, says in Vietnamese to press Enter first", async () => {
    const old = harness(tracker.transport, seedTracker(), {
      requirementSets: { ExcelApi: "1.4" },
    });
    await saveAccessCode(old.deps, codeText);
    await loadTemplate(old.deps, code, "can-tho-2256", "2025");
    old.excel.model.beginTyping(sheetName, anyInput(), "1");
    const error = await checkReport(old.deps).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/bấm Enter/u);
    expect((error as Error).message).toMatch(/press Enter/u);
  });

  it("records and shows the tracker's receipt when the sheet cannot be written after it", async () => {
    const old = harness(tracker.transport, seedTracker(), {
      requirementSets: { ExcelApi: "1.4" },
    });
    await saveAccessCode(old.deps, codeText);
    await loadTemplate(old.deps, code, "can-tho-2256", "2025");
    h = old;
    const layout = typeValidReport();
    const note = layout.fields.find((f) => f.ref.id === "CQ-01" && f.ref.field === "note")!;
    // The officer clicks into a cell while the report is on its way.
    old.deps.transport = {
      post: async (url, body) => {
        const answer = await tracker.transport.post(url, body);
        old.excel.model.beginTyping(sheetName, note.address, "đang gõ");
        return answer;
      },
    };
    const result = await submitReport(old.deps, code);
    expect(tracker.store.records).toHaveLength(1);
    expect(result.outcome).toMatchObject({
      kind: "accepted",
      answer: { receipt: { revision: 1 } },
    });
    expect(result.sheetNotice?.vi).toMatch(/bấm Enter/u);
    expect(pendingCount(old.deps)).toBe(0);
    expect(unloggedReceipts(old.deps).map((r) => r.receipt.submissionId)).toEqual([
      result.outcome!.submissionId,
    ]);

    old.excel.model.pressEnter();
    old.deps.transport = tracker.transport;
    await flushQueue(old.deps);
    expect(unloggedReceipts(old.deps)).toEqual([]);
    expect(logRows().map((r) => r[1])).toEqual([result.outcome!.submissionId]);
    expect(tracker.store.records).toHaveLength(1);
  });

  it("the retry loop keeps a receipt whose log row Excel refused, and writes it later", async () => {
    const old = harness(tracker.transport, seedTracker(), {
      requirementSets: { ExcelApi: "1.4" },
    });
    await saveAccessCode(old.deps, codeText);
    await loadTemplate(old.deps, code, "can-tho-2256", "2025");
    h = old;
    typeValidReport();
    tracker.state.online = false;
    expect((await submitReport(old.deps, code)).outcome?.kind).toBe("queued");
    tracker.state.online = true;
    old.deps.transport = {
      post: async (url, body) => {
        const answer = await tracker.transport.post(url, body);
        old.excel.model.beginTyping(sheetName, anyInput(), "1");
        return answer;
      },
    };
    const flushed = await flushQueue(old.deps, true);
    expect(flushed.outcomes.map((o) => o.kind)).toEqual(["accepted"]);
    expect(flushed.sheetNotice?.en).toMatch(/press Enter/u);
    expect(unloggedReceipts(old.deps)).toHaveLength(1);
    old.excel.model.pressEnter();
    old.deps.transport = tracker.transport;
    const later = await flushQueue(old.deps);
    expect(later.outcomes).toEqual([]);
    expect(unloggedReceipts(old.deps)).toEqual([]);
    expect(logRows()).toHaveLength(1);
  });
});
