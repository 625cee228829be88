// Everything a consolidator's action needs, read once: the configured plan, the unit registry and
// every stored submission (one getValues per sheet), handed to core as plain data.
import type { Consolidation, ReceivedSubmission } from "../../src/core/tracker/consolidate.js";
import { consolidate } from "../../src/core/tracker/consolidate.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { primaryPlan, readConfig, type TrackerConfig } from "./config.js";
import { UNITS_SHEET } from "./sheets.js";
import { decodeRow, type DecodedRow } from "./submission-rows.js";
import { registryRows, storedRows, successionRows, unitFromRow } from "./sheet-store.js";
import { UnitHistory } from "../../src/core/plan/unit-history.js";
import { templateById } from "./templates.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TrackerData {
  config: TrackerConfig;
  /** The plan the tracker was set up for (the dashboard's and the plain-named tabs'). */
  template: Template;
  /** Every plan it follows, that one first. */
  templates: Template[];
  units: Unit[];
  /** Registry rows that no longer parse (someone edited the hidden sheet), located. */
  unitProblems: string[];
  rows: DecodedRow[];
  received: ReceivedSubmission[];
  /** The units with who succeeded whom: leads resolve through it. */
  history: UnitHistory;
}

export const NOT_SET_UP =
  "Chưa thiết lập tracker: chọn Chỉ tiêu › Thiết lập tracker… / The tracker is not set up yet: Chỉ tiêu › Thiết lập tracker…";

export function loadTracker(ss: Spreadsheet): TrackerData | undefined {
  const config = readConfig();
  const template = config && templateById(primaryPlan(config));
  if (!config || !template) return undefined;
  const templates = config.plans.flatMap((id) => templateById(id) ?? []);
  const units: Unit[] = [];
  const unitProblems: string[] = [];
  registryRows(ss).forEach((row, i) => {
    const unit = unitFromRow(row);
    if (unit) units.push(unit);
    else unitProblems.push(`${UNITS_SHEET} dòng/row ${i + 2}: ${row.join(", ")}`);
  });
  const rows = storedRows(ss).map(decodeRow);
  const received = rows.flatMap((r) => (r.ok ? [r.received] : []));
  const history = new UnitHistory(units, successionRows(ss));
  return { config, template, templates, units, unitProblems, rows, received, history };
}

export function consolidationOf(
  data: TrackerData,
  now: Date,
  template: Template = data.template,
): Consolidation {
  return consolidate({
    template,
    units: data.units,
    history: data.history,
    period: data.config.period,
    submissions: data.received,
    now,
  });
}
