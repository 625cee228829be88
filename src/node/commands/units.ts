// `chitieu units import <file…>` and `chitieu units list [--at <date>]`: the tracker's unit list,
// with its history, is data.
import type { Command } from "commander";
import { isValidOn } from "../../core/plan/unit-history.js";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import { readHistoryFiles } from "../tracker/history-files.js";
import { DEFAULT_DATA_DIR, openStore } from "../tracker/open-store.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

export function registerUnits(program: Command, io: CommandIO, setExit: (code: number) => void) {
  const units = program.command("units").description("Danh sách đơn vị báo cáo / reporting units");
  units
    .command("import")
    .description(
      "Nhập đơn vị (CSV code,name,kind,level[,validFrom,validTo], JSON, danh sách xã VietMap) và bảng kế nhiệm (from,to,effective,basis[,duty]) / import units, communes and succession tables",
    )
    .argument("<files...>")
    .option(
      "--province <name>",
      "tỉnh cần lấy trong danh sách xã / the province to take from a commune list",
    )
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((files: string[], opts: { data: string; province?: string }) => {
      const store = openStore(opts.data);
      try {
        const held = { units: store.units(), successions: store.successions() };
        const result = readHistoryFiles(files, held, { province: opts.province });
        if (!result.ok) {
          throw new Refusal([...result.error, "Chưa nhập gì / nothing imported"].join("\n"));
        }
        const n = store.importUnits(result.value.units, result.value.successions);
        const s = result.value.successions.length;
        io.out(
          s
            ? `Đã nhập ${n} đơn vị, ${s} dòng kế nhiệm / imported ${n} units, ${s} successions`
            : `Đã nhập ${n} đơn vị / imported ${n} units`,
        );
        setExit(0);
      } finally {
        store.close();
      }
    });
  units
    .command("list")
    .description("Liệt kê đơn vị / list units")
    .option(
      "--at <date>",
      "chỉ đơn vị có hiệu lực ngày này (YYYY-MM-DD) / only units valid that day",
    )
    .option("--json", "in JSON / print JSON")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((opts: { json?: boolean; data: string; at?: string }) => {
      if (opts.at !== undefined && (!ISO_DATE.test(opts.at) || Number.isNaN(Date.parse(opts.at))))
        throw new Refusal(`--at ${opts.at}: cần ngày dạng YYYY-MM-DD / needs a date as YYYY-MM-DD`);
      const store = openStore(opts.data);
      try {
        const at = opts.at;
        const list = store.units().filter((u) => at === undefined || isValidOn(u, at));
        if (opts.json) io.out(JSON.stringify(list, null, 2));
        else
          for (const u of list) {
            const span =
              u.validFrom || u.validTo ? ` [${u.validFrom ?? "…"} – ${u.validTo ?? "…"}]` : "";
            io.out(
              `${u.code.padEnd(14)} ${u.level.padEnd(9)} ${u.hasKey ? "có mã   " : "chưa mã "} ${u.name}${span}`,
            );
          }
        setExit(0);
      } finally {
        store.close();
      }
    });
}
