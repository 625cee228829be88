// Consolidating in the built bundle: the same tabs core's consolidate gives `chitieu serve`, one read
// per source sheet and one write per tab whatever is stored; the dashboard, the missing and late
// list, and the check of every stored submission.
import { targetStatusNames, timelinessNames } from "../../src/core/tracker/tracker-tab-layout.js";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { consolidate, type ReceivedSubmission } from "../../src/core/tracker/consolidate.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { sign } from "../../src/core/wire/signature.js";
import type { Submission } from "../../src/core/check/submission-schema.js";
import { budgetTab, consolidatedTab, tasksTab, tabGrid, timelinessTab, unitsTab, unitValuesTab } from "../../src/core/tracker/tracker-tabs.js";
import { TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { trajectoriesUpTo } from "../../src/core/report/trajectory.js";
import { trajectoryTab } from "../../src/core/report/trajectory-tab.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";
import {
  expectedBudgetRows,
  expectedConsolidatedHeader,
  expectedConsolidatedRows,
  expectedTimelinessRows,
  expectedUnitsRows,
  expectedUnitValuesHeader,
  expectedUnitValuesRows,
} from "../fixtures/small-case.js";
import { setClock, smallCaseWorld } from "../fixtures/small-case-world.js";
import { suitePlan } from "../protocol/servers.js";

const template = suitePlan();
const units: Unit[] = [
  reportingUnit,
  { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" },
  { code: "Q-NK", name: "UBND quận <Ninh Kiều>", kind: "district", level: "district" },
  { code: "X-1", name: "=UBND xã Một", kind: "commune", level: "commune" },
];
const keyOf = (code: string) =>
  code
    .toLowerCase()
    .padEnd(64, "0")
    .replace(/[^0-9a-f]/gu, "a");
const SOURCE_SHEETS = 2;
const OUTPUT_TABS = 7;

let world: AppsScriptWorld;
let received: ReceivedSubmission[];
beforeEach(async () => {
  world = await trackerWorld({
    planId: template.id,
    period: "2025",
    units,
    keys: Object.fromEntries(units.map((u) => [u.code, keyOf(u.code)])),
  });
  received = [];
});

function submit(unit: Unit, mutate?: (s: Submission) => void) {
  const s = validReport(template, randomUUID(), unit);
  mutate?.(s);
  const payload = JSON.stringify(s);
  const body = JSON.stringify({
    protocol: "chitieu/1",
    unit: unit.code,
    payload,
    signature: sign(payload, keyOf(unit.code)),
  });
  const answer = JSON.parse(world.post(body).text) as Answer;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  received.push({
    submission: s,
    revision: answer.receipt.revision,
    receivedAt: answer.receipt.receivedAt,
  });
}

/** What core gives for the same units and submissions, as the sheet holds it (blank for null). */
function expectedTabs() {
  const c = consolidate({
    template,
    units,
    period: "2025",
    submissions: received,
    now: new Date(),
  });
  return [
    unitsTab(c),
    consolidatedTab(c),
    unitValuesTab(c),
    tasksTab(c),
    timelinessTab(c),
    budgetTab(c),
    trajectoryTab(
      trajectoriesUpTo({ template, units, period: "2025", submissions: received, now: new Date() }),
    ),
  ].map((tab) => ({
    name: tab.name,
    grid: tabGrid(tab, "raw").map((row) => row.map((v) => (v === null ? "" : v))),
    c,
  }));
}

describe("Tổng hợp ngay", () => {
  it("writes core's consolidated tabs, one read per source sheet and one write per tab", () => {
    submit(reportingUnit);
    submit(units[2]!, (s) => (s.indicators[0]!.note = '=HYPERLINK("x")'));
    submit(reportingUnit);
    world.calls.reset();
    world.run("consolidateNow");
    expect(world.calls.count("Range.getValues")).toBe(SOURCE_SHEETS);
    expect(world.calls.count("Range.getDisplayValues")).toBe(0);
    expect(world.calls.count("Range.setValues")).toBe(OUTPUT_TABS);
    expect(
      world.calls.count("Range.setValue") +
        world.calls.count("Range.getValue") +
        world.calls.count("Sheet.appendRow"),
    ).toBe(0);
    for (const { name, grid } of expectedTabs())
      expect(world.spreadsheet.sheet(name)!.dump(), name).toEqual(grid);
    for (const sheet of world.spreadsheet.sheets)
      expect(sheet.formulaCount(), sheet.getName()).toBe(0);
    expect(world.spreadsheet.toasts.at(-1)!.message).toContain("2/4 đơn vị đã nộp");
  });

  it("costs the same reads and writes with one submission or many", () => {
    const measure = () => {
      world.calls.reset();
      world.run("consolidateNow");
      return [world.calls.reads(), world.calls.writes()];
    };
    submit(reportingUnit);
    const one = measure();
    for (const u of units) submit(u);
    for (let i = 0; i < 5; i++) submit(units[1]!);
    expect(measure()).toEqual(one);
    expect(one).toEqual([SOURCE_SHEETS, OUTPUT_TABS]);
    // A shorter table than before leaves no stale rows behind.
    for (const { name, grid } of expectedTabs())
      expect(world.spreadsheet.sheet(name)!.dump(), name).toEqual(grid);
  });
});

describe("the unit's narrative", () => {
  it("is stored whole and logged a row per section, a leading = kept as text", () => {
    const assessment = `Đánh giá "chi tiết": ${"ữ".repeat(29_000)}\nĐoạn cuối.`;
    const difficulties = '=HYPERLINK("http://x","bấm") thiếu nhân lực';
    submit(reportingUnit, (s) => {
      s.narrative = { assessment, difficulties };
    });
    world.run("consolidateNow");
    const log = world.spreadsheet.sheet(TRACKER_TABS.submissions.name)!.dump();
    const col = (key: string) => TRACKER_TABS.submissions.columns.findIndex((c) => c.key === key);
    const rows = log.filter((r) => r[col("itemKind")] === "Thuyết minh");
    expect(rows.map((r) => [r[col("field")], r[col("value")]])).toEqual([
      ["Đánh giá kết quả thực hiện", assessment],
      ["Khó khăn, vướng mắc", difficulties],
    ]);
    for (const sheet of world.spreadsheet.sheets)
      expect(sheet.formulaCount(), sheet.getName()).toBe(0);
    // What the tracker stored reads back as the report that was sent.
    world.run("checkAllSubmissions");
    const html = world.ui.dialogs.at(-1)!.html;
    expect(html).toContain("Đã kiểm tra 1 báo cáo hiện hành: 0 có lỗi");
    expect(html).not.toContain("nội dung lưu đã bị thay đổi");
  });
});

describe("Lộ trình", () => {
  it("follows every indicator over the stored periods up to the tracker's, as core does", () => {
    submit(reportingUnit, (s) => {
      s.period = "2024";
      // Half of each share: the line from there to the target decides, not the target itself.
      for (const e of s.indicators)
        if (e.numerator !== undefined) {
          e.numerator = e.numerator! / 2;
          e.note = "Đang triển khai theo lộ trình";
        }
    });
    submit(reportingUnit);
    world.run("consolidateNow");
    const expected = expectedTabs().find((t) => t.name === "Lộ trình")!;
    const sheet = world.spreadsheet.sheet("Lộ trình")!.dump();
    expect(sheet).toEqual(expected.grid);
    const col = (key: string) =>
      expected.grid[0]!.indexOf(TRACKER_TABS.trajectory.columns.find((c) => c.key === key)!.label);
    const periods = new Set(sheet.slice(1).map((r) => r[col("period")]));
    expect([...periods]).toEqual(["2024", "2025"]);
    const words = sheet.slice(1).map((r) => r[col("status")]);
    expect(words).toContain("Mốc xuất phát");
    expect(words.every((w) => typeof w === "string" && w.length > 0)).toBe(true);
  });
});

describe("Bảng điều khiển", () => {
  it("puts the status and completeness tables on one sheet in one write, with a chart for each", () => {
    submit(reportingUnit);
    submit(units[2]!);
    world.calls.reset();
    world.run("buildDashboard");
    expect([world.calls.reads(), world.calls.writes()]).toEqual([SOURCE_SHEETS, 1]);
    const sheet = world.spreadsheet.sheet("Bảng điều khiển")!;
    const c = expectedTabs()[0]!.c;
    const grid = sheet.dump();
    const tableAt = (row: number, col: number, height: number, width: number) =>
      grid.slice(row - 1, row - 1 + height).map((r) => r.slice(col - 1, col - 1 + width));
    expect(tableAt(4, 1, 4, 2)).toEqual([
      ["Đánh giá chỉ tiêu", "Số chỉ tiêu"],
      [targetStatusNames.met, c.summary.indicatorsMet],
      [targetStatusNames["not-met"], c.summary.indicatorsNotMet],
      [targetStatusNames["no-data"], c.summary.indicatorsNoData],
    ]);
    expect(tableAt(9, 1, 5, 2)).toEqual([
      ["Tình trạng nộp", "Số đơn vị"],
      [timelinessNames["on-time"], c.summary.unitsOnTime],
      [timelinessNames.late, c.summary.unitsLate],
      [timelinessNames.submitted, c.units.filter((u) => u.timeliness === "submitted").length],
      [timelinessNames.missing, c.summary.unitsMissing],
    ]);
    expect(tableAt(4, 4, 1 + units.length, 4)).toEqual([
      ["Đơn vị", "Chỉ tiêu phải báo cáo", "Đã báo cáo (bắt buộc)", "Tình trạng nộp"],
      ...c.units.map((u) => [
        u.name,
        u.indicatorsRequired,
        u.indicatorsRequiredReported,
        timelinessNames[u.timeliness],
      ]),
    ]);
    expect(sheet.charts.map((ch) => [ch.type, ch.ranges])).toEqual([
      ["pie", ["A4:B7"]],
      ["column", ["A9:B13"]],
      ["bar", [`D4:F${4 + units.length}`]],
    ]);
    expect(sheet.formulaCount()).toBe(0);

    world.run("buildDashboard");
    expect(sheet.charts).toHaveLength(3);
  });
});

describe("Đơn vị chưa nộp / nộp trễ", () => {
  it("lists the units core finds missing or late, escaped", () => {
    submit(reportingUnit);
    world.run("showMissingAndLate");
    const html = world.ui.dialogs.at(-1)!.html;
    expect(html).toContain("UBND quận &lt;Ninh Kiều&gt;");
    expect(html).not.toContain("<Ninh Kiều>");
    const c = expectedTabs()[0]!.c;
    for (const u of c.units) {
      const listed = u.timeliness === "missing" || u.timeliness === "late";
      expect(html.includes(`<td>${u.code}</td>`), u.code).toBe(listed);
    }
    expect(html).toContain(timelinessNames.missing);
  });
});

describe("Kiểm tra tất cả báo cáo", () => {
  it("re-validates each unit's current revision and finds a stored row that was changed", () => {
    const line = template.budget!.total.id;
    submit(reportingUnit);
    submit(reportingUnit, (s) => (s.budget = [{ lineId: line, allocated: 100, disbursed: 250 }]));
    submit(units[1]!);
    const stored = world.spreadsheet.sheet("_submissions")!;
    // Someone edits the hidden sheet: the same report, other bytes than were signed and hashed.
    // The payload's first chunk: column K, after the index (A–J).
    const cell = stored.getRange(3, 11).getValue() as string;
    stored.getRange(3, 11).setValue(cell.replace('"indicators":[', '"indicators": ['));
    world.calls.reset();
    world.run("checkAllSubmissions");
    expect(world.calls.reads()).toBe(SOURCE_SHEETS);
    const html = world.ui.dialogs.at(-1)!.html;
    expect(html).toContain("Đã kiểm tra 2 báo cáo hiện hành: 0 có lỗi, 1 chỉ có cảnh báo");
    expect(html).toContain(
      "_submissions dòng/row 3 (STTTT, 2025, lần/rev 2): nội dung lưu đã bị thay đổi",
    );
    expect(html).toMatch(
      /STTTT · 2025 · lần nộp\/revision 2 · [^<]+<\/p><ul><li>Cảnh báo [^<]*KP[^<]*250/u,
    );
    expect(html).not.toContain("SYT · 2025");
  });
});

describe("Tổng hợp ngay: a small fixed case, checked against tables worked out by hand", () => {
  it("writes the units, consolidated, unit values, tasks, timeliness and budget tabs of the hand-made tables", async () => {
    const w = await smallCaseWorld();
    setClock(w, "2025-12-20T09:00:00+07:00");
    w.run("consolidateNow");
    const body = (name: string) => w.spreadsheet.sheet(name)!.dump(2);
    expect(body("Đơn vị")).toEqual(expectedUnitsRows);
    expect(w.spreadsheet.sheet("Tổng hợp 2025")!.dump()[0]).toEqual(expectedConsolidatedHeader);
    expect(body("Tổng hợp 2025")).toEqual(expectedConsolidatedRows(template));
    expect(w.spreadsheet.sheet("Số liệu đơn vị 2025")!.dump()[0]).toEqual(
      expectedUnitValuesHeader(template),
    );
    expect(body("Số liệu đơn vị 2025")).toEqual(expectedUnitValuesRows(template));
    expect(body("Nhiệm vụ")).toEqual([]);
    expect(body("Tiến độ nộp")).toEqual(expectedTimelinessRows);
    expect(body("Kinh phí")).toEqual(expectedBudgetRows);
  });
});
