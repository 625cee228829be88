// `chitieu templates check [file…]`: validates templates and traces them to their sources.
import type { Command } from "commander";
import { formatProblem } from "../../core/plan/template-load.js";
import type { CommandIO } from "../io.js";
import { loadTemplateFile, templateFiles } from "../seeds.js";

export function registerTemplatesCheck(
  parent: Command,
  io: CommandIO,
  setExit: (code: number) => void,
) {
  parent
    .command("check")
    .description("Kiểm tra biểu mẫu / check templates (all shipped ones when no file is given)")
    .argument("[files...]", "tệp JSON / template files")
    .action((files: string[]) => {
      const targets = files.length ? files : templateFiles();
      let failed = 0;
      for (const file of targets) {
        const result = loadTemplateFile(file);
        if (result.ok) {
          io.out(`✓ ${file}`);
        } else {
          failed++;
          io.out(`✗ ${file}`);
          result.error.forEach((p) => io.err(formatProblem(p)));
        }
      }
      io.out(`${targets.length - failed}/${targets.length} biểu mẫu hợp lệ / templates valid`);
      setExit(failed ? 1 : 0);
    });
}
