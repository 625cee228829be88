// `chitieu templates export <id>`: one template as JSON in exactly the schema's shape.
import type { Command } from "commander";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import { loadSeedTemplates } from "../seeds.js";

export function registerTemplatesExport(
  parent: Command,
  io: CommandIO,
  setExit: (code: number) => void,
) {
  parent
    .command("export")
    .description("Xuất một biểu mẫu dạng JSON / print one template as JSON")
    .argument("<id>", "mã biểu mẫu / template id")
    .action((id: string) => {
      const { templates } = loadSeedTemplates();
      const template = templates.find((t) => t.id === id);
      if (!template) {
        throw new Refusal(
          `Không có biểu mẫu "${id}" / no template "${id}". ` +
            `Có / available: ${templates.map((t) => t.id).join(", ")}`,
        );
      }
      io.out(JSON.stringify(template, null, 2));
      setExit(0);
    });
}
