// `chitieu units import <file>` and `chitieu units list`: the tracker's unit list is data.
import type { Command } from "commander";
import type { CommandIO } from "../io.js";
import { DEFAULT_DATA_DIR, openStore } from "../tracker/open-store.js";
import { readUnitFile } from "../tracker/unit-file.js";

export function registerUnits(program: Command, io: CommandIO, setExit: (code: number) => void) {
  const units = program.command("units").description("Danh sách đơn vị báo cáo / reporting units");
  units
    .command("import")
    .description(
      "Nhập đơn vị từ CSV (code,name,kind,level) hoặc JSON / import units from CSV or JSON",
    )
    .argument("<file>")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((file: string, opts: { data: string }) => {
      const result = readUnitFile(file);
      if (!result.ok) {
        result.problems.forEach((p) => io.err(p));
        setExit(1);
        return;
      }
      const store = openStore(opts.data);
      try {
        const n = store.importUnits(result.units);
        io.out(`Đã nhập ${n} đơn vị / imported ${n} units`);
        setExit(0);
      } finally {
        store.close();
      }
    });
  units
    .command("list")
    .description("Liệt kê đơn vị / list units")
    .option("--json", "in JSON / print JSON")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((opts: { json?: boolean; data: string }) => {
      const store = openStore(opts.data);
      try {
        const list = store.units();
        if (opts.json) io.out(JSON.stringify(list, null, 2));
        else
          for (const u of list)
            io.out(
              `${u.code.padEnd(14)} ${u.level.padEnd(9)} ${u.hasKey ? "có mã   " : "chưa mã "} ${u.name}`,
            );
        setExit(0);
      } finally {
        store.close();
      }
    });
}
