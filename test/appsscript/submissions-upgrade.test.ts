// A tracker spreadsheet written by the first release (the "_submissions" index without the signed
// time) opens with today's bundle: copied aside first, migrated in place, nothing lost, and the
// report each unit signed last marked current in the visible log.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/wire/protocol.js";
import { payloadHash } from "../../src/core/wire/signature.js";
import {
  CURRENT,
  SUPERSEDED,
  TRACKER_TABS,
  type TabCellValue,
} from "../../src/core/tracker/tracker-tab-layout.js";
import { quotedCell } from "../../src/core/tracker/tracker-tabs.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import { validReport } from "../fixtures/reports.js";
import {
  bodyOf,
  SUITE_KEYS,
  SUITE_PERIOD,
  SUITE_PLAN,
  SUITE_UNITS,
} from "../protocol/chitieu1.suite.js";
import { suitePlan } from "../protocol/servers.js";

interface SheetFixture {
  values: TabCellValue[][];
  formats: string[][];
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/appsscript-v1-sheets.json"), "utf8"),
) as Record<"_submissions" | "Nhật ký nộp", SheetFixture>;

const NEWER = "0a000000-0000-4000-8000-00000000000a";
const HELD_BACK = "0b000000-0000-4000-8000-00000000000b";
const BACKUP = "_submissions (sao lưu v1 / backup v1)";
const LOG = TRACKER_TABS.submissions;
const logColumn = (key: string) => LOG.columns.findIndex((c) => c.key === key);

let world: AppsScriptWorld;

/** The fixture's cells written back as Sheets takes them: formats first, then values as typed. */
function restore(name: keyof typeof fixture) {
  const { values, formats } = fixture[name];
  const sheet = world.spreadsheet.sheet(name)!.view;
  // Set-up sizes each tab to its header: grow it as Sheets would, before writing the fixture.
  const rows = values.length - sheet.getMaxRows();
  if (rows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), rows);
  const columns = values[0]!.length - sheet.getMaxColumns();
  if (columns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns);
  const range = sheet.getRange(1, 1, values.length, values[0]!.length);
  range.setNumberFormats(formats);
  range.setValues(
    values.map((row, r) =>
      row.map((v, c) => (formats[r]![c] === "@" || typeof v !== "string" ? v : quotedCell(v))),
    ),
  );
}

beforeEach(async () => {
  world = await trackerWorld({
    planId: SUITE_PLAN,
    period: SUITE_PERIOD,
    units: SUITE_UNITS,
    keys: SUITE_KEYS,
  });
  restore("_submissions");
  restore("Nhật ký nộp");
});

const statesByLog = () => {
  const states = new Map<string, Set<unknown>>();
  for (const row of world.spreadsheet.sheet(LOG.name)!.dump(2)) {
    const id = String(row[logColumn("submissionId")]);
    states.set(id, (states.get(id) ?? new Set()).add(row[logColumn("state")]));
  }
  return Object.fromEntries([...states].map(([id, s]) => [id, [...s]]));
};

describe("a tracker spreadsheet of index layout v1", () => {
  it("is copied aside, then migrated: every row kept, the signed time beside the index", () => {
    expect(statesByLog()).toEqual({ [NEWER]: [SUPERSEDED], [HELD_BACK]: [CURRENT] });
    world.run("consolidateNow");

    const backup = world.spreadsheet.sheet(BACKUP);
    expect(backup?.dump(1)).toEqual(fixture._submissions.values);
    expect(backup?.isSheetHidden()).toBe(true);

    const rows = world.spreadsheet.sheet("_submissions")!.dump(1);
    expect(rows[0]!.slice(0, 10)).toEqual([
      ...fixture._submissions.values[0]!.slice(0, 9),
      "submittedAt",
    ]);
    const old = fixture._submissions.values.slice(1);
    rows.slice(1).forEach((row, i) => {
      expect(row.slice(0, 9)).toEqual(old[i]!.slice(0, 9));
      const payload = row.slice(10).map(String).join("");
      expect(payloadHash(payload)).toBe(row[6]);
      expect(row[9]).toBe((JSON.parse(payload) as { submittedAt: string }).submittedAt);
    });
    expect(rows.map((r) => r[9])).toEqual([
      "submittedAt",
      "2025-12-05T10:00:00.000+07:00",
      "2025-12-01T08:00:00.000+07:00",
    ]);

    // The visible log now marks the report signed last, and the consolidation counts it.
    expect(statesByLog()).toEqual({ [NEWER]: [CURRENT], [HELD_BACK]: [SUPERSEDED] });
    const units = TRACKER_TABS.units;
    const unitRow = world.spreadsheet
      .sheet(units.name)!
      .dump(2)
      .find((r) => r[units.columns.findIndex((c) => c.key === "unitCode")] === "STTTT");
    expect(unitRow?.[units.columns.findIndex((c) => c.key === "revision")]).toBe(1);

    // Once: a second action finds the new layout and copies nothing.
    world.run("consolidateNow");
    expect(
      world.spreadsheet.sheets.filter((s) => s.getName().startsWith("_submissions")),
    ).toHaveLength(2);
  });

  it("takes posts after the upgrade: the next revision follows, an older report is answered as such", () => {
    const template = suitePlan();
    const latest = validReport(template, "0c000000-0000-4000-8000-00000000000c");
    latest.submittedAt = "2025-12-06T10:00:00.000+07:00";
    const first = JSON.parse(world.post(bodyOf(latest)).text) as Answer;
    expect(first).toMatchObject({ ok: true, receipt: { revision: 3 } });
    expect(first.ok && first.receipt.stale).toBeUndefined();
    expect(world.spreadsheet.sheet(BACKUP)).toBeDefined();

    const older = validReport(template, "0d000000-0000-4000-8000-00000000000d");
    older.submittedAt = "2025-11-01T10:00:00.000+07:00";
    expect(JSON.parse(world.post(bodyOf(older)).text)).toMatchObject({
      ok: true,
      receipt: { revision: 4, stale: { current: { submissionId: latest.submissionId } } },
    });
    expect(statesByLog()).toEqual({
      [NEWER]: [SUPERSEDED],
      [HELD_BACK]: [SUPERSEDED],
      [latest.submissionId]: [CURRENT],
      [older.submissionId]: [SUPERSEDED],
    });
  });

  it("is upgraded inside set-up without letting go of set-up's lock", () => {
    world.locks.script.acquired = 0;
    world.locks.script.released = 0;
    world.ui.answer(SUITE_PLAN).answer(SUITE_PERIOD);
    world.run("setupTracker");
    expect(world.spreadsheet.sheet(BACKUP)).toBeDefined();
    expect(world.spreadsheet.sheet("_submissions")!.dump(1)[0]![9]).toBe("submittedAt");
    // One lock, taken once and let go once, at the end of set-up.
    expect([world.locks.script.acquired, world.locks.script.released]).toEqual([1, 1]);
  });
});
