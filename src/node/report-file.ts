// Reading a filled report from disk, an .xlsx workbook or a submission .json, and checking it.
import { extname } from "node:path";
import { checkSheet } from "../core/sheet/check-sheet.js";
import type { Issue } from "../core/check/issues.js";
import { formatIssue } from "../core/check/issues.js";
import type { SubmissionDraft } from "../core/check/submission-schema.js";
import { readHeader } from "../core/sheet/read-sheet.js";
import { Submission } from "../core/check/submission-schema.js";
import { MAX_BODY_BYTES } from "../core/wire/protocol.js";
import { jsonPath } from "../core/plan/template-load.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import { validateDraft } from "../core/check/validate.js";
import { findTemplate, findUnit, loadUnits } from "./lookup.js";
import { Refusal } from "./refusal.js";
import { readRegularFile } from "./regular-file.js";
import { readWorkbookGrid } from "./xlsx.js";
import { WorkbookRefusal, workbookLimits } from "./xlsx-read/refusal.js";

export interface CheckedReport {
  template: Template;
  unit?: Unit;
  /** Absent when the sheet could not be read far enough to make one. */
  draft?: SubmissionDraft;
  /** A .json file already is a submission, with its id and time. */
  submission?: Submission;
  issues: Issue[];
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A file's bytes, or the refusal a person can act on (not a regular file, too large, unreadable). */
export async function readReportFile(file: string, maxBytes: number): Promise<Uint8Array> {
  return readRegularFile(file, maxBytes).catch((err: unknown) => {
    throw err instanceof WorkbookRefusal ? new Refusal(err.message) : err;
  });
}

export async function checkWorkbookFile(file: string, now: Date): Promise<CheckedReport> {
  return checkWorkbookBytes(await readReportFile(file, workbookLimits.fileBytes), now);
}

export async function checkWorkbookBytes(bytes: Uint8Array, now: Date): Promise<CheckedReport> {
  const grid = await readWorkbookGrid(bytes).catch((err: unknown) => {
    // A refusal says what the file is and what to do; anything else is a workbook we misread.
    if (err instanceof WorkbookRefusal) throw new Refusal(err.message);
    throw new Refusal(`không đọc được tệp .xlsx / cannot read the .xlsx: ${reasonOf(err)}`);
  });
  const read = readHeader(grid.values, grid.sheetName);
  if (!read.ok) throw new Refusal(formatIssue(read.error));
  const header = read.value;
  const template = findTemplate(header.templateId);
  const checked = checkSheet(template, grid.values, {
    formats: grid.formats,
    now,
    sheet: grid.sheetName,
  });
  return { template, unit: checked.unit, draft: checked.draft, issues: checked.issues };
}

/** "line:column" of a JSON.parse error, which Node 20 reports only as a character position. */
function jsonErrorAt(text: string, err: unknown): string {
  const position = /position (\d+)/.exec(reasonOf(err))?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position)).split("\n");
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

async function readSubmission(file: string): Promise<Submission> {
  // A submission larger than a tracker accepts could never be sent.
  const bytes = await readReportFile(file, MAX_BODY_BYTES);
  // Windows editors save JSON with a byte-order mark that JSON.parse refuses.
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Refusal(`JSON không hợp lệ / invalid JSON: ${reasonOf(err)}`, {
      at: jsonErrorAt(text, err),
    });
  }
  const parsed = Submission.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new Refusal(
    "không phải báo cáo hợp lệ / not a valid submission:\n" +
      parsed.error.issues.map((i) => `  ${jsonPath(i.path)}: ${i.message}`).join("\n"),
  );
}

export async function checkSubmissionFile(
  file: string,
  now: Date,
  unitsFile: string | undefined,
): Promise<CheckedReport> {
  const submission = await readSubmission(file);
  const template = findTemplate(submission.planId);
  const unit = findUnit(loadUnits(unitsFile), submission.unit);
  return {
    template,
    unit,
    submission,
    draft: submission,
    issues: validateDraft(submission, { template, unit, now }),
  };
}

/**
 * Workbooks of every spreadsheet extension are read, so an .xls or .ods is told to be saved as
 * .xlsx by what it holds, instead of being turned away for its name.
 */
export const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]);

/** A report by its extension: a workbook or a submission .json. */
export async function checkReportFile(
  file: string,
  now: Date,
  unitsFile: string | undefined,
): Promise<CheckedReport> {
  const kind = extname(file).toLowerCase();
  if (WORKBOOK_EXTENSIONS.has(kind)) return checkWorkbookFile(file, now);
  if (kind === ".json") return checkSubmissionFile(file, now, unitsFile);
  throw new Refusal({ vi: "cần tệp .xlsx hoặc .json", en: "expected an .xlsx or .json file" });
}
