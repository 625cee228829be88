// `chitieu report --plan <id> --period <p> -o bao-cao.docx`: the report to the People's Committee,
// core's model written as a Word document in the form of Nghị định 30/2020/NĐ-CP.
import type { Command } from "commander";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Period } from "../../core/plan/period.js";
import { buildAnnualReport } from "../../core/report/annual-report.js";
import { periodsUpTo } from "../../core/report/earlier-periods.js";
import type { CommandIO } from "../io.js";
import { storedTemplate } from "../lookup.js";
import { Refusal } from "../refusal.js";
import { reportDocxBytes } from "../report-docx.js";
import { DEFAULT_DATA_DIR, openStore } from "../tracker/open-store.js";

interface ReportOptions {
  plan: string;
  period: string;
  data: string;
  output: string;
}

export function registerReport(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("report")
    .description(
      "Báo cáo UBND (Word, theo Nghị định 30/2020/NĐ-CP) / the report to the People's Committee (.docx)",
    )
    .requiredOption("--plan <id>", "mã biểu mẫu / template id")
    .requiredOption("--period <p>", "kỳ báo cáo / period (2025, 2025-Q4)")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .requiredOption("-o, --output <file.docx>", "tệp Word sẽ ghi / the Word file to write")
    .action(async (opts: ReportOptions) => {
      checkArguments(opts);
      const store = openStore(opts.data);
      let report;
      try {
        const template = storedTemplate(store, opts.plan);
        report = buildAnnualReport({
          template,
          units: store.units(),
          period: opts.period,
          submissions: periodsUpTo(template, opts.period).flatMap((p) =>
            store.submissionsFor(template.id, p),
          ),
          now: new Date(),
        });
      } finally {
        store.close();
      }
      try {
        writeFileSync(opts.output, await reportDocxBytes(report.document));
      } catch (err) {
        throw new Refusal(
          `Không ghi được / cannot write ${opts.output}: ${(err as Error).message}`,
        );
      }
      const s = report.consolidation.summary;
      io.out(`Đã ghi / wrote ${opts.output}`);
      io.out(
        s.unitsSubmitted === 0
          ? `Chưa đơn vị nào nộp báo cáo ${report.consolidation.periodLabel}: báo cáo ghi rõ điều đó / no unit has reported for ${opts.period} yet: the report says so`
          : `${s.unitsSubmitted}/${s.unitsExpected} đơn vị đã nộp / units reported` +
              (report.previous
                ? ""
                : `; chưa có kỳ trước để so sánh / no previous period to compare with`),
      );
      setExit(0);
    });
}

/** Unusable arguments are refused before the tracker is opened or anything is written. */
function checkArguments(opts: ReportOptions) {
  if (!Period.safeParse(opts.period).success)
    throw new Refusal(
      `Kỳ báo cáo "${opts.period}" không hợp lệ: dạng 2025, 2025-H1 hoặc 2025-Q4 / bad period "${opts.period}": use 2025, 2025-H1 or 2025-Q4`,
    );
  if (!/\.docx$/iu.test(opts.output))
    throw new Refusal(
      `-o ${opts.output}: tên tệp phải kết thúc bằng .docx / the file name must end in .docx`,
    );
  const output = statSync(opts.output, { throwIfNoEntry: false });
  if (output?.isDirectory())
    throw new Refusal(`-o ${opts.output} là một thư mục / is a folder: name a .docx file`);
  const folder = dirname(resolve(opts.output));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new Refusal(
      `Thư mục ${folder} không tồn tại: tạo nó trước / the folder ${folder} does not exist: create it first (-o ${opts.output})`,
    );
  // A report reads a tracker; it never makes an empty one where the administrator mistyped a path.
  if (!existsSync(join(opts.data, "tracker.sqlite")))
    throw new Refusal(
      `Không có dữ liệu tracker trong ${opts.data} (chưa chạy chitieu serve?) / no tracker data in ${opts.data} (has chitieu serve run there?)`,
    );
}
