// `chitieu keys`: unit access codes and consolidator credentials, each printed once when issued,
// listed without their secrets, and revoked for good.
import type { Command } from "commander";
import { formatAccessCode } from "../../core/wire/access-code.js";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import {
  issueConsolidatorCredential,
  listConsolidatorCredentials,
  revokeConsolidatorCredential,
} from "../tracker/consolidator-credentials.js";
import { newUnitKey } from "../tracker/keys.js";
import { DEFAULT_DATA_DIR, openStore, submitUrl } from "../tracker/open-store.js";
import type { SqliteStore } from "../tracker/store.js";

const ONE_OF = "Cho biết một mã đơn vị hoặc --consolidator / name one unit code or --consolidator";

/** Runs `work` on the data folder; a refusal becomes a message and exit 2. */
function withStore(
  data: string,
  io: CommandIO,
  setExit: (code: number) => void,
  work: (store: SqliteStore) => void,
) {
  let store: SqliteStore | undefined;
  try {
    store = openStore(data);
    work(store);
    setExit(0);
  } finally {
    store?.close();
  }
}

export function printConsolidatorCredential(
  io: CommandIO,
  issued: { id: string; credential: string },
) {
  io.out(
    `Mã người tổng hợp ${issued.id}, chỉ in một lần / consolidator credential ${issued.id}, printed once:`,
  );
  io.out(`  ${issued.credential}`);
}

export function registerKeys(program: Command, io: CommandIO, setExit: (code: number) => void) {
  const keys = program
    .command("keys")
    .description(
      "Mã truy cập của đơn vị và mã người tổng hợp / unit codes and consolidator credentials",
    );

  keys
    .command("issue")
    .description(
      "Cấp (hoặc cấp lại) mã truy cập cho đơn vị, hoặc một mã người tổng hợp / issue a unit's access code, or a consolidator credential",
    )
    .argument("[unit]", "mã đơn vị / unit code")
    .option("--consolidator", "mã để xem báo cáo và trang tổng hợp / a credential to read reports")
    .option("--label <text>", "ghi chú: mã này của ai / whose credential this is", "")
    .option("--url <url>", "địa chỉ nhận báo cáo / the tracker's submit URL")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action(
      (
        unitCode: string | undefined,
        opts: { consolidator?: boolean; label: string; url?: string; data: string },
      ) =>
        withStore(opts.data, io, setExit, (store) => {
          if ((unitCode === undefined) === !opts.consolidator) throw new Refusal(ONE_OF);
          if (opts.consolidator) {
            printConsolidatorCredential(io, issueConsolidatorCredential(store, opts.label));
            return;
          }
          const url = opts.url ?? submitUrl(store);
          if (!url)
            throw new Refusal(
              "Chưa biết địa chỉ tracker: chạy `chitieu serve` trước hoặc dùng --url / no tracker URL yet: run `chitieu serve` first or pass --url",
            );
          const key = newUnitKey();
          if (!store.setKey(unitCode!, key))
            throw new Refusal(
              `Không có đơn vị "${unitCode}" / no unit "${unitCode}" (chitieu units list)`,
            );
          io.out(formatAccessCode({ url, unit: unitCode!, key }));
        }),
    );

  keys
    .command("revoke")
    .description(
      "Thu hồi mã truy cập của đơn vị, hoặc một mã người tổng hợp / revoke a unit's access code, or a consolidator credential",
    )
    .argument("[unit]", "mã đơn vị / unit code")
    .option(
      "--consolidator <id>",
      "mã số của mã người tổng hợp (chitieu keys list) / credential id",
    )
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((unitCode: string | undefined, opts: { consolidator?: string; data: string }) =>
      withStore(opts.data, io, setExit, (store) => {
        if ((unitCode === undefined) === (opts.consolidator === undefined))
          throw new Refusal(ONE_OF);
        if (opts.consolidator !== undefined) {
          if (!revokeConsolidatorCredential(store, opts.consolidator))
            throw new Refusal(
              `Không có mã người tổng hợp "${opts.consolidator}" còn hiệu lực / no active consolidator credential "${opts.consolidator}" (chitieu keys list)`,
            );
          io.out(`Đã thu hồi / revoked: ${opts.consolidator}`);
          return;
        }
        if (!store.revokeKey(unitCode!))
          throw new Refusal(
            `Đơn vị "${unitCode}" không có mã truy cập nào / unit "${unitCode}" has no access code`,
          );
        io.out(`Đã thu hồi mã truy cập của / revoked the access code of: ${unitCode}`);
      }),
    );

  keys
    .command("list")
    .description("Đơn vị có mã truy cập, các mã người tổng hợp / who holds codes and credentials")
    .option("--data <dir>", "thư mục dữ liệu / data folder", DEFAULT_DATA_DIR)
    .action((opts: { data: string }) =>
      withStore(opts.data, io, setExit, (store) => {
        io.out("Mã người tổng hợp / consolidator credentials:");
        const credentials = listConsolidatorCredentials(store);
        if (credentials.length === 0) io.out("  (chưa có / none)");
        for (const c of credentials) {
          const state = c.revokedAt ? `thu hồi / revoked ${c.revokedAt}` : "còn hiệu lực / active";
          io.out(`  ${c.id}  ${c.label || "—"}  cấp / issued ${c.issuedAt}  ${state}`);
        }
        io.out("Đơn vị / units:");
        for (const u of store.units())
          io.out(
            `  ${u.code}  ${u.name}  ${u.hasKey ? "có mã / has a code" : "chưa có mã / no code"}`,
          );
      }),
    );
}
