// What a push sends: the tracker's data folder (SQLite), or a folder of filled .xlsx reports that
// never went through a tracker, each read and checked as `chitieu validate` would.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { ReceivedSubmission } from "../../core/tracker/consolidate.js";
import type { Issue } from "../../core/check/issues.js";
import { formatIssue } from "../../core/check/issues.js";
import { isoInVietnam } from "../../core/plan/period.js";
import type { SubmissionDraft } from "../../core/check/submission-schema.js";
import { toSubmission } from "../../core/check/submission-schema.js";
import type { Template } from "../../core/plan/template-schema.js";
import type { UnitHistory } from "../../core/plan/unit-history.js";
import type { Unit } from "../../core/plan/unit-schema.js";
import { findTemplate, loadUnits, storedTemplate } from "../lookup.js";
import { Refusal } from "../refusal.js";
import { checkWorkbookBytes, readReportFile, WORKBOOK_EXTENSIONS } from "../report-file.js";
import { workbookLimits } from "../xlsx-read/refusal.js";
import { openStore } from "../tracker/open-store.js";

export interface PushSource {
  template: Template;
  units: Unit[];
  /** The data folder's succession table, where the source is one. */
  history?: UnitHistory;
  submissions: ReceivedSubmission[];
  /** Reports left out, and why. */
  skipped: { file: string; reason: string }[];
  /** What was read, for the person running the command. */
  description: string;
}

export interface SourceOptions {
  plan?: string;
  period: string;
  /** A unit list for a folder of reports; every shipped list otherwise. */
  unitsFile?: string;
  now: Date;
}

const TRACKER_FILE = "tracker.sqlite";

/** A UUID (version 8, RFC 9562) from the file's SHA-256: the same file pushed twice is the same submission. */
function contentId(bytes: Uint8Array): string {
  const h = createHash("sha256").update(bytes).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function onlyPlan(plans: ReadonlySet<string>, where: string): string {
  if (plans.size === 1) return [...plans][0]!;
  throw new Refusal(
    plans.size === 0
      ? `Chưa có báo cáo nào trong ${where}: cần --plan / no reports in ${where}: give --plan`
      : `${where} có báo cáo của nhiều kế hoạch (${[...plans].join(", ")}): chọn --plan / reports of several plans: give --plan`,
  );
}

function fromTracker(dir: string, options: SourceOptions): PushSource {
  const store = openStore(dir);
  try {
    const planId =
      options.plan ??
      onlyPlan(new Set(store.history({ period: options.period }).map((r) => r.planId)), dir);
    const template = storedTemplate(store, planId);
    const submissions = store.submissionsFor(planId, options.period);
    return {
      template,
      units: store.units().map(({ hasKey: _hasKey, ...unit }) => unit),
      history: store.unitHistory(),
      submissions,
      skipped: [],
      description: `${dir}: ${submissions.length} lần nộp / submissions`,
    };
  } finally {
    store.close();
  }
}

interface GoodReport {
  file: string;
  draft: SubmissionDraft;
  unit: Unit;
  id: string;
  mtimeMs: number;
}

function errorSummary(errors: readonly Issue[]): string {
  const more = errors.length > 1 ? ` (+${errors.length - 1})` : "";
  return `${errors.length} lỗi / errors: ${formatIssue(errors[0]!)}${more}`;
}

async function readReport(
  path: string,
  file: string,
  options: SourceOptions,
): Promise<GoodReport | string> {
  let bytes, checked;
  try {
    bytes = await readReportFile(path, workbookLimits.fileBytes);
    checked = await checkWorkbookBytes(bytes, options.now);
  } catch (err) {
    if (err instanceof Refusal) return err.message;
    throw err;
  }
  const errors = checked.issues.filter((i) => i.severity === "error");
  if (errors.length) return errorSummary(errors);
  const { draft, unit } = checked;
  if (!draft || !unit) return "không đọc được báo cáo / unreadable report";
  if (draft.period !== options.period) {
    return `kỳ ${draft.period}, không phải ${options.period} / period ${draft.period}, not ${options.period}`;
  }
  if (options.plan && draft.planId !== options.plan) {
    return `biểu mẫu ${draft.planId}, không phải ${options.plan} / template ${draft.planId}, not ${options.plan}`;
  }
  return { file, draft, unit, id: contentId(bytes), mtimeMs: statSync(path).mtimeMs };
}

async function fromReports(
  dir: string,
  files: string[],
  options: SourceOptions,
): Promise<PushSource> {
  const skipped: PushSource["skipped"] = [];
  const good: GoodReport[] = [];
  for (const file of files) {
    const report = await readReport(join(dir, file), file, options);
    if (typeof report === "string") skipped.push({ file, reason: report });
    else good.push(report);
  }
  const planId = options.plan ?? onlyPlan(new Set(good.map((r) => r.draft.planId)), dir);
  const template = findTemplate(planId);

  // Oldest file first: a unit's later file is its later revision, as if sent in that order.
  good.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const seen = new Map<string, string>();
  const revisions = new Map<string, number>();
  const submissions: ReceivedSubmission[] = [];
  for (const r of good) {
    const same = seen.get(r.id);
    if (same !== undefined) {
      skipped.push({ file: r.file, reason: `giống hệt / identical to ${same}` });
      continue;
    }
    seen.set(r.id, r.file);
    const revision = (revisions.get(r.unit.code) ?? 0) + 1;
    revisions.set(r.unit.code, revision);
    const receivedAt = isoInVietnam(new Date(r.mtimeMs));
    submissions.push({
      submission: toSubmission(r.draft, { submissionId: r.id, submittedAt: receivedAt }),
      revision,
      receivedAt,
    });
  }

  const units = loadUnits(options.unitsFile);
  const known = new Set(units.map((u) => u.code));
  for (const r of good) {
    if (known.has(r.unit.code)) continue;
    known.add(r.unit.code);
    units.push(r.unit);
  }
  return {
    template,
    units,
    submissions,
    skipped,
    description: `${dir}: ${submissions.length}/${files.length} tệp .xlsx / .xlsx files`,
  };
}

/** The data folder when it holds a tracker, else the .xlsx reports in it. */
export async function loadPushSource(dir: string, options: SourceOptions): Promise<PushSource> {
  // Before anything under it is opened: a FIFO or a device given for the folder is never read.
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new Refusal(`--from ${dir}: không phải thư mục / not a folder`);
  if (existsSync(join(dir, TRACKER_FILE))) return fromTracker(dir, options);
  const files = existsSync(dir)
    ? readdirSync(dir)
        // "~$…" are Excel's lock files of workbooks open right now. An .xls or .ods is listed as
        // skipped with what to do, not passed over in silence.
        .filter(
          (name) => WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith("~$"),
        )
        .sort()
    : [];
  if (!files.length) {
    throw new Refusal(
      `${dir} không có ${TRACKER_FILE} hay tệp .xlsx nào / holds neither ${TRACKER_FILE} nor .xlsx reports`,
    );
  }
  return fromReports(dir, files, options);
}
