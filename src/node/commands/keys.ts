// `chitieu keys issue <unit>`: a new key for a unit, printed once as its access code.
import type { Command } from "commander";
import { formatAccessCode } from "../../core/access-code.js";
import type { CommandIO } from "../io.js";
import { newUnitKey } from "../tracker/keys.js";
import { DEFAULT_DATA_DIR, openStore, submitUrl } from "../tracker/open-store.js";

export function registerKeys(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("keys")
    .description("Mã truy cập của đơn vị / unit access codes")
    .command("issue")
    .description(
      "Cấp (hoặc cấp lại) mã truy cập cho đơn vị / issue or replace a unit's access code",
    )
    .argument("<unit>", "mã đơn vị / unit code")
    .option("--url <url>", "địa chỉ nhận báo cáo / the tracker's submit URL")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((unitCode: string, opts: { url?: string; data: string }) => {
      const store = openStore(opts.data);
      try {
        const url = opts.url ?? submitUrl(store);
        if (!url) {
          io.err(
            "Chưa biết địa chỉ tracker: chạy `chitieu serve` trước hoặc dùng --url / no tracker URL yet: run `chitieu serve` first or pass --url",
          );
          setExit(2);
          return;
        }
        const key = newUnitKey();
        if (!store.setKey(unitCode, key)) {
          io.err(`Không có đơn vị "${unitCode}" / no unit "${unitCode}" (chitieu units list)`);
          setExit(2);
          return;
        }
        io.out(formatAccessCode({ url, unit: unitCode, key }));
        setExit(0);
      } finally {
        store.close();
      }
    });
}
