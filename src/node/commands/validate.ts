// `chitieu validate <file.xlsx | submission.json>`: core's checks on a filled report, from a terminal.
import type { Command } from "commander";
import { z } from "zod";
import type { Issue } from "../../core/check/issues.js";
import { formatIssue } from "../../core/check/issues.js";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import { checkReportFile } from "../report-file.js";

interface ValidateOptions {
  json?: boolean;
  now?: string;
  units?: string;
}

const Moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  if (Moment.safeParse(text).success) return new Date(text);
  throw new Refusal(
    `--now "${text}" không phải thời điểm ISO 8601 / is not an ISO 8601 time ` +
      "(2025-11-30T10:00:00+07:00)",
  );
}

async function checkFile(file: string, opts: ValidateOptions): Promise<Issue[]> {
  return (await checkReportFile(file, parseNow(opts.now), opts.units)).issues;
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
        if (!(err instanceof Refusal)) throw err;
        // The refusal names the file, and --json still answers in JSON.
        const at = err.at ? { at: err.at.slice(1) } : {};
        const json = JSON.stringify({ file, ok: false, error: err.message, ...at }, null, 2);
        throw new Refusal(`${file}${err.at}: ${err.message}`, {
          output: opts.json ? json : undefined,
        });
      }
    });
}
