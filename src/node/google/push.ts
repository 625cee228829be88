// Pushing the tracker tabs into a Google spreadsheet: read it once, add the missing tabs in one
// batchUpdate, write every change in as few values.batchUpdate bodies as 2 MB allows.
import type { sheets_v4 } from "googleapis/build/src/apis/sheets/index.js";
import type { TrackerTab } from "../../core/tracker/tracker-tab-layout.js";
import type { Clock } from "./backoff.js";
import { ATTEMPTS, Pacer, statusOf, withRetry } from "./backoff.js";
import type { ExistingSheet, PushPlan, TabPlan } from "./push-plan.js";
import { planPush, quotedTitle } from "./push-plan.js";

// The Sheets API allows 60 reads and 60 writes a minute per user; see Pacer for the headroom.
const PER_MINUTE = 50;
const MINUTE_MS = 60_000;

export type SheetsMethod = "get" | "batchGet" | "batchUpdate" | "values.batchUpdate";

export interface PushOptions {
  spreadsheetId: string;
  dryRun: boolean;
  progress: (line: string) => void;
  clock: Clock;
}

export interface PushResult {
  plan: PushPlan;
  /** HTTP requests sent to the Sheets API by method, retries included. */
  requests: Record<SheetsMethod, number>;
  /** Time spent waiting for quota or after a refusal. */
  waitedMs: number;
}

export function sizeText(bytes: number): string {
  return bytes < 100_000
    ? `${Math.max(1, Math.round(bytes / 1000))} kB`
    : `${(bytes / 1e6).toFixed(1).replace(".", ",")} MB`;
}

function tabLine(t: TabPlan): string {
  const parts = [`thêm ${t.added}`, `cập nhật ${t.updated}`, `không đổi ${t.unchanged}`];
  if (t.kept) parts.push(`giữ lại ${t.kept}`);
  if (!t.fresh && t.newColumns.length) parts.push(`cột mới ${t.newColumns.length}`);
  return `  ${t.name}${t.create ? " (trang mới)" : ""}: ${parts.join(", ")}`;
}

function describePlan(plan: PushPlan, progress: (line: string) => void) {
  progress(
    "Theo trang, số dòng (thêm, cập nhật, không đổi, giữ lại) / per tab, rows (add, update, unchanged, kept):",
  );
  plan.tabs.forEach((t) => progress(tabLine(t)));
}

export async function pushTabs(
  sheets: sheets_v4.Sheets,
  tabs: readonly TrackerTab[],
  options: PushOptions,
): Promise<PushResult> {
  const { spreadsheetId, progress, clock } = options;
  const requests: Record<SheetsMethod, number> = {
    get: 0,
    batchGet: 0,
    batchUpdate: 0,
    "values.batchUpdate": 0,
  };
  let waitedMs = 0;
  const reads = new Pacer(PER_MINUTE, MINUTE_MS, clock);
  const writes = new Pacer(PER_MINUTE, MINUTE_MS, clock);
  let retried = false;
  const send = <T>(method: SheetsMethod, pacer: Pacer, call: () => Promise<T>) =>
    withRetry(
      async () => {
        waitedMs += await pacer.take();
        requests[method]++;
        return call();
      },
      clock,
      (n) => {
        retried = true;
        waitedMs += n.waitMs;
        progress(
          `  … ${n.status ?? "lỗi mạng / network error"}: thử lại sau ${Math.ceil(n.waitMs / 1000)} s (lần ${n.attempt + 1}/${ATTEMPTS}) / retrying`,
        );
      },
    );
  const sheetList = async () => {
    const meta = await send("get", reads, () =>
      sheets.spreadsheets.get({ spreadsheetId, fields: "sheets.properties(title,sheetId)" }),
    );
    return (meta.data.sheets ?? []).map((s) => s.properties ?? {});
  };
  const titles = async () => new Set((await sheetList()).map((p) => p.title ?? ""));

  progress("Đọc bảng tính / reading the spreadsheet…");
  const listed = await sheetList();
  const have = new Set(listed.map((p) => p.title ?? ""));
  const present = tabs.filter((t) => have.has(t.name));
  let existing: ExistingSheet[] = [];
  if (present.length) {
    const got = await send("batchGet", reads, () =>
      sheets.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: present.map((t) => quotedTitle(t.name)),
        valueRenderOption: "UNFORMATTED_VALUE",
      }),
    );
    existing = present.map((t, i) => ({
      title: t.name,
      values: (got.data.valueRanges?.[i]?.values ?? []) as unknown[][],
    }));
  }
  const plan = planPush(
    tabs,
    existing,
    undefined,
    listed.flatMap((p) => (typeof p.sheetId === "number" ? [p.sheetId] : [])),
  );
  describePlan(plan, progress);
  const result = () => ({ plan, requests, waitedMs });

  const created = plan.tabs.filter((t) => t.create).map((t) => t.name);
  const writeLine = `${plan.writes.length} phần (${sizeText(plan.bytes)})`;
  if (options.dryRun) {
    if (created.length)
      progress(`Sẽ tạo ${created.length} trang / would add: ${created.join(", ")}`);
    progress(
      plan.writes.length
        ? `Sẽ ghi / would write ${writeLine}. Chạy thử: chưa ghi gì / dry run: nothing written`
        : "Không có gì thay đổi / nothing to change",
    );
    return result();
  }

  if (plan.addSheets.length) {
    progress(`Tạo ${created.length} trang / adding tabs: ${created.join(", ")}…`);
    retried = false;
    try {
      await send("batchUpdate", writes, () =>
        sheets.spreadsheets.batchUpdate({
          spreadsheetId,
          requestBody: { requests: [...plan.addSheets, ...plan.formats] },
        }),
      );
    } catch (err) {
      // A 5xx can come after Google applied the request: the retry then finds the tabs there.
      if (!retried || statusOf(err) !== 400) throw err;
      const now = await titles();
      if (!created.every((name) => now.has(name))) throw err;
    }
  }
  if (!plan.writes.length) {
    progress("Không có gì thay đổi / nothing to change");
    return result();
  }
  progress(`Ghi ${writeLine} / writing…`);
  for (const [i, w] of plan.writes.entries()) {
    await send("values.batchUpdate", writes, () =>
      sheets.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: w.body }),
    );
    if (plan.writes.length > 1) progress(`  ${i + 1}/${plan.writes.length} (${sizeText(w.bytes)})`);
  }
  return result();
}
