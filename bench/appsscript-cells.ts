// Benchmark: the cells a Google Sheet tracker uses (every row by every column of every sheet, what
// counts against Sheets' 10-million-cell limit) after 1, 100 and 3,321 units' reports, then after a
// second period. The built Code.js runs in the fake Apps Script (node:vm), posting each report
// through doPost and consolidating through the menu. Budget (DESIGN.md): under 50% of the limit
// after two periods at 3,321 units.
import { performance } from "node:perf_hooks";
import type { Submission } from "../src/core/check/submission-schema.js";
import { envelopeFor } from "../src/core/wire/submit-client.js";
import type { Template } from "../src/core/plan/template-schema.js";
import type { Unit } from "../src/core/plan/unit-schema.js";
import { findTemplate } from "../src/node/lookup.js";
import { AppsScriptWorld, builtBundle } from "../test/fakes/apps-script/runtime.js";
import { SPREADSHEET_CELL_LIMIT } from "../test/fakes/apps-script/spreadsheet.js";
import { unitsCsv } from "../test/fakes/apps-script/tracker.js";
import { validReport } from "../test/fixtures/reports.js";

const SIZES = (process.env.UNITS ?? "1,100,3321").split(",").map(Number);
const template = findTemplate("can-tho-2256");
const KEY = "be".repeat(32);
const PERIODS = ["2025", "2026"] as const;

// Departments, then districts, then communes: the shape of a province before the 2025 merger.
function unitList(n: number): Unit[] {
  return Array.from({ length: n }, (_, i): Unit => {
    if (i < 30) return { code: `S${i}`, name: `Sở ${i}`, kind: "department", level: "province" };
    if (i < 130)
      return { code: `H${i}`, name: `UBND huyện ${i}`, kind: "district", level: "district" };
    return { code: `${30000 + i}`, name: `UBND xã ${i}`, kind: "commune", level: "commune" };
  });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A complete report that meets every target (so needs no explanations), for the period. */
function report(t: Template, unit: Unit, n: number, period: string): Submission {
  return {
    ...validReport(t, uuid(n), unit),
    period,
    submittedAt: `${period}-12-05T10:00:00.000+07:00`,
  };
}

interface Row {
  units: number;
  after: string;
  cells: number;
  share: string;
  largest: string;
  msPerPost: number;
}

const bundle = await builtBundle();
const rows: Row[] = [];
for (const size of SIZES) {
  const world = new AppsScriptWorld(bundle);
  const units = unitList(size);
  let n = 0;
  for (const [p, period] of PERIODS.entries()) {
    world.ui.answer(template.id).answer(period);
    world.run("setupTracker");
    if (p === 0) {
      world.run("importUnitsCsv", unitsCsv(units));
      world.properties.script.setProperties(
        Object.fromEntries(units.map((u) => [`key:${u.code}`, KEY])),
        false,
      );
    }
    const t0 = performance.now();
    for (const unit of units) {
      const body = envelopeFor(report(template, unit, ++n, period), {
        url: "https://x.invalid",
        unit: unit.code,
        key: KEY,
      }).body;
      const answer = JSON.parse(world.post(body).text) as { ok: boolean; error?: unknown };
      if (!answer.ok) throw new Error(`${unit.code} ${period}: ${JSON.stringify(answer.error)}`);
    }
    const msPerPost = (performance.now() - t0) / units.length;
    world.run("consolidateNow");
    const cells = world.spreadsheet.cellCount();
    const largest = [...world.spreadsheet.sheets]
      .sort((a, b) => b.cellCount() - a.cellCount())
      .slice(0, 3)
      .map((s) => `${s.getName()} ${s.getMaxRows()}×${s.getMaxColumns()}`)
      .join(", ");
    rows.push({
      units: size,
      after: p === 0 ? "1 period" : "2 periods",
      cells,
      share: `${((100 * cells) / SPREADSHEET_CELL_LIMIT).toFixed(1)}%`,
      largest,
      msPerPost: Math.round(msPerPost * 10) / 10,
    });
  }
}

console.log("Google Sheet tracker: cells used (every row × column of every sheet), 10 M limit");
console.table(rows);
const worst = rows.filter((r) => r.after === "2 periods").at(-1);
if (worst)
  console.log(
    `${worst.units} units, two periods: ${worst.share} of the limit (budget < 50%) — ${worst.cells < 0.5 * SPREADSHEET_CELL_LIMIT ? "within" : "OVER"} budget`,
  );
