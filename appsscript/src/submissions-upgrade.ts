// Layout v1 of "_submissions" (the first release: no signed time in the index, the payload from
// column J) to today's (submission-rows.ts): the sheet is copied aside first, then a column is
// inserted and filled from each stored payload, and the visible log re-marked by core's
// current-report rule. Runs once, under the script lock, whichever action meets the old layout first.
import { currentOf } from "../../src/core/tracker/current-report.js";
import { CURRENT, SUPERSEDED, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import { cellText, fitSheet, SUBMISSIONS_SHEET } from "./sheets.js";
import { decodeIndex, type IndexRow } from "./submission-rows.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const V1_INDEX_WIDTH = 9;
const SIGNED_COLUMN = V1_INDEX_WIDTH + 1;
export const BACKUP_SHEET = "_submissions (sao lưu v1 / backup v1)";

/** The header row of a v1 sheet: the chunk count last, nothing named after it. */
export function isLayoutV1(header: readonly unknown[] | undefined): boolean {
  return (
    header !== undefined &&
    cellText(header[V1_INDEX_WIDTH - 1]) === "chunks" &&
    cellText(header[V1_INDEX_WIDTH]) !== "submittedAt"
  );
}

/** The caller holds the script lock. Does nothing when the sheet is already in today's layout. */
export function upgradeSubmissions(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(SUBMISSIONS_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 1) return;
  const grid = sheet
    .getRange(1, 1, last, Math.max(SIGNED_COLUMN, sheet.getLastColumn()))
    .getValues();
  if (!isLayoutV1(grid[0])) return;

  let name = BACKUP_SHEET;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${BACKUP_SHEET} ${n}`;
  const backup = sheet.copyTo(ss).setName(name);
  // A copy keeps the old grid (often 1000 × 26): sized to what it holds, it costs no cells for nothing.
  fitSheet(backup, backup.getLastRow(), backup.getLastColumn());
  backup.hideSheet();
  backup.protect().setWarningOnly(true);

  const rows = grid.slice(1);
  const signed = rows.map((cells) => signedTimeOf(cells));
  sheet.insertColumnsAfter(V1_INDEX_WIDTH, 1);
  // Plain text, so Sheets keeps the time as it was signed instead of reading it as a date.
  const column = sheet.getRange(1, SIGNED_COLUMN, last, 1);
  column.setNumberFormat("@");
  column.setValues([["submittedAt"], ...signed.map((t) => [t])]);

  const index = rows.map((cells, i) => ({ ...decodeIndex(cells), submittedAt: signed[i]! }));
  remarkLog(ss, index);
}

/** The payload of a v1 row is in the columns after the index; an unreadable one has no time. */
function signedTimeOf(cells: readonly unknown[]): string {
  const chunks = Number(cells[V1_INDEX_WIDTH - 1]) || 0;
  const payload = cells
    .slice(V1_INDEX_WIDTH, V1_INDEX_WIDTH + chunks)
    .map(cellText)
    .join("");
  try {
    const at = (JSON.parse(payload) as { submittedAt?: unknown }).submittedAt;
    return typeof at === "string" ? at : "";
  } catch {
    return "";
  }
}

/** Every logged row of a stored submission gets the state the rule gives it; other rows stay. */
function remarkLog(ss: Spreadsheet, index: readonly IndexRow[]): void {
  const log = ss.getSheetByName(TRACKER_TABS.submissions.name);
  const last = log?.getLastRow() ?? 0;
  if (!log || last < 2) return;
  const groups = new Map<string, IndexRow[]>();
  for (const row of index) {
    const key = `${row.planId}\u0000${row.unit}\u0000${row.period}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const current = new Set([...groups.values()].map((g) => currentOf(g)?.submissionId));
  const known = new Set(index.map((r) => r.submissionId));
  const columns = TRACKER_TABS.submissions.columns;
  const idColumn = columns.findIndex((c) => c.key === "submissionId") + 1;
  const stateColumn = columns.findIndex((c) => c.key === "state") + 1;
  const ids = log.getRange(2, idColumn, last - 1, 1).getValues();
  const states = log.getRange(2, stateColumn, last - 1, 1);
  const was = states.getValues();
  states.setValues(
    ids.map(([id], i) => {
      const text = cellText(id);
      if (!known.has(text)) return [was[i]![0]];
      return [current.has(text) ? CURRENT : SUPERSEDED];
    }),
  );
}
