// `chitieu consolidate --period <p>`: the tracker's consolidation as JSON or as the tracker workbook.
import type { Command } from "commander";
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { consolidate } from "../../core/tracker/consolidate.js";
import { Period } from "../../core/plan/period.js";
import { trackerTabs } from "../../core/tracker/tracker-tabs.js";
import type { CommandIO } from "../io.js";
import { storedTemplate } from "../lookup.js";
import { Refusal } from "../refusal.js";
import { DEFAULT_DATA_DIR, openStore } from "../tracker/open-store.js";
import { trackerWorkbook } from "../tracker/tracker-workbook.js";

interface ConsolidateOptions {
  period: string;
  plan: string;
  data: string;
  json?: boolean;
  output?: string;
}

export function registerConsolidate(
  program: Command,
  io: CommandIO,
  setExit: (code: number) => void,
) {
  program
    .command("consolidate")
    .description("Tổng hợp báo cáo của các đơn vị / consolidate the units' reports")
    .requiredOption("--period <p>", "kỳ báo cáo / period (2025, 2025-Q4)")
    .option("--plan <id>", "mã biểu mẫu / template id", "can-tho-2256")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .option("--json", "in JSON / print JSON")
    .option("-o, --output <file.xlsx>", "ghi bảng theo dõi .xlsx / write the tracker workbook")
    .action(async (opts: ConsolidateOptions) => {
      if (!Period.safeParse(opts.period).success) {
        throw new Refusal(`Kỳ báo cáo "${opts.period}" không hợp lệ / bad period`);
      }
      // Before any work: a workbook with nowhere to go is a mistake to say at once.
      if (opts.output) outputFolder(opts.output);
      const store = openStore(opts.data);
      try {
        const template = storedTemplate(store, opts.plan);
        const submissions = store.submissionsFor(template.id, opts.period);
        const consolidation = consolidate({
          template,
          units: store.units(),
          history: store.unitHistory(),
          period: opts.period,
          submissions,
          now: new Date(),
        });
        if (opts.output) {
          const workbook = trackerWorkbook(trackerTabs({ template, consolidation, submissions }));
          await workbook.xlsx.writeFile(opts.output).catch((err: Error) => {
            throw new Refusal(`Không ghi được / cannot write ${opts.output}: ${err.message}`);
          });
          io.out(`Đã ghi / wrote ${opts.output}`);
        }
        if (opts.json) io.out(JSON.stringify(consolidation, null, 2));
        if (!opts.json) {
          const s = consolidation.summary;
          io.out(
            `${template.id} ${consolidation.periodLabel}: ${s.unitsSubmitted}/${s.unitsExpected} đơn vị đã nộp (đúng hạn ${s.unitsOnTime}, trễ ${s.unitsLate}, chưa nộp ${s.unitsMissing}); ` +
              `chỉ tiêu đạt ${s.indicatorsMet}, chưa đạt ${s.indicatorsNotMet}, chưa có số liệu ${s.indicatorsNoData}; nhiệm vụ quá hạn ${s.tasksOverdue}`,
          );
        }
        setExit(0);
      } finally {
        store.close();
      }
    });
}

function outputFolder(file: string) {
  const folder = dirname(resolve(file));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new Refusal({
      vi: `Thư mục ${folder} không tồn tại: tạo nó trước`,
      en: `the folder ${folder} does not exist: create it first (-o ${file})`,
    });
}
