// Cuts the tracker's own sheets back to what they hold: the rows and columns past the last one with a
// value are blank, yet each counts against the spreadsheet's 10 million cells. An older version left
// Sheets' 1000 × 26 grid on every tab and grew sheets 500 rows ahead.
import { Period } from "../../src/core/plan/period.js";
import { PERIOD_TABS, TRACKER_TABS, type TabKey } from "../../src/core/tracker/tracker-tab-layout.js";
import { fitSheet, SUBMISSIONS_SHEET, UNITS_SHEET } from "./sheets.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FIXED_NAMES = new Set<string>([
  UNITS_SHEET,
  SUBMISSIONS_SHEET,
  ...Object.values(TRACKER_TABS).map((t) => t.name),
]);

/** The period a sheet's name gives it as a per-period tab ("Tổng hợp 2025"), if it is one. */
export function periodTabOf(name: string): { key: TabKey; period: string } | undefined {
  for (const key of PERIOD_TABS) {
    const prefix = `${TRACKER_TABS[key].name} `;
    if (!name.startsWith(prefix)) continue;
    const period = name.slice(prefix.length);
    if (Period.safeParse(period).success) return { key, period };
  }
  return undefined;
}

/** The tracker's own sheets; the consolidator's (and the dashboard, whose charts need room) are left. */
export function trackerSheets(ss: Spreadsheet): Sheet[] {
  return ss
    .getSheets()
    .filter((s) => FIXED_NAMES.has(s.getName()) || periodTabOf(s.getName()) !== undefined);
}

/** Deletes the blank rows and columns past each tracker sheet's last value; no value is touched. */
export function compactTracker(ss: Spreadsheet): void {
  for (const sheet of trackerSheets(ss)) fitSheet(sheet, sheet.getLastRow(), sheet.getLastColumn());
}
