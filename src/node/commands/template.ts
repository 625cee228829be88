// `chitieu template <planId> --unit <code> --period <p> -o <file.xlsx>`: one unit's report workbook.
import type { Command } from "commander";
import { buildLayout } from "../../core/sheet/layout.js";
import type { SheetLayout } from "../../core/sheet/layout-types.js";
import { Period } from "../../core/plan/period.js";
import type { CommandIO } from "../io.js";
import { findTemplate, findUnit, loadUnits } from "../lookup.js";
import { Refusal } from "../refusal.js";
import { writeLayoutFile } from "../xlsx.js";

function parsePeriod(text: string): string {
  const period = Period.safeParse(text);
  if (period.success) return period.data;
  throw new Refusal(
    `Kỳ báo cáo "${text}" không hợp lệ / bad period "${text}": ${period.error.issues[0]?.message ?? ""}`,
  );
}

interface TemplateOptions {
  unit: string;
  period: string;
  output: string;
  units?: string;
}

export function registerTemplate(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("template")
    .description("Tạo tệp .xlsx báo cáo cho một đơn vị / write a unit's report workbook (.xlsx)")
    .argument("<planId>", "mã biểu mẫu / template id")
    .requiredOption("--unit <code>", "mã đơn vị / unit code")
    .requiredOption("--period <period>", "kỳ báo cáo / period: 2025, 2025-H1, 2025-Q4")
    .requiredOption("-o, --output <file>", "tệp .xlsx / output file")
    .option("--units <file>", "danh sách đơn vị / unit list (default: seeds/units/*.json)")
    .action(async (planId: string, opts: TemplateOptions) => {
      const template = findTemplate(planId);
      const unit = findUnit(loadUnits(opts.units), opts.unit);
      const period = parsePeriod(opts.period);
      const layout = buildLayout(template, unit, period);
      await writeFile(layout, opts.output);
      io.out(
        `Đã ghi / wrote ${opts.output}: ${template.id} v${template.version}, ` +
          `${unit.code} (${unit.name}), ${period}, ${layout.fields.length} ô nhập / input cells`,
      );
      setExit(0);
    });
}

async function writeFile(layout: SheetLayout, file: string) {
  try {
    await writeLayoutFile(layout, file);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Refusal(`Không ghi được / cannot write ${file}: ${reason}`);
  }
}
