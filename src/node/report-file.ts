// Reading a filled report from disk, an .xlsx workbook or a submission .json, and checking it.
import { readFileSync } from "node:fs";
import { checkSheet } from "../core/check-sheet.js";
import type { Issue } from "../core/issues.js";
import { formatIssue } from "../core/issues.js";
import type { SubmissionDraft } from "../core/read-sheet.js";
import { readHeader } from "../core/read-sheet.js";
import { Submission } from "../core/submission-schema.js";
import { jsonPath } from "../core/template-load.js";
import type { Template } from "../core/template-schema.js";
import type { Unit } from "../core/unit-schema.js";
import { validateDraft } from "../core/validate.js";
import { CommandRefusal, findTemplate, findUnit, loadUnits } from "./lookup.js";
import { readWorkbookGrid } from "./xlsx.js";

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

export async function checkWorkbookFile(file: string, now: Date): Promise<CheckedReport> {
  const grid = await readWorkbookGrid(file).catch((err: unknown) => {
    throw new CommandRefusal(`không đọc được tệp .xlsx / cannot read the .xlsx: ${reasonOf(err)}`);
  });
  const header = readHeader(grid.values, grid.sheetName);
  if (!header.ok) throw new CommandRefusal(formatIssue(header.issue));
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

function readSubmission(file: string): Submission {
  let text: string;
  try {
    // Windows editors save JSON with a byte-order mark that JSON.parse refuses.
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    throw new CommandRefusal(`không đọc được / cannot read: ${reasonOf(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CommandRefusal(
      `JSON không hợp lệ / invalid JSON: ${reasonOf(err)}`,
      jsonErrorAt(text, err),
    );
  }
  const parsed = Submission.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new CommandRefusal(
    "không phải báo cáo hợp lệ / not a valid submission:\n" +
      parsed.error.issues.map((i) => `  ${jsonPath(i.path)}: ${i.message}`).join("\n"),
  );
}

export function checkSubmissionFile(
  file: string,
  now: Date,
  unitsFile: string | undefined,
): CheckedReport {
  const submission = readSubmission(file);
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
