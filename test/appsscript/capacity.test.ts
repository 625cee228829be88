// The tracker within Google Sheets' 10-million-cell limit: every tab sized to what it holds, the
// consolidator warned from 80%, and a post refused with its own error code before the limit,
// storing nothing, rather than failing half-way once Sheets refuses to grow.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/wire/protocol.js";
import { TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { SPREADSHEET_CELL_LIMIT } from "../fakes/apps-script/spreadsheet.js";
import { storedCount, trackerWorld } from "../fakes/apps-script/tracker.js";
import { validReport } from "../fixtures/reports.js";
import {
  bodyOf,
  SUITE_KEYS,
  SUITE_PERIOD,
  SUITE_PLAN,
  SUITE_UNITS,
} from "../protocol/chitieu1.suite.js";
import { suitePlan } from "../protocol/servers.js";

const template = suitePlan();
const LOG = TRACKER_TABS.submissions.name;
/** Sheets that are the consolidator's, not the tracker's: left at the size they have. */
const NOT_OURS = new Set(["Sheet1", "Đơn vị (nhập)", "Dữ liệu riêng"]);

let world: AppsScriptWorld;
beforeEach(async () => {
  world = await trackerWorld({
    planId: SUITE_PLAN,
    period: SUITE_PERIOD,
    units: SUITE_UNITS,
    keys: SUITE_KEYS,
  });
});

const post = () =>
  JSON.parse(world.post(bodyOf(validReport(template, randomUUID()))).text) as Answer;

/** The consolidator's own sheet, one column wide, grown until the spreadsheet uses `cells`. */
function fillTo(cells: number) {
  const ss = world.spreadsheet;
  let filler = ss.sheet("Dữ liệu riêng");
  if (!filler) {
    ss.insertSheet("Dữ liệu riêng");
    filler = ss.sheet("Dữ liệu riêng")!;
    filler.deleteColumns(2, 25);
    filler.deleteRows(2, 999);
  }
  const more = cells - ss.cellCount();
  if (more > 0) filler.insertRowsAfter(filler.getMaxRows(), more);
  else if (more < 0) filler.deleteRows(2, -more);
  expect(ss.cellCount()).toBe(cells);
}

describe("the size of the tracker", () => {
  it("sizes every tracker tab to what it holds", () => {
    for (let i = 0; i < 3; i++) expect(post().ok).toBe(true);
    world.run("consolidateNow");
    world.run("buildDashboard");
    const sizes = world.spreadsheet.sheets
      .filter((s) => !NOT_OURS.has(s.getName()) && s.getName() !== "Bảng điều khiển")
      .map((s) => [s.getName(), s.getMaxRows(), s.getMaxColumns()]);
    const held = world.spreadsheet.sheets
      .filter((s) => !NOT_OURS.has(s.getName()) && s.getName() !== "Bảng điều khiển")
      .map((s) => [s.getName(), Math.max(s.lastRow(), 2), s.lastColumn()]);
    expect(sizes).toEqual(held);
    expect(sizes.length).toBeGreaterThanOrEqual(10);
    // The dashboard keeps the cells its charts are anchored to, and no more.
    const dashboard = world.spreadsheet.sheet("Bảng điều khiển")!;
    expect(dashboard.getMaxColumns()).toBeLessThanOrEqual(10);
    expect(dashboard.getMaxRows()).toBeLessThanOrEqual(Math.max(dashboard.lastRow(), 45));
  });

  it("refuses a post that would pass 95% of the limit with tracker-full, storing nothing", () => {
    expect(post().ok).toBe(true);
    fillTo(0.95 * SPREADSHEET_CELL_LIMIT - 100);
    const before = world.spreadsheet.cellCount();
    const logBefore = world.spreadsheet.sheet(LOG)!.dump();
    const answer = post();
    expect(answer).toMatchObject({ ok: false, error: { code: "tracker-full" } });
    if (answer.ok) return;
    expect(answer.error.message).toContain("10");
    expect(answer.error.message).toMatch(/đơn vị tổng hợp/u);
    expect(storedCount(world)).toBe(1);
    expect(world.spreadsheet.sheet(LOG)!.dump()).toEqual(logBefore);
    expect(world.spreadsheet.cellCount()).toBe(before);
    // Once the consolidator makes room, posts are stored again.
    fillTo(0.5 * SPREADSHEET_CELL_LIMIT);
    expect(post().ok).toBe(true);
    expect(storedCount(world)).toBe(2);
  });

  it("warns the consolidator from 80% of the limit, and not before", () => {
    fillTo(0.79 * SPREADSHEET_CELL_LIMIT);
    world.run("consolidateNow");
    expect(world.spreadsheet.toasts.at(-1)!.message).not.toMatch(/10 triệu/u);
    fillTo(0.81 * SPREADSHEET_CELL_LIMIT);
    world.run("consolidateNow");
    expect(world.spreadsheet.toasts.at(-1)!.message).toMatch(/81% .*10 triệu ô/u);
    world.ui.answer(SUITE_PLAN).answer(SUITE_PERIOD);
    world.run("setupTracker");
    expect(world.ui.alerts.at(-1)).toMatch(/81% .*10 triệu ô/u);
  });

  it("stops a consolidation that would pass the limit before it writes anything", () => {
    expect(post().ok).toBe(true);
    world.run("consolidateNow");
    const table = world.spreadsheet.sheet(`${TRACKER_TABS.unitValues.name} ${SUITE_PERIOD}`)!;
    const before = table.dump();
    // A unit added to the list needs a row more than the spreadsheet can give.
    world.run("importUnitsCsv", "code,name,kind,level\nSYT,Sở Y tế,department,province\n");
    fillTo(SPREADSHEET_CELL_LIMIT - 2);
    world.calls.reset();
    world.run("consolidateNow");
    expect(world.calls.writes()).toBe(0);
    expect(world.ui.alerts.at(-1)).toMatch(/10 triệu ô/u);
    expect(table.dump()).toEqual(before);
  });
});
