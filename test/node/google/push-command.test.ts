// `chitieu push` end to end: the real googleapis client, authorised by a test service account,
// against the loopback fake Sheets API; requests counted, cells read back.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import { a1 } from "../../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { isoInVietnam } from "../../../src/core/plan/period.js";
import type { Submission } from "../../../src/core/check/submission-schema.js";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import { processPost } from "../../../src/core/wire/tracker-service.js";
import type { TabCellValue, TrackerTab } from "../../../src/core/tracker/tracker-tab-layout.js";
import {
  CURRENT,
  SUPERSEDED,
  tabName,
  TRACKER_TAB_ORDER,
  TRACKER_TABS,
} from "../../../src/core/tracker/tracker-tab-layout.js";
import { tabGrid, trackerTabs } from "../../../src/core/tracker/tracker-tabs.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { pushDeps } from "../../../src/node/commands/push.js";
import { connectSheets } from "../../../src/node/google/sheets-client.js";
import type { CommandIO } from "../../../src/node/io.js";
import { findTemplate, loadUnits } from "../../../src/node/lookup.js";
import { runCli } from "../../../src/node/program.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import type { FakeSheets } from "../../fakes/sheets-server.js";
import { FAKE_MAX_BODY_BYTES, startFakeSheets } from "../../fakes/sheets-server.js";
import { fillWorkbook, validEdits } from "../../fixtures/fill-workbook.js";
import { reportingUnit, validReport } from "../../fixtures/reports.js";
import {
  expectedBudgetRows,
  expectedConsolidatedHeader,
  expectedConsolidatedRows,
  expectedTimelinessRows,
  expectedUnitsRows,
  expectedUnitValuesHeader,
  expectedUnitValuesRows,
  SMALL_PERIOD,
  SMALL_PLAN,
  smallKeys,
  smallSubmissions,
  smallUnits,
} from "../../fixtures/small-case.js";

const KEY = "9".repeat(64);
const PLAN = "can-tho-2256";
const template = findTemplate(PLAN);
const district: Unit = {
  code: "Q-NINHKIEU",
  name: "UBND quận Ninh Kiều",
  kind: "district",
  level: "district",
};
const FORMULA_NOTE = '=IMPORTXML("http://example.com","//a")';

let fake: FakeSheets;
let sleeps: number[];
const realClock = pushDeps.clock;

beforeEach(async () => {
  fake = await startFakeSheets();
  await useFake(fake);
});

afterEach(async () => {
  await fake.close();
  vi.unstubAllEnvs();
  pushDeps.clock = realClock;
});

async function useFake(f: FakeSheets) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-google-"));
  vi.stubEnv("GOOGLE_APPLICATION_CREDENTIALS", f.writeServiceAccountKey(dir));
  vi.stubEnv("CHITIEU_SHEETS_ROOT_URL", `${f.url}/`);
  sleeps = [];
  pushDeps.clock = {
    now: () => Date.now(),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const push = (from: string, ...extra: string[]) =>
  run(
    "push",
    "--to",
    `google:${fake.spreadsheetId}`,
    "--period",
    "2025",
    "--plan",
    PLAN,
    "--from",
    from,
    ...extra,
  );

/** Sheets API requests by endpoint made while `action` ran (the token endpoint left out). */
async function requestsDuring<T>(action: () => Promise<T>) {
  const before = fake.requests.length;
  const result = await action();
  const made = fake.requests.slice(before).filter((r) => r.endpoint !== "token");
  const by: Record<string, number> = {};
  for (const r of made) by[r.endpoint] = (by[r.endpoint] ?? 0) + 1;
  return { result, total: made.length, by, made };
}

function submit(data: string, reports: { report: Submission; unit: Unit }[], at: Date) {
  const store = openStore(data);
  try {
    for (const { report, unit } of reports) {
      const body = envelopeFor(report, { url: "http://x", unit: unit.code, key: KEY }).body;
      const r = processPost(body, store, { date: at, iso: isoInVietnam(at) });
      expect(r.answer.ok, JSON.stringify(r.answer)).toBe(true);
    }
  } finally {
    store.close();
  }
}

/** A tracker with the units given, and a report from each of the first `reporting` of them. */
function tracker(units: Unit[] = [reportingUnit, district], reporting = 1) {
  const data = mkdtempSync(join(tmpdir(), "chitieu-push-"));
  const store = openStore(data);
  store.importUnits(units);
  units.forEach((u) => store.setKey(u.code, KEY));
  store.close();
  const reports = units.slice(0, reporting).map((unit, i) => {
    const report = validReport(
      template,
      `22222222-2222-4222-8222-${String(i).padStart(12, "0")}`,
      unit,
    );
    if (i === 0) report.indicators[1]!.note = FORMULA_NOTE;
    return { report, unit };
  });
  submit(data, reports, new Date("2025-12-05T03:00:00Z"));
  return { data, reports: reports.map((r) => r.report) };
}

/** The tabs as the tracker holds them now, computed here independently of the push. */
function trackerTabsOf(data: string): TrackerTab[] {
  const store = openStore(data);
  try {
    const submissions = store.submissionsFor(PLAN, "2025");
    const consolidation = consolidate({
      template,
      units: store.units(),
      period: "2025",
      submissions,
      now: new Date(),
    });
    return trackerTabs({ template, consolidation, submissions });
  } finally {
    store.close();
  }
}

/** A grid as the values API reads it back: empty cells "", trailing ones left out. */
function asRead(grid: TabCellValue[][]): unknown[][] {
  return grid.map((row) => {
    const out = row.map((v) => (v === null ? "" : v));
    while (out.length && out.at(-1) === "") out.pop();
    return out;
  });
}

function expectSheetHolds(tabs: TrackerTab[]) {
  for (const tab of tabs)
    expect(fake.values(tab.name), tab.name).toEqual(asRead(tabGrid(tab, "raw")));
}

describe("chitieu push", () => {
  it("fills an empty spreadsheet in 3 requests: metadata, one addSheet batch, one values write", async () => {
    const { data } = tracker();
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);
    expect(r.by).toEqual({ get: 1, batchUpdate: 1, "values.batchUpdate": 1 });
    expect(r.total).toBe(3);
    expect(fake.count("token")).toBe(1);
    expect(fake.requests.every((q) => q.endpoint === "token" || q.authorized)).toBe(true);

    const tabs = trackerTabsOf(data);
    expect(fake.titles()).toEqual(["Sheet1", ...tabs.map((t) => t.name)]);
    const addSheet = r.made.find((q) => q.endpoint === "batchUpdate")!.body as {
      requests: { addSheet?: { properties: { gridProperties: { frozenRowCount: number } } } }[];
    };
    // The same batch formats the new tabs (repeatCell), so only the addSheet requests are counted.
    expect(addSheet.requests.filter((q) => q.addSheet)).toHaveLength(8);
    for (const t of tabs) expect(fake.frozenRows(t.name)).toBe(1);
    expectSheetHolds(tabs);
    expect(r.result.out).toContain("Tạo 8 trang");
    expect(r.result.out).toMatch(/Ghi 1 phần \(\d+ kB\)/u);
  });

  it("changes nothing on a repeated push: a read of the metadata and the values, no write", async () => {
    const { data } = tracker();
    expect((await push(data)).code).toBe(0);
    const again = await requestsDuring(() => push(data));
    expect(again.result.code).toBe(0);
    expect(again.by).toEqual({ get: 1, "values.batchGet": 1 });
    expect(again.result.out).toContain("đã khớp / already up to date");
  });

  it("rewrites exactly the row of a cell that differs from the tracker", async () => {
    const { data, reports } = tracker();
    expect((await push(data)).code).toBe(0);
    const table = tabName("unitValues", "2025");
    const header = fake.values(table)[0]!;
    const indicatorId = reports[0]!.indicators[0]!.indicatorId;
    const col = header.findIndex((h) => String(h).startsWith(`${indicatorId} — `));
    const row = fake.values(table).findIndex((r) => r[0] === reportingUnit.code);
    const right = fake.cells(table)[row]![col]!.value;
    fake.cells(table)[row]![col] = { value: 12345 };

    const r = await requestsDuring(() => push(data));
    expect(r.by).toEqual({ get: 1, "values.batchGet": 1, "values.batchUpdate": 1 });
    const body = r.made.at(-1)!.body as { data: { range: string }[] };
    expect(body.data.map((d) => d.range)).toEqual([
      `'${table}'!A${row + 1}:${a1(row + 1, header.length)}`,
    ]);
    expect(fake.cells(table)[row]![col]!.value).toBe(right);
    expect(r.result.out).toContain(`${table}: thêm 0, cập nhật 1, không đổi`);
  });

  it("keeps every log row: a new revision supersedes the old rows in place and appends its own", async () => {
    const { data, reports } = tracker();
    expect((await push(data)).code).toBe(0);
    const log = TRACKER_TABS.submissions.name;
    const first = fake.values(log);
    // A row someone else put in the log stays where it is.
    const foreign = [
      "2025-11-01T08:00:00.000+07:00",
      "11111111-1111-4111-8111-111111111111",
      1,
      CURRENT,
    ];
    fake.cells(log)[first.length] = foreign.map((value) => ({ value }));

    const second = validReport(template, "33333333-3333-4333-8333-333333333333");
    // The same share counted over twice as many files: other figures, the same judgement.
    const figure = second.indicators[0]!;
    second.indicators[0] = { ...figure, numerator: figure.numerator! * 2, denominator: 2000 };
    submit(data, [{ report: second, unit: reportingUnit }], new Date("2025-12-06T03:00:00Z"));
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);

    const after = fake.values(log);
    const state = after[0]!.indexOf("Hiệu lực");
    const id = after[0]!.indexOf("Mã lần nộp");
    // The first push's rows, same places, now superseded; the foreign row untouched; the new ones after.
    first.slice(1).forEach((row, i) => {
      expect(after[i + 1]![id]).toBe(row[id]);
      expect(after[i + 1]![state]).toBe(SUPERSEDED);
    });
    expect(after[first.length]).toEqual(foreign);
    const appended = after.slice(first.length + 1);
    expect(appended.length).toBe(first.length - 1);
    expect(appended.every((row) => row[id] === second.submissionId && row[state] === CURRENT)).toBe(
      true,
    );
    expect(first.slice(1).every((row) => row[id] === reports[0]!.submissionId)).toBe(true);
  });

  it("survives a 429 with Retry-After and a 500, waiting as told, and the data arrives whole", async () => {
    const { data } = tracker();
    fake.failNext(429, 1, 7, "get");
    fake.failNext(500, 1, undefined, "values.batchUpdate");
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);
    expect(r.made.map((q) => `${q.endpoint} ${q.status}`)).toEqual([
      "get 429",
      "get 200",
      "batchUpdate 200",
      "values.batchUpdate 500",
      "values.batchUpdate 200",
    ]);
    // Retry-After: 7 s; then backoff's first step, 1 s with jitter 0.5 → 0.75 s.
    expect(sleeps).toEqual([7000, 750]);
    expect(r.result.out).toContain("429: thử lại sau 7 s");
    expectSheetHolds(trackerTabsOf(data));
  });

  it("goes on when a 5xx came after Google had added the tabs", async () => {
    const { data } = tracker();
    fake.failAfterApplying(503, "batchUpdate");
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);
    expect(r.made.map((q) => `${q.endpoint} ${q.status}`)).toEqual([
      "get 200",
      "batchUpdate 503",
      "batchUpdate 400",
      "get 200",
      "values.batchUpdate 200",
    ]);
    expectSheetHolds(trackerTabsOf(data));
  });

  it("writes formula-like text as text: every write is RAW and the note arrives literally", async () => {
    const { data } = tracker();
    expect((await push(data)).code).toBe(0);
    const writes = fake.requests.filter((q) => q.endpoint === "values.batchUpdate");
    expect(writes.map((q) => q.valueInputOption)).toEqual(["RAW"]);
    const log = fake.cells(TRACKER_TABS.submissions.name).flat();
    const note = log.find((c) => c?.value === FORMULA_NOTE);
    expect(note).toEqual({ value: FORMULA_NOTE });
    expect(
      fake
        .titles()
        .flatMap((t) => fake.cells(t).flat())
        .some((c) => c?.formula),
    ).toBe(false);
    // What a reader of the sheet gets back: a formula would come back as its result, not its text.
    const { sheets } = await connectSheets(process.env);
    const read = await sheets.spreadsheets.values.get({
      spreadsheetId: fake.spreadsheetId,
      range: `'${TRACKER_TABS.submissions.name}'`,
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(read.data.values!.flat()).toContain(FORMULA_NOTE);
  });

  it("--dry-run reads, prints what would change, and writes nothing", async () => {
    const { data } = tracker();
    const empty = await requestsDuring(() => push(data, "--dry-run"));
    expect(empty.result.code).toBe(0);
    expect(empty.by).toEqual({ get: 1 });
    expect(empty.result.out).toContain("Sẽ tạo 8 trang");
    expect(empty.result.out).toContain(
      `${TRACKER_TABS.indicators.name} (trang mới): thêm ${template.indicators.length}`,
    );
    expect(fake.titles()).toEqual(["Sheet1"]);

    expect((await push(data)).code).toBe(0);
    const units = TRACKER_TABS.units.name;
    fake.cells(units)[1]![2] = { value: "tên cũ" };
    const changed = await requestsDuring(() => push(data, "--dry-run"));
    expect(changed.by).toEqual({ get: 1, "values.batchGet": 1 });
    expect(changed.result.out).toContain(`${units}: thêm 0, cập nhật 1, không đổi 1`);
    expect(changed.result.out).toContain("Chạy thử: chưa ghi gì");
    expect(fake.cells(units)[1]![2]).toEqual({ value: "tên cũ" });
  });

  it("pushes into a sheet the Apps Script side set up: same tabs, header rows only", async () => {
    await fake.close();
    fake = await startFakeSheets({ tabs: [] });
    await useFake(fake);
    for (const key of TRACKER_TAB_ORDER) {
      const def = TRACKER_TABS[key];
      const name = tabName(key, "2025");
      const header = tabGrid({ header: def.columns.map((c) => c.label), rows: [] }, "parsed")[0]!;
      fake.addTab(name, [header]);
    }
    const { data } = tracker();
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);
    expect(r.by).toEqual({ get: 1, "values.batchGet": 1, "values.batchUpdate": 1 });
    // Headers were the same, indicator columns come after the unit values tab's fixed ones: the
    // sheet ends up holding exactly the tracker's tabs, each row under its header.
    expectSheetHolds(trackerTabsOf(data));
  });

  it("splits data over 2 MB into several values.batchUpdate requests of at most 2 MB each", async () => {
    const units: Unit[] = Array.from({ length: 450 }, (_, i) => ({
      code: `S-${String(i).padStart(3, "0")}`,
      name: `Sở thử nghiệm ${i}`,
      kind: "department",
      level: "province",
    }));
    const { data } = tracker(units, units.length);
    const r = await requestsDuring(() => push(data));
    expect(r.result.code, r.result.err).toBe(0);
    const writes = r.made.filter((q) => q.endpoint === "values.batchUpdate");
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(r.total).toBe(2 + writes.length);
    for (const w of writes) {
      expect(w.status).toBe(200);
      expect(w.bytes).toBeLessThanOrEqual(FAKE_MAX_BODY_BYTES);
    }
    expect(r.result.out).toMatch(new RegExp(`Ghi ${writes.length} phần \\(\\d+,\\d MB\\)`, "u"));
    expectSheetHolds(trackerTabsOf(data));
    const again = await requestsDuring(() => push(data));
    expect(again.by).toEqual({ get: 1, "values.batchGet": 1 });
  });

  it("has a fake that refuses a body over 2 MB, so the split above is needed, not cosmetic", async () => {
    const { sheets } = await connectSheets(process.env);
    const big = Array.from({ length: 2100 }, () => ["x".repeat(1000)]);
    await expect(
      sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: fake.spreadsheetId,
        requestBody: { valueInputOption: "RAW", data: [{ range: "'Sheet1'!A1", values: big }] },
      }),
    ).rejects.toMatchObject({ status: 413 });
    expect(fake.values("Sheet1")).toEqual([]);
  });

  it("pushes a folder of filled .xlsx reports: bad ones skipped, a unit's later file its next revision", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-reports-"));
    const made = async (
      unit: Unit,
      name: string,
      edit: (e: ReturnType<typeof validEdits>) => void,
    ) => {
      const blank = join(dir, `${name}.blank`);
      const t = await run("template", PLAN, "--unit", unit.code, "--period", "2025", "-o", blank);
      expect(t.code, t.err).toBe(0);
      const edits = validEdits(template, unit, buildLayout(template, unit, "2025"), new Date());
      edit(edits);
      const file = join(dir, `${name}.xlsx`);
      await fillWorkbook(blank, file, edits);
      return file;
    };
    const early = await made(reportingUnit, "stttt-lan-1", () => {});
    // The second file corrects an evidence text: another file, so another submission.
    const late = await made(reportingUnit, "stttt-lan-2", (edits) => {
      const evidence = edits.find(
        (e) => typeof e.value === "string" && e.value.startsWith("Quyết định"),
      )!;
      evidence.value = "Quyết định số 99/QĐ-UBND ngày 01/12/2025";
    });
    const other = await made(district, "ninh-kieu", () => {});
    utimesSync(early, new Date("2025-12-01T02:00:00Z"), new Date("2025-12-01T02:00:00Z"));
    utimesSync(late, new Date("2025-12-03T02:00:00Z"), new Date("2025-12-03T02:00:00Z"));
    utimesSync(other, new Date("2025-12-02T02:00:00Z"), new Date("2025-12-02T02:00:00Z"));
    const blank = join(dir, "chua-dien.xlsx");
    expect(
      (await run("template", PLAN, "--unit", "SYT", "--period", "2025", "-o", blank)).code,
    ).toBe(0);
    writeFileSync(join(dir, "ghi-chu.xlsx"), "not a workbook");

    const r = await requestsDuring(() =>
      run("push", "--to", `google:${fake.spreadsheetId}`, "--period", "2025", "--from", dir),
    );
    expect(r.result.code, r.result.err).toBe(0);
    expect(r.result.out).toContain("3/5 tệp .xlsx");
    expect(r.result.err).toMatch(/Bỏ qua \/ skipped chua-dien\.xlsx: \d+ lỗi/u);
    expect(r.result.err).toContain("Bỏ qua / skipped ghi-chu.xlsx: không đọc được tệp .xlsx");
    expect(r.total).toBe(3);

    const log = fake.values(TRACKER_TABS.submissions.name);
    const col = (label: string) => log[0]!.indexOf(label);
    const idOf = (file: string) => {
      const hex = createHash("sha256").update(readFileSync(file)).digest("hex");
      return new RegExp(`^${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-`, "u");
    };
    const rowsOf = (file: string) =>
      log.filter((row) => idOf(file).test(String(row[col("Mã lần nộp")])));
    const summary = (file: string) => {
      const rows = rowsOf(file);
      return new Set(
        rows.map(
          (row) => `${row[col("Lần nộp")]} ${row[col("Hiệu lực")]} ${row[col("Thời điểm nhận")]}`,
        ),
      );
    };
    expect(summary(early)).toEqual(new Set([`1 ${SUPERSEDED} 2025-12-01T09:00:00.000+07:00`]));
    expect(summary(late)).toEqual(new Set([`2 ${CURRENT} 2025-12-03T09:00:00.000+07:00`]));
    expect(summary(other)).toEqual(new Set([`1 ${CURRENT} 2025-12-02T09:00:00.000+07:00`]));
    // The unit list is the shipped one: every Cần Thơ unit is expected, the two reported.
    const units = fake.values(TRACKER_TABS.units.name);
    expect(units.length - 1).toBe(loadUnits().length);

    const again = await requestsDuring(() =>
      run("push", "--to", `google:${fake.spreadsheetId}`, "--period", "2025", "--from", dir),
    );
    expect(again.by).toEqual({ get: 1, "values.batchGet": 1 });
  });

  it("explains a spreadsheet it cannot reach, and prints no key or token", async () => {
    const { data } = tracker();
    const wrong = await run(
      "push",
      "--to",
      "google:not-this-one",
      "--period",
      "2025",
      "--plan",
      PLAN,
      "--from",
      data,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("Không tìm thấy bảng tính not-this-one");
    fake.failNext(403, 1, undefined, "get");
    const denied = await push(data);
    expect(denied.code).toBe(1);
    expect(denied.err).toContain(`Chia sẻ bảng tính với ${fake.clientEmail}`);
    const printed = wrong.out + wrong.err + denied.out + denied.err;
    expect(printed).not.toMatch(/PRIVATE KEY|fake-[0-9a-f]{32}|Bearer/u);
    const badTarget = await run("push", "--to", "sheets:x", "--period", "2025", "--from", data);
    expect(badTarget.code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), "chitieu-empty-"));
    const nothing = await run(
      "push",
      "--to",
      `google:${fake.spreadsheetId}`,
      "--period",
      "2025",
      "--from",
      empty,
    );
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain("không có tracker.sqlite hay tệp .xlsx nào");
    vi.stubEnv("GOOGLE_APPLICATION_CREDENTIALS", join(empty, "missing-key.json"));
    const noKey = await push(data);
    expect(noKey.code).toBe(2);
    expect(noKey.err).toContain("Không đọc được khóa GOOGLE_APPLICATION_CREDENTIALS");
  });
});

describe("chitieu push: a small fixed case, checked against tables worked out by hand", () => {
  /** A row as the values API reads it back: trailing blank cells are not sent. */
  const trimmed = (rows: unknown[][]) =>
    rows.map((row) => {
      const out = [...row];
      while (out.length && out.at(-1) === "") out.pop();
      return out;
    });

  it("pushes the units, consolidated, unit values, tasks, timeliness and budget tabs of the hand-made tables", async () => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-push-small-"));
    const store = openStore(data);
    try {
      store.importUnits(smallUnits);
      for (const [unit, key] of Object.entries(smallKeys)) store.setKey(unit, key);
      for (const { submission, receivedAt } of smallSubmissions) {
        const body = envelopeFor(submission, {
          url: "http://x",
          unit: submission.unit,
          key: smallKeys[submission.unit]!,
        }).body;
        const at = new Date(receivedAt);
        const r = processPost(body, store, { date: at, iso: isoInVietnam(at) });
        expect(r.answer, submission.submissionId).toMatchObject({
          ok: true,
          receipt: { receivedAt },
        });
      }
    } finally {
      store.close();
    }
    const r = await run(
      "push",
      ...["--to", `google:${fake.spreadsheetId}`, "--period", SMALL_PERIOD],
      ...["--plan", SMALL_PLAN, "--from", data],
    );
    expect(r.code, r.err).toBe(0);
    const body = (name: string) => fake.values(name).slice(1);
    expect(body("Đơn vị")).toEqual(trimmed(expectedUnitsRows));
    expect(fake.values("Tổng hợp 2025")[0]).toEqual(expectedConsolidatedHeader);
    expect(body("Tổng hợp 2025")).toEqual(
      trimmed(expectedConsolidatedRows(findTemplate(SMALL_PLAN))),
    );
    expect(fake.values("Số liệu đơn vị 2025")[0]).toEqual(
      expectedUnitValuesHeader(findTemplate(SMALL_PLAN)),
    );
    expect(body("Số liệu đơn vị 2025")).toEqual(
      trimmed(expectedUnitValuesRows(findTemplate(SMALL_PLAN))),
    );
    expect(body("Nhiệm vụ")).toEqual([]);
    expect(body("Tiến độ nộp")).toEqual(trimmed(expectedTimelinessRows));
    expect(body("Kinh phí")).toEqual(trimmed(expectedBudgetRows));
  });
});
