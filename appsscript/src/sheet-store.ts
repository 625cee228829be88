// The TrackerStore core's processPost writes through, over this spreadsheet: units from "_units",
// keys from the script properties, submissions appended to "_submissions" and, row per value, to the
// "Nhật ký nộp" log. Reads and writes per post are a small constant, whatever is already stored.
import { currentOf } from "../../src/core/tracker/current-report.js";
import { KEY_PATTERN } from "../../src/core/wire/signature.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type {
  AppendRecord,
  StoredReceipt,
  StoredRevision,
  TrackerStore,
} from "../../src/core/wire/tracker-service.js";
import { submissionLogTab } from "../../src/core/tracker/tracker-tabs.js";
import {
  SUPERSEDED,
  TRACKER_TABS,
  type TrackerTab,
} from "../../src/core/tracker/tracker-tab-layout.js";
import { Unit } from "../../src/core/plan/unit-schema.js";
import { Succession, UnitHistory } from "../../src/core/plan/unit-history.js";
import { keyProperty, type TrackerConfig } from "./config.js";
import { BUSY, withScriptLock } from "./lock.js";
import {
  cellText,
  ensureSheet,
  readBody,
  SUBMISSIONS_SHEET,
  REGISTRY_COLUMNS,
  SUCCESSION_COLUMNS,
  SUCCESSIONS_SHEET,
  UNIT_COLUMNS,
  UNITS_SHEET,
  writeBlock,
} from "./sheets.js";
import {
  decodeIndex,
  encodeRow,
  INDEX_WIDTH,
  SUBMISSION_COLUMNS,
  submissionTextColumns,
  type IndexRow,
} from "./submission-rows.js";
import { ensureRoomForPost, growthOf } from "./capacity.js";
import { colourStatuses, formatNumberColumns } from "./render-tab.js";
import { isLayoutV1, upgradeSubmissions } from "./submissions-upgrade.js";
import { textColumnsOf } from "./tab-style.js";
import { templateById } from "./templates.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOG = TRACKER_TABS.submissions;
const logColumn = (key: (typeof LOG.columns)[number]["key"]) =>
  LOG.columns.findIndex((c) => c.key === key) + 1;

export function unitsSheet(ss: Spreadsheet): Sheet {
  return ensureSheet(ss, UNITS_SHEET, UNIT_COLUMNS, { hidden: true, protect: true });
}

export function submissionsSheet(ss: Spreadsheet): Sheet {
  return ensureSheet(ss, SUBMISSIONS_SHEET, SUBMISSION_COLUMNS, { hidden: true, protect: true });
}

export function logSheet(ss: Spreadsheet, index?: number): Sheet {
  return ensureSheet(
    ss,
    LOG.name,
    LOG.columns.map((c) => c.label),
    { protect: true, ...(index === undefined ? {} : { index }) },
  );
}

export function logSheetIfAny(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(LOG.name);
}

/** The registry's rows as they are; each is parsed with core's Unit schema where it is used. */
export function registryRows(ss: Spreadsheet): string[][] {
  const sheet = ss.getSheetByName(UNITS_SHEET);
  if (!sheet) return [];
  const width = Math.min(sheet.getLastColumn(), REGISTRY_COLUMNS.length);
  return readBody(sheet, Math.max(width, UNIT_COLUMNS.length)).map((row) => row.map(cellText));
}

/** The succession table's rows, each a Succession or dropped when someone broke it by hand. */
export function successionRows(ss: Spreadsheet): Succession[] {
  const sheet = ss.getSheetByName(SUCCESSIONS_SHEET);
  if (!sheet) return [];
  return readBody(sheet, SUCCESSION_COLUMNS.length).flatMap((row) => {
    const [from, to, effective, basis, duty] = row.map(cellText);
    const parsed = Succession.safeParse({ from, to, effective, basis, ...(duty ? { duty } : {}) });
    return parsed.success ? [parsed.data] : [];
  });
}

export function successionsSheet(ss: Spreadsheet): Sheet {
  return ensureSheet(ss, SUCCESSIONS_SHEET, SUCCESSION_COLUMNS, { hidden: true, protect: true });
}

export function unitHistoryOf(ss: Spreadsheet): UnitHistory {
  const units = registryRows(ss).flatMap((row) => {
    const unit = unitFromRow(row);
    return unit ? [unit] : [];
  });
  return new UnitHistory(units, successionRows(ss));
}

/** Every stored row, index and payload, in the order received; a v1 sheet is upgraded first. */
export function storedRows(ss: Spreadsheet): unknown[][] {
  const sheet = ss.getSheetByName(SUBMISSIONS_SHEET);
  const rows = sheet ? withHeader(sheet) : [];
  if (!isLayoutV1(rows[0])) return rows.slice(1);
  // Menu actions do not hold the lock the web app's posts take; the upgrade must.
  const upgraded = withScriptLock(() => {
    upgradeSubmissions(ss);
    return true;
  });
  if (!upgraded) throw new Error(BUSY);
  return withHeader(sheet!).slice(1);
}

/**
 * The header row and every row under it, in one read; nothing (and no read) without a stored
 * row, because the first append writes the header again with its row.
 */
function withHeader(sheet: Sheet, width?: number): unknown[][] {
  const last = sheet.getLastRow();
  const cols = width ?? sheet.getLastColumn();
  return last < 2 || cols < 1 ? [] : sheet.getRange(1, 1, last, cols).getValues();
}

export function unitFromRow(row: readonly string[]): Unit | undefined {
  const parsed = Unit.safeParse({
    code: row[0],
    name: row[1],
    kind: row[2],
    level: row[3],
    ...(row[4] ? { validFrom: row[4] } : {}),
    ...(row[5] ? { validTo: row[5] } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

export class SheetStore implements TrackerStore {
  private registry?: string[][];
  private index?: IndexRow[];

  constructor(
    private readonly ss: Spreadsheet,
    private readonly config: TrackerConfig | undefined,
  ) {}

  unit(code: string): { unit: Unit; key: string } | undefined {
    this.registry ??= registryRows(this.ss);
    const row = this.registry.find((r) => r[0] === code);
    const unit = row && unitFromRow(row);
    if (!unit) return undefined;
    const key = PropertiesService.getScriptProperties().getProperty(keyProperty(code));
    return key && KEY_PATTERN.test(key) ? { unit, key } : undefined;
  }

  unitHistory(): UnitHistory {
    return unitHistoryOf(this.ss);
  }

  /** A tracker spreadsheet takes reports for the plans it was set up for, and no other. */
  template(planId: string): Template | undefined {
    return this.config?.plans.includes(planId) ? templateById(planId) : undefined;
  }

  findSubmission(submissionId: string): StoredReceipt | undefined {
    const row = this.rows().find((r) => r.submissionId === submissionId);
    return (
      row && {
        receipt: { submissionId, revision: row.revision, receivedAt: row.receivedAt },
        payloadHash: row.payloadHash,
      }
    );
  }

  current(planId: string, unit: string, period: string): StoredRevision | undefined {
    return currentOf(this.revisions(planId, unit, period));
  }

  private revisions(planId: string, unit: string, period: string): StoredRevision[] {
    return this.rows()
      .filter((r) => r.planId === planId && r.unit === unit && r.period === period)
      .map((r) => ({
        submissionId: r.submissionId,
        revision: r.revision,
        submittedAt: r.submittedAt,
      }));
  }

  append(record: AppendRecord): StoredReceipt["receipt"] {
    const s = record.submission;
    const rows = this.rows();
    const revision =
      this.revisions(s.planId, s.unit, s.period).reduce((m, r) => Math.max(m, r.revision), 0) + 1;
    const template = this.template(s.planId)!;
    const log = submissionLogTab(template, [
      { submission: s, revision, receivedAt: record.receivedAt },
    ]);
    // An older report than the current one is logged as superseded from the start.
    if (!record.current) {
      const state = LOG.columns.findIndex((c) => c.key === "state");
      for (const row of log.rows) row[state] = SUPERSEDED;
    }
    const row: IndexRow = {
      receivedAt: record.receivedAt,
      submissionId: s.submissionId,
      planId: s.planId,
      unit: s.unit,
      period: s.period,
      revision,
      payloadHash: record.payloadHash,
      logRows: log.rows.length,
      chunks: 0,
      submittedAt: s.submittedAt,
    };
    const logTab = logSheet(this.ss);
    const submissions = submissionsSheet(this.ss);
    const stored = encodeRow(row, record.payload);
    // Every stored submission's rows are in the log: rows past those are a failed attempt's.
    const committed = 1 + rows.reduce((n, r) => n + r.logRows, 0);
    const logEnd = logTab.getLastRow();
    const logTop =
      (logEnd > committed ? rowsLeftBy(logTab, s.submissionId, log.rows.length) : undefined) ??
      logEnd + 1;
    // Refused whole before a cell changes when the spreadsheet has no room for all of it.
    ensureRoomForPost(
      this.ss,
      () =>
        growthOf(logTab, logTop + log.rows.length - 1, log.header.length) +
        growthOf(submissions, rows.length + 2, stored.length),
    );
    // The index row is the commit, written last: the log's rows and the previous revision's mark
    // go first, so a failure leaves no stored report that lacks them, and the resend (which finds
    // no index row) writes them again over what the failed attempt left.
    writeLogRows(logTab, logTop, log);
    const previous =
      record.replaces && rows.find((r) => r.submissionId === record.replaces!.submissionId);
    if (previous && previous.logRows > 0) supersede(logTab, previous);
    // The first row goes with the header, so a sheet left with only the header of an older
    // layout takes today's.
    writeBlock(
      submissions,
      rows.length === 0 ? 1 : rows.length + 2,
      rows.length === 0 ? [[...SUBMISSION_COLUMNS], stored] : [stored],
      submissionTextColumns(stored.length),
    );
    rows.push(row);
    return { submissionId: s.submissionId, revision, receivedAt: record.receivedAt };
  }

  /** The index, header included in the same read; a v1 sheet is upgraded (the post holds the lock). */
  private rows(): IndexRow[] {
    if (!this.index) {
      const sheet = this.ss.getSheetByName(SUBMISSIONS_SHEET);
      let grid = sheet ? withHeader(sheet, INDEX_WIDTH) : [];
      if (isLayoutV1(grid[0])) {
        upgradeSubmissions(this.ss);
        grid = withHeader(sheet!, INDEX_WIDTH);
      }
      this.index = grid.slice(1).map(decodeIndex);
    }
    return this.index;
  }
}

/**
 * The rows of `submissionId` already in the log, when they sit together: a failed attempt's. The
 * search runs only when the log holds more rows than the stored submissions account for.
 */
function rowsLeftBy(sheet: Sheet, submissionId: string, count: number): number | undefined {
  const last = sheet.getLastRow();
  if (last < 2) return undefined;
  const found = sheet
    .getRange(2, logColumn("submissionId"), last - 1, 1)
    .createTextFinder(submissionId)
    .matchEntireCell(true)
    .findAll();
  if (found.length !== count) return undefined;
  const first = found[0]!.getRow();
  return found.every((r, i) => r.getRow() === first + i) ? first : undefined;
}

/**
 * Writes the submission's rows from `top`: after the last row, or over the ones a failed attempt
 * left. Rows added below the sheet's edge are outside the colour rules' ranges, so those follow.
 */
function writeLogRows(sheet: Sheet, top: number, log: TrackerTab): void {
  if (log.rows.length === 0) return;
  const height = sheet.getMaxRows();
  writeBlock(sheet, top, log.rows, textColumnsOf(log));
  formatNumberColumns(sheet, log, top, top + log.rows.length - 1);
  if (sheet.getMaxRows() !== height) colourLog(sheet);
}

/** The log's status colours, over every row it has. */
export function colourLog(sheet: Sheet): void {
  colourStatuses(sheet, { key: "submissions", columns: LOG.columns.map((c) => c.key) });
}

/**
 * Turns the previous revision's rows from "Hiện hành" to "Đã thay thế". They were appended
 * together; if someone has sorted or edited the log since, they are left as they are rather
 * than overwriting rows that belong to another submission.
 */
function supersede(sheet: Sheet, previous: IndexRow): void {
  const last = sheet.getLastRow();
  if (last < 2) return;
  const idColumn = logColumn("submissionId");
  const found = sheet
    .getRange(2, idColumn, last - 1, 1)
    .createTextFinder(previous.submissionId)
    .matchEntireCell(true)
    .findNext();
  if (!found) return;
  const first = found.getRow();
  if (first + previous.logRows - 1 > last) return;
  const ids = sheet.getRange(first, idColumn, previous.logRows, 1).getValues();
  if (!ids.every((r) => cellText(r[0]) === previous.submissionId)) return;
  sheet
    .getRange(first, logColumn("state"), previous.logRows, 1)
    .setValues(ids.map(() => [SUPERSEDED]));
}
