// `chitieu push --to google:<id> --period <p>`: the tracker tabs upserted into a Google spreadsheet
// through the Sheets API, from the tracker's data folder or from a folder of filled .xlsx reports.
import type { Command } from "commander";
import { consolidate } from "../../core/tracker/consolidate.js";
import { Period } from "../../core/plan/period.js";
import { trackerTabs } from "../../core/tracker/tracker-tabs.js";
import type { CommandIO } from "../io.js";
import type { Clock } from "../google/backoff.js";
import { ATTEMPTS, statusOf } from "../google/backoff.js";
import type { SheetsMethod } from "../google/push.js";
import { pushTabs, sizeText } from "../google/push.js";
import { loadPushSource } from "../google/push-source.js";
import { connectSheets } from "../google/sheets-client.js";
import { Refusal } from "../refusal.js";
import { DEFAULT_DATA_DIR } from "../tracker/open-store.js";

interface PushCommandOptions {
  to: string;
  period: string;
  plan?: string;
  from: string;
  units?: string;
  dryRun?: boolean;
}

/** Tests replace the clock, so a Retry-After or a paced chunk costs them no real time. */
export const pushDeps: { clock: Clock } = {
  clock: {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  },
};

/** "google:<id>", or "google:" and the address the browser shows. */
export function spreadsheetIdOf(to: string): string | undefined {
  return /^google:(?:https:\/\/docs\.google\.com\/spreadsheets\/d\/)?([A-Za-z0-9_-]+)(?:[/?#].*)?$/u.exec(
    to,
  )?.[1];
}

function explain(err: unknown, id: string, account: string | undefined): string {
  const status = statusOf(err);
  const reason = err instanceof Error ? err.message : String(err);
  if (status === 401 || status === 403) {
    return (
      `✗ Google từ chối (${status}): ${reason}\n` +
      `  Chia sẻ bảng tính với ${account ?? "tài khoản dịch vụ"} (quyền Người chỉnh sửa) / ` +
      `share the spreadsheet with ${account ?? "the service account"} as an editor`
    );
  }
  if (status === 404) {
    return `✗ Không tìm thấy bảng tính ${id} (mã nằm sau /d/ trong địa chỉ) / spreadsheet not found`;
  }
  if (status === 429 || (status !== undefined && status >= 500)) {
    return (
      `✗ Google Sheets bận (${status}) sau ${ATTEMPTS} lần thử; chạy lại sau ít phút, phần đã ghi không bị ghi lại / ` +
      `busy after ${ATTEMPTS} attempts; run again later, nothing is written twice`
    );
  }
  const hint =
    status === undefined && account === undefined
      ? "\n  Đặt GOOGLE_APPLICATION_CREDENTIALS=<khóa tài khoản dịch vụ>.json / set it to a service-account key"
      : "";
  return `✗ Lỗi Google Sheets / error${status ? ` (${status})` : ""}: ${reason}${hint}`;
}

function requestsText(requests: Record<SheetsMethod, number>): string {
  const sent = Object.entries(requests).filter(([, n]) => n > 0);
  const total = sent.reduce((sum, [, n]) => sum + n, 0);
  return `${total} yêu cầu / requests (${sent.map(([m, n]) => `${m} ${n}`).join(", ")})`;
}

export function registerPush(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("push")
    .description("Đẩy bảng theo dõi lên Google Sheets / push the tracker tabs to Google Sheets")
    .requiredOption("--to <target>", "google:<mã bảng tính> / google:<spreadsheet id>")
    .requiredOption("--period <p>", "kỳ báo cáo / period (2025, 2025-Q4)")
    .option("--plan <id>", "mã biểu mẫu / template id (mặc định: kế hoạch duy nhất có báo cáo)")
    .option(
      "--from <dir>",
      "thư mục dữ liệu tracker hoặc thư mục tệp .xlsx / tracker data folder or folder of .xlsx reports",
      DEFAULT_DATA_DIR,
    )
    .option("--units <file>", "danh sách đơn vị cho thư mục .xlsx / unit list for an .xlsx folder")
    .option("--dry-run", "chỉ in những gì sẽ thay đổi / print what would change, write nothing")
    .action(async (opts: PushCommandOptions) => {
      const id = spreadsheetIdOf(opts.to);
      if (!id) {
        throw new Refusal(
          `--to "${opts.to}": cần google:<mã bảng tính> / expected google:<spreadsheet id>`,
        );
      }
      if (!Period.safeParse(opts.period).success) {
        throw new Refusal(`Kỳ báo cáo "${opts.period}" không hợp lệ / bad period`);
      }
      const now = new Date();
      let account: string | undefined;
      try {
        const source = await loadPushSource(opts.from, {
          plan: opts.plan,
          period: opts.period,
          unitsFile: opts.units,
          now,
        });
        io.out(source.description);
        source.skipped.forEach((s) => io.err(`⚠ Bỏ qua / skipped ${s.file}: ${s.reason}`));
        const { template, units, submissions, history } = source;
        const consolidation = consolidate({
          template,
          units,
          history,
          period: opts.period,
          submissions,
          now,
        });
        const tabs = trackerTabs({ template, consolidation, submissions });
        const connection = await connectSheets(process.env);
        account = connection.account;
        const result = await pushTabs(connection.sheets, tabs, {
          spreadsheetId: id,
          dryRun: opts.dryRun ?? false,
          progress: (line) => io.out(line),
          clock: pushDeps.clock,
        });
        const done = opts.dryRun
          ? "Chạy thử xong / dry run done"
          : result.plan.writes.length
            ? `✓ Đã đẩy / pushed ${sizeText(result.plan.bytes)}`
            : "✓ Bảng tính đã khớp / already up to date";
        io.out(`${done}: ${requestsText(result.requests)}`);
        io.out(`https://docs.google.com/spreadsheets/d/${id}`);
        setExit(0);
      } catch (err) {
        if (err instanceof Refusal) throw err;
        // Only the message: a googleapis error object also carries the request and its headers.
        throw new Refusal(explain(err, id, account), { exitCode: 1 });
      }
    });
}
