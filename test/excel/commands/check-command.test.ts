// The ribbon's "Kiểm tra" in a function command's runtime: every outcome visible, in the sheet's
// summary cell or in a dialog, and event.completed() only once nothing on screen needs the runtime.
import { beforeEach, describe, expect, it } from "vitest";
import { a1, headerCells } from "../../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { validateReport } from "../../../src/excel/commands/check-command.js";
import { notices } from "../../../src/excel/notices.js";
import { reportSheetName } from "../../../src/excel/office/report-sheet.js";
import { forgetAccessCode, loadTemplate, saveAccessCode } from "../../../src/excel/operations.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { validEdits } from "../../fixtures/fill-workbook.js";
import { FunctionCommandRuntime, OfficeEnums } from "../../fakes/excel/office-host.js";
import {
  harness,
  officer,
  officerCode,
  officerCodeText,
  seedTracker,
  trackerTransport,
} from "../addin-harness.js";

const ORIGIN = "https://chitieu.example.vn";
const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;
const sheetName = reportSheetName(template, "2025");
const summaryCell = a1(headerCells.checkResult.row, headerCells.checkResult.col);

let h: ReturnType<typeof harness>;
let runtime: FunctionCommandRuntime;

function press(deps = h.deps) {
  runtime = new FunctionCommandRuntime(ORIGIN);
  (globalThis as { Office?: unknown }).Office = OfficeEnums;
  return validateReport(runtime.event as never, deps, {
    ui: runtime.ui as never,
    dialogUrl: `${ORIGIN}/addin/dialog.html`,
  });
}

async function dialogOpened() {
  for (let i = 0; i < 200; i++) {
    if (runtime.openDialog) return runtime.openDialog;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error("no dialog opened");
}

const noticeIn = (url: string) => {
  const q = new URL(url).searchParams;
  return { vi: q.get("vi"), en: q.get("en") };
};

async function loadedReport(deps = h.deps) {
  await saveAccessCode(deps, officerCodeText);
  await loadTemplate(deps, officerCode, "can-tho-2256", "2025");
}

beforeEach(() => {
  h = harness(trackerTransport().transport);
});

describe("the ribbon's Kiểm tra", () => {
  it("on a sheet that is not a report, says so in a dialog and completes once it is closed", async () => {
    const done = press();
    const dialog = await dialogOpened();
    expect(new URL(dialog.url).pathname).toBe("/addin/dialog.html");
    expect(noticeIn(dialog.url)).toEqual(notices.notAReport);
    await new Promise((r) => setTimeout(r, 5));
    expect(runtime.completedCalls).toBe(0);
    dialog.messageParent("close");
    await done;
    expect(runtime.completedCalls).toBe(1);
    expect(dialog.closedBy).toBe("code");
    expect(h.excel.model.sheet("Sheet1")!.cells.size).toBe(0);
  });

  it("with no access code stored, says so in the report's summary cell", async () => {
    await loadedReport();
    forgetAccessCode(h.deps);
    await press();
    expect(String(h.excel.model.valueAt(sheetName, summaryCell))).toContain(
      notices.noAccessCode.vi,
    );
    expect(runtime.dialogs).toHaveLength(0);
    expect(runtime.completedCalls).toBe(1);
  });

  it("offline with no stored template, says so in the report's summary cell", async () => {
    await loadedReport();
    h.tracker.state.online = false;
    h.store.remove(`template:${template.id}`);
    await press();
    expect(String(h.excel.model.valueAt(sheetName, summaryCell))).toContain(notices.noTemplate.vi);
    expect(runtime.dialogs).toHaveLength(0);
    expect(runtime.completedCalls).toBe(1);
  });

  it("with errors, writes the summary and selects the first cell to fix", async () => {
    await loadedReport();
    const layout = buildLayout(template, officer, "2025");
    for (const e of validEdits(template, officer, layout, new Date("2025-11-30T00:00:00Z")))
      if (!(e.value instanceof Date)) h.excel.model.type(sheetName, e.address, e.value as never);
    const cq02 = layout.fields.find((f) => f.ref.id === "CQ-02" && f.ref.field === "numerator")!;
    h.excel.model.type(sheetName, cq02.address, "khoảng 80");
    h.excel.syncs.length = 0;
    await press();
    expect(String(h.excel.model.valueAt(sheetName, summaryCell))).toMatch(/\d+ lỗi/u);
    expect(h.excel.model.selection).toEqual({ sheet: sheetName, address: expect.any(String) });
    expect(runtime.dialogs).toHaveLength(0);
    expect(runtime.completedCalls).toBe(1);
    expect(h.excel.syncs).toHaveLength(2);
  });

  it("when Excel refuses the batch, shows why in a dialog that stays until the officer closes it", async () => {
    const old = harness(trackerTransport().transport, seedTracker(), {
      requirementSets: { ExcelApi: "1.4" },
    });
    await loadedReport(old.deps);
    old.excel.model.beginTyping(
      sheetName,
      buildLayout(template, officer, "2025").fields[0]!.address,
      "5",
    );
    const done = press(old.deps);
    const dialog = await dialogOpened();
    expect(noticeIn(dialog.url)).toEqual(notices.cellEdit);
    await new Promise((r) => setTimeout(r, 5));
    expect(dialog.open).toBe(true);
    expect(runtime.completedCalls).toBe(0);
    dialog.closeByUser();
    await done;
    expect(runtime.completedCalls).toBe(1);
  });
});
