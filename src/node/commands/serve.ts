// `chitieu serve`: the self-hosted tracker on one machine, with the starter units on first start.
import type { Command } from "commander";
import { join } from "node:path";
import { formatAccessCode } from "../../core/access-code.js";
import type { CommandIO } from "../io.js";
import { seedsDir } from "../seeds.js";
import { newUnitKey } from "../tracker/keys.js";
import { DEFAULT_DATA_DIR, openStore, saveSubmitUrl } from "../tracker/open-store.js";
import { ADDIN_PREFIX, registerAddinRoutes } from "../tracker/addin-routes.js";
import { buildServer } from "../tracker/server.js";
import { PAGE_PATH, registerWebRoutes } from "../tracker/web-routes.js";
import { readUnitFile } from "../tracker/unit-file.js";

const STARTER_UNITS = join(seedsDir, "units", "can-tho.json");

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  publicUrl?: string;
  trustProxy?: string;
}

export function registerServe(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("serve")
    .description("Chạy tracker tự lưu trữ / run the self-hosted tracker")
    .option("--port <n>", "cổng / port", "8787")
    .option("--host <host>", "địa chỉ lắng nghe / listen address", "127.0.0.1")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .option(
      "--public-url <url>",
      "địa chỉ đơn vị dùng để gửi (mặc định http://host:port) / base URL units reach",
    )
    .option(
      "--trust-proxy <addresses>",
      "proxy TLS được tin tiêu đề X-Forwarded-* (IP, CIDR, loopback; cách nhau bởi dấu phẩy) / " +
        "TLS proxies whose X-Forwarded-* headers are trusted (IPs, CIDRs, loopback; comma-separated)",
    )
    .action(async (opts: ServeOptions) => {
      if (opts.publicUrl !== undefined && !/^https?:\/\/[^/\s]+/u.test(opts.publicUrl)) {
        io.err(
          `--public-url "${opts.publicUrl}" không phải địa chỉ http(s) / is not an http(s) URL`,
        );
        setExit(2);
        return;
      }
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        io.err(`--port "${opts.port}" không hợp lệ / is not a port number`);
        setExit(2);
        return;
      }
      const store = openStore(opts.data);
      const firstStart = store.units().length === 0;
      if (firstStart) {
        const starter = readUnitFile(STARTER_UNITS);
        if (starter.ok) store.importUnits(starter.units);
      }
      const app = buildServer({
        store,
        register: (app) => {
          registerAddinRoutes({ publicUrl: opts.publicUrl })(app);
          registerWebRoutes()(app);
        },
        trustProxy: opts.trustProxy?.split(",").map((a) => a.trim()),
      });
      const address = await app.listen({ port, host: opts.host });
      const base = (opts.publicUrl ?? address).replace(/\/$/u, "");
      const submit = `${base}/api/submit`;
      saveSubmitUrl(store, submit);

      io.out(`chitieu tracker: ${base}  (dữ liệu / data: ${opts.data})`);
      io.out(
        `Trang tổng hợp / consolidation page: ${base}/plans/can-tho-2256/${new Date().getFullYear()}`,
      );
      io.out(`Manifest add-in Excel / Excel add-in manifest: ${base}${ADDIN_PREFIX}/manifest.xml`);
      if (!base.startsWith("https://") && !opts.trustProxy) {
        io.out(
          "  (Office chỉ nạp add-in qua https: chạy sau proxy TLS với --public-url https://… hoặc --trust-proxy … /" +
            " Office loads add-ins over https only: run behind a TLS proxy with --public-url https://… or --trust-proxy …)",
        );
      }
      io.out(`Trang nộp báo cáo cho đơn vị / officers' report page: ${base}${PAGE_PATH}`);
      if (firstStart) {
        const sample = store.units()[0];
        if (sample) {
          const key = newUnitKey();
          store.setKey(sample.code, key);
          io.out(
            `\nĐã nạp ${store.units().length} đơn vị mẫu của Cần Thơ / loaded the Cần Thơ starter units.`,
          );
          io.out(
            `Mã truy cập của ${sample.name} (${sample.code}), chỉ in một lần / access code, printed once:`,
          );
          io.out(`  ${formatAccessCode({ url: submit, unit: sample.code, key })}`);
          io.out("\nBước tiếp theo / next steps:");
          io.out(
            `  npx chitieu template can-tho-2256 --unit ${sample.code} --period 2025 -o bao-cao.xlsx`,
          );
          io.out(
            "  (điền số liệu vào ô nền vàng / fill the yellow cells)   npx chitieu validate bao-cao.xlsx",
          );
          io.out("  npx chitieu submit bao-cao.xlsx --code <mã truy cập / access code>");
          io.out(
            "  Mã cho đơn vị khác / codes for other units: npx chitieu keys issue <mã đơn vị>",
          );
        }
      }
      const stop = async () => {
        await app.close();
        store.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
      setExit(0);
    });
}
