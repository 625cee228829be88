// `chitieu serve`: the self-hosted tracker on one machine, with the starter units on first start.
// Everything that can be refused (arguments, the data folder, the port) is refused before the
// tracker says it is up, with a message and exit 2.
import type { Command } from "commander";
import { join } from "node:path";
import { formatAccessCode } from "../../core/wire/access-code.js";
import { normalizeBase } from "../addin-manifest.js";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import { seedsDir } from "../seeds.js";
import {
  hasActiveConsolidatorCredential,
  issueConsolidatorCredential,
} from "../tracker/consolidator-credentials.js";
import { lockDataFolder, type DataLock } from "../tracker/data-lock.js";
import { newUnitKey } from "../tracker/keys.js";
import {
  DEFAULT_DATA_DIR,
  firstCodesPrinted,
  markFirstCodesPrinted,
  openStore,
  saveSubmitUrl,
} from "../tracker/open-store.js";
import { ADDIN_PREFIX, registerAddinRoutes } from "../tracker/addin-routes.js";
import { buildServer } from "../tracker/server.js";
import { PAGE_PATH, registerWebRoutes } from "../tracker/web-routes.js";
import type { SqliteStore } from "../tracker/store.js";
import { readUnitFile } from "../tracker/unit-file.js";
import { printConsolidatorCredential } from "./keys.js";

const STARTER_UNITS = join(seedsDir, "units", "can-tho.json");

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  publicUrl?: string;
  trustProxy?: string;
}

/** The whole URL is checked here, before anything is imported or stored. */
function publicBase(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return normalizeBase(text);
  } catch (err) {
    throw new Refusal(`--public-url "${text}": ${(err as Error).message}`);
  }
}

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Refusal(`--port "${text}" không hợp lệ / is not a port number`);
  return port;
}

/**
 * The codes a new tracker needs, printed by its first start only: one unit's access code where no
 * unit has one, and a consolidator credential where none is active. A start that failed before
 * printing them prints them on the next start; later starts print none, so a revoked credential is
 * not replaced in a server's log.
 */
function printFirstCodes(store: SqliteStore, submit: string, io: CommandIO) {
  if (firstCodesPrinted(store)) return;
  const units = store.units();
  const sample = units.every((u) => !u.hasKey) ? units[0] : undefined;
  if (sample) {
    const key = newUnitKey();
    store.setKey(sample.code, key);
    io.out(`\nĐã nạp ${units.length} đơn vị / ${units.length} units loaded.`);
    io.out(
      `Mã truy cập của ${sample.name} (${sample.code}), chỉ in một lần / access code, printed once:`,
    );
    io.out(`  ${formatAccessCode({ url: submit, unit: sample.code, key })}`);
  }
  if (!hasActiveConsolidatorCredential(store)) {
    io.out("");
    printConsolidatorCredential(
      io,
      issueConsolidatorCredential(store, "in lần đầu / printed at first start"),
    );
    io.out("  (đăng nhập trang tổng hợp bằng mã này / sign in to the consolidation page with it)");
  }
  if (sample) {
    io.out("\nBước tiếp theo / next steps:");
    io.out(
      `  npx chitieu template can-tho-2256 --unit ${sample.code} --period 2025 -o bao-cao.xlsx`,
    );
    io.out(
      "  (điền số liệu vào ô nền vàng / fill the yellow cells)   npx chitieu validate bao-cao.xlsx",
    );
    io.out("  npx chitieu submit bao-cao.xlsx --code <mã truy cập / access code>");
    io.out("  Mã cho đơn vị khác / codes for other units: npx chitieu keys issue <mã đơn vị>");
  }
  markFirstCodesPrinted(store);
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
      const publicUrl = publicBase(opts.publicUrl);
      const port = portOf(opts.port);
      const store = openStore(opts.data);
      let lock: DataLock | undefined;
      let app: ReturnType<typeof buildServer> | undefined;
      let address: string;
      try {
        lock = lockDataFolder(opts.data);
        if (store.units().length === 0) {
          const starter = readUnitFile(STARTER_UNITS);
          if (starter.ok) store.importUnits(starter.value);
        }
        app = buildServer({
          store,
          register: (server) => {
            registerAddinRoutes({ publicUrl })(server);
            registerWebRoutes()(server);
          },
          trustProxy: opts.trustProxy?.split(",").map((a) => a.trim()),
          secureCookie: publicUrl?.startsWith("https:") ?? false,
        });
        address = await listen(app, port, opts.host);
      } catch (err) {
        await app?.close();
        lock?.release();
        store.close();
        throw err;
      }
      const base = publicUrl ?? address;
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
      printFirstCodes(store, submit, io);
      io.out("Dừng / stop: Ctrl+C");
      const stop = async () => {
        await app.close();
        store.close();
        lock.release();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
      setExit(0);
    });
}

async function listen(
  app: ReturnType<typeof buildServer>,
  port: number,
  host: string,
): Promise<string> {
  try {
    return (await app.listen({ port, host })).replace(/\/$/u, "");
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "EADDRINUSE")
      throw new Refusal({
        vi: `Cổng ${port} trên ${host} đang được dùng: chọn --port khác`,
        en: `port ${port} on ${host} is in use: choose another --port`,
      });
    if (code === "EADDRNOTAVAIL" || code === "EACCES" || code === "ENOTFOUND")
      throw new Refusal(
        `Không mở được ${host}:${port} / cannot listen on ${host}:${port}: ${(err as Error).message}`,
      );
    throw err;
  }
}
