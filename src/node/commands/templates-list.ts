// `chitieu templates list`: the shipped plans with their counts of indicators, tasks and budget lines.
import type { Command } from "commander";
import { formatProblem } from "../../core/plan/template-load.js";
import type { CommandIO } from "../io.js";
import { loadSeedTemplates } from "../seeds.js";

export function registerTemplatesList(
  parent: Command,
  io: CommandIO,
  setExit: (code: number) => void,
) {
  parent
    .command("list")
    .description("Liệt kê các biểu mẫu kế hoạch / list the plan templates")
    .option("--json", "in JSON / print JSON")
    .action((opts: { json?: boolean }) => {
      const { templates, problems } = loadSeedTemplates();
      const rows = templates.map((t) => ({
        id: t.id,
        version: t.version,
        title: t.plan.title,
        province: t.plan.province,
        documentNumber: t.plan.documentNumber ?? null,
        horizon: t.plan.horizon,
        indicators: t.indicators.length,
        tasks: t.tasks.length,
        budgetLines: t.budget ? 1 + t.budget.parts.length : 0,
      }));
      if (opts.json) {
        io.out(JSON.stringify(rows, null, 2));
      } else {
        for (const r of rows) {
          io.out(
            `${r.id.padEnd(18)} v${r.version}  ${(r.documentNumber ?? "—").padEnd(14)} ` +
              `${String(r.indicators).padStart(3)} chỉ tiêu  ${String(r.tasks).padStart(3)} nhiệm vụ  ` +
              `${r.budgetLines} dòng kinh phí  ${r.title}`,
          );
        }
      }
      problems.forEach((p) => io.err(formatProblem(p)));
      setExit(problems.length ? 1 : 0);
    });
}
