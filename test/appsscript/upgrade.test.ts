// A tracker spreadsheet the first version of Code.js made (test/fixtures/appsscript/tracker-v1.json),
// opened by this version: it keeps taking posts, and its first consolidation brings it to this
// version's layout in place — tabs cut to what they hold, each period's figures a row per unit —
// without changing one stored value.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { consolidate, type ReceivedSubmission } from "../../src/core/tracker/consolidate.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { Submission } from "../../src/core/check/submission-schema.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { consolidatedTab, tabGrid, unitValuesTab } from "../../src/core/tracker/tracker-tabs.js";
import { SUPERSEDED, tabName, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { restore } from "../fakes/apps-script/snapshot.js";
import { trackerV1, V1_KEY, V1_UNITS } from "../fixtures/appsscript/tracker-v1.js";
import { validReport } from "../fixtures/reports.js";
import { suitePlan } from "../protocol/servers.js";

const template = suitePlan();
const LOG = TRACKER_TABS.submissions.name;
const blankNull = (row: readonly unknown[]) => row.map((v) => (v === null ? "" : v));

let world: AppsScriptWorld;
beforeEach(async () => {
  world = new AppsScriptWorld(await builtBundle());
  restore(world, trackerV1());
});

/** Every stored submission, read back from the index rows (v1, or v2 with the signed time in J). */
function received(): ReceivedSubmission[] {
  const sheet = world.spreadsheet.sheet("_submissions")!;
  const first = sheet.dump()[0]![9] === "submittedAt" ? 10 : 9;
  return sheet.dump(2).map((row) => ({
    submission: Submission.parse(
      JSON.parse(
        row
          .slice(first, first + Number(row[8]))
          .map(String)
          .join(""),
      ),
    ),
    revision: Number(row[5]),
    receivedAt: String(row[0]),
  }));
}

describe("a tracker made by the first version", () => {
  it("was made with Sheets' default grids and every unit's figures as columns", () => {
    const table = world.spreadsheet.sheet("Tổng hợp 2024")!;
    expect(table.getMaxRows()).toBe(1000);
    expect(table.dump()[0]).toContain("Sở Y tế (SYT)");
    expect(world.spreadsheet.sheet(tabName("unitValues", "2024"))).toBeUndefined();
  });

  it("takes a post before any upgrade, numbering the revision on from the stored ones", () => {
    const s = { ...validReport(template, randomUUID(), V1_UNITS[0]), period: "2025" };
    const answer = JSON.parse(
      world.post(envelopeFor(s, { url: "https://x.invalid", unit: "STTTT", key: V1_KEY }).body)
        .text,
    ) as Answer;
    expect(answer).toMatchObject({ ok: true, receipt: { revision: 3 } });
  });

  it("is brought to this layout by its first consolidation, every stored value kept", () => {
    const before = Object.fromEntries(
      ["_submissions", "_units", LOG].map((n) => [n, world.spreadsheet.sheet(n)!.dump()]),
    );
    const cellsBefore = world.spreadsheet.cellCount();
    world.run("consolidateNow");

    // The index also gains the signed time (column J, the submissions upgrade), read from each
    // stored payload; every other cell stays as it was.
    const SIGNED = 9;
    const index = world.spreadsheet.sheet("_submissions")!.dump();
    expect(index.map((row) => row.filter((_, c) => c !== SIGNED))).toEqual(before._submissions);
    expect(index[0]![SIGNED]).toBe("submittedAt");
    for (const row of index.slice(1)) {
      const payload = String(row[SIGNED + 1]);
      expect(row[SIGNED]).toBe(/"submittedAt":"([^"]+)"/u.exec(payload)![1]);
    }
    for (const [name, cells] of Object.entries(before))
      if (name !== "_submissions")
        expect(world.spreadsheet.sheet(name)!.dump(), name).toEqual(cells);
    expect(world.properties.script.getProperty("chitieu:layout")).toBe("2");
    for (const sheet of world.spreadsheet.sheets.filter((s) => s.getName() !== "Sheet1"))
      expect([sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
        sheet.getName(),
        Math.max(sheet.lastRow(), 2),
        sheet.lastColumn(),
      ]);
    // 11 sheets of 1000 × 26 before; the tracker's own now hold a few thousand cells between them.
    expect(world.spreadsheet.cellCount() - 26_000).toBeLessThan(cellsBefore / 20);

    // Both periods' tables, in this version's two tabs, from the stored submissions.
    for (const period of ["2024", "2025"]) {
      const c = consolidate({
        template,
        units: [...V1_UNITS],
        period,
        submissions: received(),
        now: new Date(),
      });
      for (const tab of [consolidatedTab(c), unitValuesTab(c)]) {
        const sheet = world.spreadsheet.sheet(tab.name);
        expect(sheet, tab.name).toBeDefined();
        expect(sheet!.dump(), tab.name).toEqual(tabGrid(tab, "raw").map(blankNull));
      }
    }
    // The log's colours reach its last row.
    const log = world.spreadsheet.sheet(LOG)!;
    const rule = log.rules.find((r) => r.text === SUPERSEDED)!;
    expect(rule.ranges[0]).toMatch(new RegExp(`2:[A-Z]+${log.getMaxRows()}$`, "u"));

    // Done once: a second consolidation does not run the upgrade again.
    world.calls.reset();
    world.run("consolidateNow");
    expect(world.calls.count("Sheet.deleteRows")).toBe(0);
  });
});
