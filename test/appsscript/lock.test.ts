// The menu actions that change the store take the script lock, as posts do: while another
// execution holds it, the action is refused with a message and the spreadsheet is left as it was.
import { describe, expect, it } from "vitest";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { trackerWorld, unitsCsv } from "../fakes/apps-script/tracker.js";
import { reportingUnit } from "../fixtures/reports.js";

const BUSY = "Bảng tính đang bận, thử lại sau / The spreadsheet is busy, try again";
const district: Unit = {
  code: "Q-NINHKIEU",
  name: "UBND quận Ninh Kiều",
  kind: "district",
  level: "district",
};
const everySheet = (world: AppsScriptWorld) =>
  world.spreadsheet.sheets.map((s) => [s.getName(), s.dump()]);

describe("withScriptLock in the menu", () => {
  it("refuses a CSV import while the lock is held, writing nothing; the same import passes once it is free", async () => {
    const world = await trackerWorld({
      planId: "can-tho-2256",
      period: "2025",
      units: [reportingUnit],
    });
    const before = everySheet(world);
    const acquired = world.locks.script.acquired;
    world.locks.script.busy = true;
    const refused = world.run<{ ok: boolean; message: string }>(
      "importUnitsCsv",
      unitsCsv([reportingUnit, district]),
    );
    expect(refused).toMatchObject({ ok: false, message: BUSY });
    expect(world.calls.writes()).toBe(0);
    expect(everySheet(world)).toEqual(before);

    world.locks.script.busy = false;
    const imported = world.run<{ ok: boolean; message: string }>(
      "importUnitsCsv",
      unitsCsv([reportingUnit, district]),
    );
    expect(imported.ok).toBe(true);
    expect(
      world.spreadsheet
        .sheet("_units")!
        .dump()
        .map((r) => r[0]),
    ).toEqual(["code", reportingUnit.code, district.code]);
    expect(world.locks.script.acquired).toBe(acquired + 1);
    expect(world.locks.script.held).toBe(false);
  });

  it("refuses to set up the tracker while the lock is held: the consolidator is told, nothing is laid out", async () => {
    const world = new AppsScriptWorld(await builtBundle());
    world.locks.script.busy = true;
    world.ui.answer("can-tho-2256").answer("2025");
    world.run("setupTracker");
    expect(world.ui.alerts).toEqual([BUSY]);
    expect(world.properties.script.getProperty("chitieu:config")).toBeNull();
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(
      new AppsScriptWorld(await builtBundle()).spreadsheet.sheets.map((s) => s.getName()),
    );
    expect(world.locks.script.acquired).toBe(0);
  });
});
