// A tracker spreadsheet made the way a consolidator makes one, through the bundle's own menu
// functions: set up for a plan and period, units imported as CSV, unit keys in the script properties.
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { AppsScriptWorld, builtBundle } from "./runtime.js";

export interface TrackerPreset {
  planId: string;
  period: string;
  units: readonly Unit[];
  /** unit code → key, as "Cấp mã truy cập" would have stored them. */
  keys?: Readonly<Record<string, string>>;
  /** Runs before the bundle, in its context: to take away what an older runtime lacks. */
  prelude?: string;
  /** The project's HTML files, as for AppsScriptWorld. */
  files?: Readonly<Record<string, string>>;
}

const csvField = (s: string) => (/[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);

export function unitsCsv(units: readonly Unit[]): string {
  return [
    "code,name,kind,level",
    ...units.map((u) => [u.code, u.name, u.kind, u.level].map(csvField).join(",")),
  ].join("\n");
}

export async function trackerWorld(preset: TrackerPreset): Promise<AppsScriptWorld> {
  const world = new AppsScriptWorld(await builtBundle(), {
    ...(preset.prelude === undefined ? {} : { prelude: preset.prelude }),
    files: preset.files,
  });
  world.ui.answer(preset.planId).answer(preset.period);
  world.run("setupTracker");
  if (world.ui.unanswered() !== 0)
    throw new Error("setupTracker did not ask for the plan and the period");
  const imported = world.run<{ ok: boolean; problems: string[] }>(
    "importUnitsCsv",
    unitsCsv(preset.units),
  );
  if (!imported.ok) throw new Error(`unit import failed: ${imported.problems.join("; ")}`);
  for (const [unit, key] of Object.entries(preset.keys ?? {}))
    world.properties.script.setProperty(`key:${unit}`, key);
  world.calls.reset();
  world.ui.alerts.length = 0;
  return world;
}

/** Stored submissions: the rows under the header of the hidden "_submissions" sheet. */
export function storedCount(world: AppsScriptWorld): number {
  return Math.max(0, (world.spreadsheet.sheet("_submissions")?.lastRow() ?? 1) - 1);
}
