// Brings a tracker spreadsheet an earlier version made to this version's layout, once, in place.
// Only blank cells and derived tabs change: the stored submissions, the unit list and the log keep
// every value (and Google's File › Version history keeps the spreadsheet as it was before).
import { consolidate } from "../../src/core/tracker/consolidate.js";
import { consolidatedTab, unitValuesTab } from "../../src/core/tracker/tracker-tabs.js";
import { compactTracker, periodTabOf, trackerSheets } from "./compact.js";
import { writeTabs } from "./render-tab.js";
import { colourLog, logSheetIfAny } from "./sheet-store.js";
import type { TrackerData } from "./tracker-data.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LAYOUT_PROPERTY = "chitieu:layout";
/**
 * 1: Sheets' default grids grown 500 rows ahead, and every unit's figures as columns of
 * "Tổng hợp <kỳ>". 2: every tracker tab its content's size; the figures a row per unit in
 * "Số liệu đơn vị <kỳ>".
 */
export const LAYOUT_VERSION = 2;

export function upgradeLayout(ss: Spreadsheet, data: TrackerData, now: Date): void {
  const props = PropertiesService.getScriptProperties();
  if (Number(props.getProperty(LAYOUT_PROPERTY) ?? "1") >= LAYOUT_VERSION) return;
  compactTracker(ss);
  // Each earlier period's table again, in this version's two tabs; the configured period's is
  // written by the consolidation that follows.
  let whole = true;
  for (const sheet of trackerSheets(ss)) {
    const tab = periodTabOf(sheet.getName());
    if (tab?.key !== "consolidated" || tab.period === data.config.period) continue;
    const c = consolidate({
      template: data.template,
      units: data.units,
      period: tab.period,
      submissions: data.received,
      now,
    });
    whole = writeTabs(ss, [consolidatedTab(c), unitValuesTab(c)]) && whole;
  }
  const log = logSheetIfAny(ss);
  if (log) colourLog(log);
  // Without room for every table, the upgrade is tried again at the next consolidation.
  if (whole) props.setProperty(LAYOUT_PROPERTY, String(LAYOUT_VERSION));
}
