// One function per thing an officer does in the add-in; the task pane and the ribbon button call
// these, and these call core for every decision and Office.js only to read and write the sheet.
import type { AccessCode, AccessCodeProblem } from "../core/wire/access-code.js";
import { readAccessCode } from "../core/wire/access-code.js";
import type { SheetCheck } from "../core/sheet/check-sheet.js";
import { checkSheet } from "../core/sheet/check-sheet.js";
import type { Issue } from "../core/check/issues.js";
import { hasErrors } from "../core/check/issues.js";
import { isoInVietnam } from "../core/plan/period.js";
import { buildLayout } from "../core/sheet/layout.js";
import { readHeader } from "../core/sheet/read-sheet.js";
import type { SendOutcome, Transport } from "../core/wire/submit-client.js";
import { envelopeFor, SubmitQueue } from "../core/wire/submit-client.js";
import { toSubmission } from "../core/check/submission-schema.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import type { Result } from "../core/text/result.js";
import { err, ok } from "../core/text/result.js";
import {
  loadTemplateSheet,
  queueMarks,
  queueReceiptLogLookup,
  queueReceipts,
  queueSummary,
  readActiveSheet,
  readLayoutArea,
  selectCell,
} from "./office/report-sheet.js";
import type { Notice } from "./notices.js";
import { noticeOf, notices, summaryWords } from "./notices.js";
import type { ReceiptRow, SheetContent } from "./office/report-sheet.js";
import type { KeyValueStore } from "./storage.js";
import { queueStorage, receiptStorage } from "./storage.js";
import type { TrackerClient } from "./tracker-client.js";

export interface AddinDeps {
  /** Excel.run, or the in-memory Excel of the tests. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  tracker: TrackerClient;
  store: KeyValueStore;
  transport: Transport;
  now(): Date;
  newId(): string;
  /** The pane's own protocol (location.protocol): "https:" wherever Office loads it. */
  pageProtocol: string;
}

/**
 * The code kept in the add-in: undefined when none was kept, or why the kept one no longer reads
 * (the pane treats it as no code, and says so).
 */
export function storedAccessCode(
  deps: AddinDeps,
): Result<AccessCode, AccessCodeProblem> | undefined {
  const kept = deps.store.get("access-code");
  return kept === null ? undefined : readAccessCode(kept);
}

/** The code kept and its unit, or why it was not kept. */
export type SavedCode = Result<
  { code: AccessCode; unit: Unit },
  AccessCodeProblem | { kind: "insecure-tracker" } | { kind: "unreachable" }
>;

/**
 * An https page's requests to an http:// address are blocked as mixed content; loopback is exempt
 * ("potentially trustworthy" in W3C Mixed Content), so a tracker on the same machine still works.
 */
function blockedAsMixedContent(url: string, pageProtocol: string): boolean {
  const target = new URL(url);
  return (
    pageProtocol === "https:" &&
    target.protocol === "http:" &&
    !/^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/u.test(target.hostname)
  );
}

/**
 * Checks the pasted code before keeping it: its form, then whether this pane may reach its
 * tracker at all (said now, not as "cannot reach the tracker" later), then its unit there.
 */
export async function saveAccessCode(deps: AddinDeps, text: string): Promise<SavedCode> {
  const read = readAccessCode(text);
  if (!read.ok) return read;
  const code = read.value;
  if (blockedAsMixedContent(code.url, deps.pageProtocol)) return err({ kind: "insecure-tracker" });
  const unit = await deps.tracker.unit(code).catch(() => undefined);
  if (!unit) return err({ kind: "unreachable" });
  deps.store.set("access-code", text.trim());
  return ok({ code, unit });
}

export function forgetAccessCode(deps: AddinDeps): void {
  deps.store.remove("access-code");
}

export async function loadTemplate(
  deps: AddinDeps,
  code: AccessCode,
  planId: string,
  period: string,
) {
  const [template, unit] = await Promise.all([
    deps.tracker.template(code, planId),
    deps.tracker.unit(code),
  ]);
  return deps.run((context) => loadTemplateSheet(context, template, unit, period));
}

export interface CheckOutcome {
  sheetName: string;
  issues: Issue[];
  errors: number;
  warnings: number;
  summary: string;
  check?: SheetCheck;
  template?: Template;
  /** Why the figures could not be checked at all: no access code, no template. */
  notice?: Notice;
  /** The sheet is a report, so the summary went into its summary cell. */
  shownInSheet: boolean;
}

/** What reading the active sheet found, before anything is written. */
interface Reading {
  content: SheetContent;
  /** The header is a report's: the sheet is ours to write the summary into. */
  report: boolean;
  issues: Issue[];
  check?: SheetCheck;
  template?: Template;
  notice?: Notice;
}

function summaryOf(reading: Reading, now: Date, sent?: string): string {
  const time = summaryWords.checkedAt.vi({ time: isoInVietnam(now).slice(11, 16) });
  if (reading.notice) return `${time}: ${reading.notice.vi} / ${reading.notice.en}`;
  const { issues, check } = reading;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const found =
    errors + warnings === 0
      ? summaryWords.clean.vi()
      : summaryWords.counted.vi({ errors, warnings });
  // A problem of the whole sheet (an old version, edited labels) colours no input cell: name it.
  const whole = check?.layout ? undefined : issues.find((i) => i.severity === "error");
  return `${sent ? `${sent} · ` : ""}${time}: ${found}${whole ? ` — ${whole.message.vi}` : ""}`;
}

function outcomeOf(reading: Reading, summary: string): CheckOutcome {
  const { content, issues, check, template, notice, report } = reading;
  const errors = issues.filter((i) => i.severity === "error").length;
  return {
    sheetName: content.sheetName,
    issues,
    errors,
    warnings: issues.length - errors,
    summary,
    check,
    template,
    notice,
    shownInSheet: report,
  };
}

/** Reads the active sheet and checks it with core; `template` comes from the tracker or its cache. */
async function readAndCheck(
  context: Excel.RequestContext,
  deps: AddinDeps,
  code: AccessCode | undefined,
): Promise<Reading> {
  let content = await readActiveSheet(context);
  const read = readHeader(content.values as never, content.sheetName);
  if (!read.ok) return { content, report: false, issues: [read.error] };
  const header = read.value;
  if (!code) return { content, report: true, issues: [], notice: notices.noAccessCode };
  const template = await deps.tracker.template(code, header.templateId).catch(() => undefined);
  if (!template) return { content, report: true, issues: [], notice: notices.noTemplate };
  if (!content.complete) {
    const layout = buildLayout(template, header.unit, header.period);
    content = await readLayoutArea(context, content.sheetName, layout);
  }
  const check = checkSheet(template, content.values as never, {
    formats: content.formats as never,
    now: deps.now(),
    sheet: content.sheetName,
  });
  return { content, report: true, issues: check.issues, check, template };
}

/**
 * The write half of a check, on a report sheet only (another sheet is not ours to write): the
 * summary, the marks where the layout is known, and with `selectFirst` the first cell to fix.
 */
async function writeOutcome(
  context: Excel.RequestContext,
  reading: Reading,
  summary: string,
  selectFirst = false,
) {
  if (!reading.report) return;
  const sheet = context.workbook.worksheets.getItem(reading.content.sheetName);
  if (reading.check?.layout) queueMarks(sheet, reading.check.layout, reading.check, summary);
  else queueSummary(sheet, summary);
  const first = reading.issues.find((i) => i.location.cell)?.location.cell;
  if (selectFirst && first) {
    sheet.activate();
    sheet.getRange(first).select();
  }
  await context.sync();
}

/**
 * The one-click check: one read, one write (the marks and the summary in the sheet). From the
 * ribbon, `selectFirst` also selects the first cell to fix, in the same write.
 */
export async function checkReport(
  deps: AddinDeps,
  options: { selectFirst?: boolean } = {},
): Promise<CheckOutcome> {
  const stored = storedAccessCode(deps);
  const code = stored?.ok ? stored.value : undefined;
  return deps.run(async (context) => {
    const reading = await readAndCheck(context, deps, code);
    const summary = summaryOf(reading, deps.now());
    await writeOutcome(context, reading, summary, options.selectFirst);
    return outcomeOf(reading, summary);
  });
}

export interface SubmitResult extends CheckOutcome {
  outcome?: SendOutcome;
  /** The tracker answered but Excel could not show it in the sheet; a receipt is kept all the same. */
  sheetNotice?: Notice;
}

/**
 * Check, then send, then show: three steps, so that whatever Excel does after the tracker answered
 * (a cell being edited, say), the receipt is kept in the add-in and shown. An unsent report stays
 * queued and the sheet says so. One read sync and one write sync.
 */
export async function submitReport(deps: AddinDeps, code: AccessCode): Promise<SubmitResult> {
  const read = await deps.run(async (context) => {
    const log = queueReceiptLogLookup(context);
    const reading = await readAndCheck(context, deps, code);
    const { check, template } = reading;
    if (!check?.layout || !check.draft || !template || hasErrors(reading.issues)) {
      const summary = summaryOf(reading, deps.now());
      await writeOutcome(context, reading, summary);
      return { ready: false as const, done: outcomeOf(reading, summary) };
    }
    return { ready: true as const, reading, layout: check.layout, draft: check.draft, check, log };
  });
  if (!read.ready) return read.done;

  const { reading, layout, check } = read;
  const logExists = !read.log.isNullObject;
  const now = deps.now();
  const submission = toSubmission(read.draft, {
    submissionId: deps.newId(),
    submittedAt: isoInVietnam(now),
  });
  const queue = new SubmitQueue(queueStorage(deps.store), deps.transport);
  const outcome = await queue.submit(envelopeFor(submission, code), now.getTime());
  const receipts = receiptStorage(deps.store);
  if (outcome.kind === "accepted") {
    const { planId, period } = submission;
    receipts.keep([{ receipt: outcome.answer.receipt, planId, period }]);
  }
  const sent =
    outcome.kind === "accepted"
      ? summaryWords.sent.vi({ revision: outcome.answer.receipt.revision })
      : outcome.kind === "refused"
        ? summaryWords.refused.vi({ code: outcome.answer.error.code })
        : summaryWords.queued.vi();
  const summary = summaryOf(reading, now, sent);
  const result = { ...outcomeOf(reading, summary), outcome };
  const unlogged = receipts.unlogged();
  try {
    await deps.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(reading.content.sheetName);
      queueMarks(sheet, layout, check, summary);
      queueReceipts(context, logExists, unlogged);
      await context.sync();
    });
    receipts.logged(unlogged);
    return result;
  } catch (thrown) {
    return { ...result, sheetNotice: noticeOf(thrown) };
  }
}

export function pendingCount(deps: AddinDeps): number {
  return queueStorage(deps.store).load().length;
}

/** Receipts the tracker gave that the log sheet does not hold yet. */
export function unloggedReceipts(deps: AddinDeps): ReceiptRow[] {
  return receiptStorage(deps.store).unlogged();
}

/** The last receipt the tracker gave on this computer, whatever became of the sheet since. */
export function lastReceipt(deps: AddinDeps): ReceiptRow | undefined {
  return receiptStorage(deps.store).last();
}

/** What a queued envelope is about, for its line in the receipt log. */
function aboutQueued(body: string): { planId: string; period: string } {
  try {
    const payload = JSON.parse((JSON.parse(body) as { payload: string }).payload) as {
      planId?: string;
      period?: string;
    };
    return { planId: payload.planId ?? "", period: payload.period ?? "" };
  } catch {
    return { planId: "", period: "" };
  }
}

export interface FlushResult {
  outcomes: SendOutcome[];
  /** Excel could not write the log sheet; the receipts wait in the add-in for the next flush. */
  sheetNotice?: Notice;
}

/**
 * Sends what waits in the queue and logs every receipt not in the log sheet yet. Never throws for
 * Excel: an accepted report's receipt is kept before the sheet is touched.
 */
export async function flushQueue(deps: AddinDeps, force = false): Promise<FlushResult> {
  const queue = new SubmitQueue(queueStorage(deps.store), deps.transport);
  const waiting = new Map(queue.pending().map((q) => [q.submissionId, q]));
  const outcomes = waiting.size ? await queue.flush(deps.now().getTime(), { force }) : [];
  const receipts = receiptStorage(deps.store);
  receipts.keep(
    outcomes.flatMap((o) =>
      o.kind === "accepted"
        ? [{ receipt: o.answer.receipt, ...aboutQueued(waiting.get(o.submissionId)?.body ?? "") }]
        : [],
    ),
  );
  const unlogged = receipts.unlogged();
  if (unlogged.length === 0) return { outcomes };
  try {
    await deps.run(async (context) => {
      const log = queueReceiptLogLookup(context);
      await context.sync();
      queueReceipts(context, !log.isNullObject, unlogged);
      await context.sync();
    });
    receipts.logged(unlogged);
    return { outcomes };
  } catch (thrown) {
    return { outcomes, sheetNotice: noticeOf(thrown) };
  }
}

export function goToCell(deps: AddinDeps, sheetName: string, address: string): Promise<void> {
  return deps.run((context) => selectCell(context, sheetName, address));
}
