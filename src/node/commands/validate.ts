// `chitieu validate <file.xlsx | submission.json>`: core's checks on a filled report, from a terminal.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { checkSheet } from "../../core/check-sheet.js";
import type { Issue } from "../../core/issues.js";
import { formatIssue } from "../../core/issues.js";
import { readHeader } from "../../core/read-sheet.js";
import { Submission } from "../../core/submission-schema.js";
import { jsonPath } from "../../core/template-load.js";
import { validateDraft } from "../../core/validate.js";
import type { CommandIO } from "../io.js";
import { readWorkbookGrid } from "../xlsx.js";
import { CommandRefusal, findTemplate, findUnit, loadUnits } from "./template.js";

interface ValidateOptions {
  json?: boolean;
  now?: string;
  units?: string;
}

const Moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  if (Moment.safeParse(text).success) return new Date(text);
  throw new CommandRefusal(
    `--now "${text}" không phải thời điểm ISO 8601 / is not an ISO 8601 time ` +
      "(2025-11-30T10:00:00+07:00)",
  );
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function checkWorkbook(file: string, now: Date): Promise<Issue[]> {
  const grid = await readWorkbookGrid(file).catch((err: unknown) => {
    throw new CommandRefusal(`không đọc được tệp .xlsx / cannot read the .xlsx: ${reasonOf(err)}`);
  });
  const header = readHeader(grid.values, grid.sheetName);
  if (!header.ok) throw new CommandRefusal(formatIssue(header.issue));
  const template = findTemplate(header.templateId);
  return checkSheet(template, grid.values, { formats: grid.formats, now, sheet: grid.sheetName })
    .issues;
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

function checkSubmission(file: string, now: Date, unitsFile: string | undefined): Issue[] {
  const submission = readSubmission(file);
  const template = findTemplate(submission.planId);
  const unit = findUnit(loadUnits(unitsFile), submission.unit);
  return validateDraft(submission, { template, unit, now });
}

function checkFile(file: string, opts: ValidateOptions): Promise<Issue[]> | Issue[] {
  const now = parseNow(opts.now);
  const kind = extname(file).toLowerCase();
  if (kind === ".xlsx") return checkWorkbook(file, now);
  if (kind === ".json") return checkSubmission(file, now, opts.units);
  throw new CommandRefusal("cần tệp .xlsx hoặc .json / expected an .xlsx or .json file");
}

function summaryLine(file: string, errors: number, warnings: number): string {
  if (errors + warnings === 0) return `✓ ${file}: không có lỗi / no problems`;
  const mark = errors ? "✗" : "✓";
  return `${mark} ${file}: ${errors} lỗi, ${warnings} cảnh báo / ${errors} error(s), ${warnings} warning(s)`;
}

function report(io: CommandIO, file: string, issues: Issue[], json: boolean | undefined): number {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  if (json) {
    io.out(JSON.stringify({ file, ok: errors === 0, errors, warnings, issues }, null, 2));
  } else {
    for (const issue of issues) io.out(`${file}: ${formatIssue(issue)}`);
    io.out(summaryLine(file, errors, warnings));
  }
  return errors ? 1 : 0;
}

export function registerValidate(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("validate")
    .description("Kiểm tra báo cáo đã nhập / check a filled report (.xlsx or submission .json)")
    .argument("<file>", "tệp .xlsx hoặc .json / report file")
    .option("--json", "kết quả dạng JSON / print JSON")
    .option("--now <iso>", "thời điểm kiểm tra / the moment of the check (default: now)")
    .option(
      "--units <file>",
      "danh sách đơn vị cho .json / unit list (default: seeds/units/*.json)",
    )
    .action(async (file: string, opts: ValidateOptions) => {
      try {
        setExit(report(io, file, await checkFile(file, opts), opts.json));
      } catch (err) {
        if (!(err instanceof CommandRefusal)) throw err;
        io.err(`${file}${err.at}: ${err.message}`);
        if (opts.json) {
          const at = err.at ? { at: err.at.slice(1) } : {};
          io.out(JSON.stringify({ file, ok: false, error: err.message, ...at }, null, 2));
        }
        setExit(2);
      }
    });
}
