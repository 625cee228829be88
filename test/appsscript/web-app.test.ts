// The web app's doPost and doGet in the built bundle: what a post writes where, the reads and writes
// it costs (the same whatever is stored), the lock, long reports and free text that must stay text.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { consolidate } from "../../src/core/tracker/consolidate.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import type { Submission } from "../../src/core/check/submission-schema.js";
import { CURRENT, SUPERSEDED, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import { submissionLogTab, timelinessTab } from "../../src/core/tracker/tracker-tabs.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { storedCount, trackerWorld } from "../fakes/apps-script/tracker.js";
import { CELL_LIMIT, columnLetters } from "../fakes/apps-script/spreadsheet.js";
import { envelopeFor, SUBMIT_TIMEOUT_MS } from "../../src/core/wire/submit-client.js";
import {
  resourceUrl,
  StatusAnswer,
  TemplatesAnswer,
  UnitsAnswer,
} from "../../src/core/wire/read-api.js";
import { validReport } from "../fixtures/reports.js";
import { smallCaseWorld } from "../fixtures/small-case-world.js";
import {
  bodyOf,
  SUITE_KEYS,
  SUITE_PERIOD,
  SUITE_PLAN,
  SUITE_UNITS,
} from "../protocol/chitieu1.suite.js";
import { suitePlan } from "../protocol/servers.js";

const template = suitePlan();
const LOG = TRACKER_TABS.submissions.name;
const logColumn = (key: string) => TRACKER_TABS.submissions.columns.findIndex((c) => c.key === key);

let world: AppsScriptWorld;
beforeEach(async () => {
  world = await trackerWorld({
    planId: SUITE_PLAN,
    period: SUITE_PERIOD,
    units: SUITE_UNITS,
    keys: SUITE_KEYS,
  });
});

const post = (body: string) => JSON.parse(world.post(body).text) as Answer;
const report = (mutate?: (s: Submission) => void) => {
  const s = validReport(template, randomUUID());
  mutate?.(s);
  return s;
};
const receiptOf = (answer: Answer) => {
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.receipt;
};
const blankNull = (row: readonly unknown[]) => row.map((v) => (v === null ? "" : v));
const allSheets = () => world.spreadsheet.sheets;

/** What a post costs, by the counts that matter. */
function cost() {
  const c = world.calls;
  return {
    reads: c.reads(),
    writes: c.writes(),
    setValues: c.count("Range.setValues"),
    perCell: c.count("Range.setValue") + c.count("Range.getValue") + c.count("Sheet.appendRow"),
    locks: [c.count("Lock.waitLock"), c.count("Lock.releaseLock")],
    flushes: c.count("SpreadsheetApp.flush"),
  };
}

describe("doPost", () => {
  it("stores the submission and appends its values to the log, as core's submissionLogTab rows", () => {
    const s = report();
    const receipt = receiptOf(post(bodyOf(s)));
    expect(storedCount(world)).toBe(1);
    const expected = submissionLogTab(template, [
      { submission: s, revision: 1, receivedAt: receipt.receivedAt },
    ]);
    expect(expected.rows.length).toBeGreaterThan(10);
    expect(world.spreadsheet.sheet(LOG)!.dump(2)).toEqual(expected.rows.map(blankNull));
    const [stored] = world.spreadsheet.sheet("_submissions")!.dump(2);
    expect(stored!.slice(0, 6)).toEqual([
      receipt.receivedAt,
      s.submissionId,
      s.planId,
      s.unit,
      s.period,
      1,
    ]);
    expect(stored![9]).toBe(s.submittedAt);
    // The payload follows the index (A–J), from column K.
    expect(JSON.parse(stored!.slice(10).join(""))).toEqual(s);
  });

  it("marks the previous revision's log rows superseded when a new one arrives", () => {
    const first = receiptOf(post(bodyOf(report())));
    const second = receiptOf(post(bodyOf(report())));
    expect(second.revision).toBe(2);
    const rows = world.spreadsheet.sheet(LOG)!.dump(2);
    const state = (id: string) =>
      new Set(
        rows.filter((r) => r[logColumn("submissionId")] === id).map((r) => r[logColumn("state")]),
      );
    expect(state(first.submissionId)).toEqual(new Set([SUPERSEDED]));
    expect(state(second.submissionId)).toEqual(new Set([CURRENT]));
  });

  it("colours the log's superseded rows however far the log has grown", () => {
    const log = world.spreadsheet.sheet(LOG)!;
    const startRows = log.getMaxRows();
    while (log.lastRow() <= startRows + 10) receiptOf(post(bodyOf(report())));
    const state = columnLetters(logColumn("state") + 1);
    const rule = log.rules.find((r) => r.text === SUPERSEDED);
    expect(rule).toBeDefined();
    const covered = rule!.ranges.some((a1) => {
      const m = new RegExp(`^${state}(\\d+):${state}(\\d+)$`, "u").exec(a1);
      return m !== null && Number(m[1]) <= 2 && Number(m[2]) >= log.lastRow();
    });
    expect(covered, `${rule!.ranges.join(", ")} covers ${state}2:${state}${log.lastRow()}`).toBe(
      true,
    );
  });

  it("leaves a sorted log alone rather than mark rows of another submission", () => {
    const first = receiptOf(post(bodyOf(report())));
    const other = receiptOf(post(bodyOf(report((s) => (s.period = "2024")))));
    const log = world.spreadsheet.sheet(LOG)!;
    // Someone sorts the log by item: the two submissions' rows are interleaved.
    const rows = log
      .dump(2)
      .sort((a, b) => String(a[logColumn("itemId")]).localeCompare(String(b[logColumn("itemId")])));
    log.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
    expect(receiptOf(post(bodyOf(report()))).revision).toBe(2);
    const states = (id: string) =>
      new Set(
        log
          .dump(2)
          .filter((r) => r[logColumn("submissionId")] === id)
          .map((r) => r[logColumn("state")]),
      );
    expect(states(first.submissionId)).toEqual(new Set([CURRENT]));
    expect(states(other.submissionId)).toEqual(new Set([CURRENT]));
  });

  it("costs a small constant of reads and writes, whatever is already stored", () => {
    world.calls.reset();
    receiptOf(post(bodyOf(report())));
    // The unit list; nothing stored yet. The submission's row, the log's rows.
    expect(cost()).toEqual({
      reads: 1,
      writes: 2,
      setValues: 2,
      perCell: 0,
      locks: [1, 1],
      flushes: 1,
    });

    for (const stored of [1, 8]) {
      while (storedCount(world) < stored) receiptOf(post(bodyOf(report())));
      world.calls.reset();
      receiptOf(post(bodyOf(report())));
      // + the submissions index, and the previous revision's log rows checked then marked.
      expect(cost(), `with ${stored} stored`).toEqual({
        reads: 3,
        writes: 3,
        setValues: 3,
        perCell: 0,
        locks: [1, 1],
        flushes: 1,
      });

      world.calls.reset();
      receiptOf(post(bodyOf(report((s) => (s.period = String(2024 - stored))))));
      expect(cost(), `first of its period, ${stored} stored`).toEqual({
        reads: 2,
        writes: 2,
        setValues: 2,
        perCell: 0,
        locks: [1, 1],
        flushes: 1,
      });
    }

    const body = bodyOf(report());
    receiptOf(post(body));
    world.calls.reset();
    expect(receiptOf(post(body)).duplicate).toBe(true);
    expect(cost()).toEqual({
      reads: 2,
      writes: 0,
      setValues: 0,
      perCell: 0,
      locks: [1, 1],
      flushes: 1,
    });

    world.calls.reset();
    const forged = JSON.parse(body) as { signature: string };
    post(JSON.stringify({ ...forged, signature: "0".repeat(64) }));
    expect(cost()).toEqual({
      reads: 1,
      writes: 0,
      setValues: 0,
      perCell: 0,
      locks: [1, 1],
      flushes: 1,
    });
  });

  it.each([
    ["a unit's first report", false, [1, 2]],
    ["a new revision", true, [1, 2, 3]],
  ] as const)(
    "a failed write leaves %s whole or missing, and its resend repairs it",
    (_, revised, failures) => {
      for (const nth of failures) {
        world.spreadsheet.sheets
          .filter((sh) => ["_submissions", LOG].includes(sh.getName()))
          .forEach((sh) =>
            sh.getRange(2, 1, sh.getMaxRows() - 1, sh.getMaxColumns()).clearContent(),
          );
        const received: { s: Submission; revision: number; receivedAt: string }[] = [];
        if (revised) {
          const first = report();
          const r = receiptOf(post(bodyOf(first)));
          received.push({ s: first, revision: r.revision, receivedAt: r.receivedAt });
        }
        const s = report();
        const body = bodyOf(s);
        world.spreadsheet.failWrite(nth);
        expect(post(body), `write ${nth} fails`).toMatchObject({
          ok: false,
          error: { code: "server-error" },
        });
        expect(storedCount(world), `write ${nth} fails`).toBe(received.length);
        const again = receiptOf(post(body));
        expect(again, `resent after write ${nth} failed`).toMatchObject({
          duplicate: false,
          revision: received.length + 1,
        });
        expect(receiptOf(post(body)).duplicate).toBe(true);
        received.push({ s, revision: again.revision, receivedAt: again.receivedAt });
        // The tracker holds what a run without the failure would: each report once, in the
        // index and in the log, the earlier revision marked superseded.
        expect(storedCount(world)).toBe(received.length);
        const expected = submissionLogTab(
          template,
          received.map((r) => ({
            submission: r.s,
            revision: r.revision,
            receivedAt: r.receivedAt,
          })),
        );
        expect(world.spreadsheet.sheet(LOG)!.dump(2), `write ${nth} failed`).toEqual(
          expected.rows.map(blankNull),
        );
      }
    },
  );

  it("waits 10–15 s for the lock, well inside the client's minute", () => {
    world.locks.script.waits.length = 0;
    receiptOf(post(bodyOf(report())));
    expect(world.locks.script.waits).toHaveLength(1);
    const [wait] = world.locks.script.waits;
    expect(wait).toBeGreaterThanOrEqual(10_000);
    expect(wait).toBeLessThanOrEqual(15_000);
    expect(wait! * 4).toBeLessThanOrEqual(SUBMIT_TIMEOUT_MS);
  });

  it("answers server-error when the lock cannot be had, storing nothing", () => {
    world.locks.script.busy = true;
    world.calls.reset();
    expect(post(bodyOf(report()))).toMatchObject({ ok: false, error: { code: "server-error" } });
    expect(world.calls.reads() + world.calls.writes()).toBe(0);
    expect(storedCount(world)).toBe(0);
  });

  it.each([0, 1])(
    "keeps a report longer than a cell in chunks under the 50,000-character limit, pairs unsplit (shift %i)",
    (shift) => {
      // Notes of flags only (two UTF-16 units each), shifted by one unit: wherever the cuts fall,
      // one of the two runs puts a cut between the halves of a pair unless the store avoids it.
      const long = report((s) => {
        s.indicators.forEach(
          (e, i) => (e.note = `${i === 0 ? "x".repeat(shift) : ""}${"🇻🇳".repeat(999)}`),
        );
      });
      const payload = (JSON.parse(bodyOf(long)) as { payload: string }).payload;
      expect(payload.length).toBeGreaterThan(2 * CELL_LIMIT);
      receiptOf(post(bodyOf(long)));
      const [row] = world.spreadsheet.sheet("_submissions")!.dump(2);
      const chunks = row!
        .slice(10)
        .filter((c) => c !== "")
        .map(String);
      expect(row![8]).toBe(chunks.length);
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) expect(c.length).toBeLessThanOrEqual(CELL_LIMIT);
      expect(chunks.join("")).toBe(payload);
      const notes = world.spreadsheet
        .sheet(LOG)!
        .dump(2)
        .map((r) => r[logColumn("note")]);
      expect(notes).toContain(long.indicators[3]!.note);
      // Read back whole by the consolidator's check: nothing damaged.
      world.run("checkAllSubmissions");
      expect(world.ui.dialogs.at(-1)!.html).not.toContain("Dữ liệu lưu");
    },
  );

  it("keeps free text as the text it was: no formula, no number, no date", () => {
    const texts = [
      '=HYPERLINK("http://x","y")',
      "+84 912 345 678",
      "-5 hồ sơ",
      "@all",
      "'trích dẫn",
      "2025-12-05",
      "30001",
      "TRUE",
      "12,5%",
    ];
    const s = report((r) => {
      r.indicators.forEach((e, i) => (e.note = texts[i % texts.length]));
      r.indicators[0]!.evidence = "=1+1";
    });
    receiptOf(post(bodyOf(s)));
    world.run("consolidateNow");
    for (const sheet of allSheets()) expect(sheet.formulaCount(), sheet.getName()).toBe(0);
    const log = world.spreadsheet.sheet(LOG)!.dump(2);
    const notes = log
      .filter((r) => r[logColumn("field")] !== "Ghi chú")
      .map((r) => r[logColumn("note")]);
    expect(new Set(notes)).toEqual(new Set(texts));
    expect(log.map((r) => r[logColumn("value")])).toContain("=1+1");
  });

  it("stores the right Vietnam time where Intl has no longOffset time-zone names", async () => {
    // An older runtime's Intl refuses timeZoneName "longOffset", as V8 did before it knew it.
    const prelude = `(() => {
      const Original = Intl.DateTimeFormat;
      function DateTimeFormat(locales, options) {
        if (options && options.timeZoneName === "longOffset")
          throw new RangeError("Value longOffset out of range for Intl.DateTimeFormat options property timeZoneName");
        return new Original(locales, options);
      }
      DateTimeFormat.prototype = Original.prototype;
      DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
      Intl.DateTimeFormat = DateTimeFormat;
    })();`;
    world = await trackerWorld({
      planId: SUITE_PLAN,
      period: SUITE_PERIOD,
      units: SUITE_UNITS,
      keys: SUITE_KEYS,
      prelude,
    });
    expect(() =>
      world.evaluate(`new Intl.DateTimeFormat("en-US", { timeZoneName: "longOffset" })`),
    ).toThrow(/longOffset/u);
    const before = Date.now();
    const s = report();
    const receipt = receiptOf(post(bodyOf(s)));
    const after = Date.now();
    expect(receipt.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/u);
    const at = Date.parse(receipt.receivedAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
    const [stored] = world.spreadsheet.sheet("_submissions")!.dump(2);
    expect(stored![0]).toBe(receipt.receivedAt);
    expect(world.spreadsheet.sheet(LOG)!.dump(2)[0]![logColumn("receivedAt")]).toBe(
      receipt.receivedAt,
    );
    // Lateness against the deadline, as core reckons it where Intl is whole.
    world.run("consolidateNow");
    const expected = timelinessTab(
      consolidate({
        template,
        units: [...SUITE_UNITS],
        period: SUITE_PERIOD,
        submissions: [{ submission: s, revision: 1, receivedAt: receipt.receivedAt }],
        now: new Date(),
      }),
    );
    expect(world.spreadsheet.sheet(expected.name)!.dump(2)).toEqual(expected.rows.map(blankNull));
    expect(JSON.stringify(world.spreadsheet.sheet(expected.name)!.dump())).not.toContain("NaN");
  });

  it("keeps the index as plain text: codes Sheets would read as dates or numbers stay codes", async () => {
    // Legal unit codes (letters, digits, "." "_" "-") that a Sheets cell of the default format
    // would turn into a date, a number or a boolean.
    const codes = ["Dec-12", "12-Dec", "2025-12", "1-2", "Mar-2025", "1e5", "TRUE", "007"];
    const odd = codes.map((code) => ({
      code,
      name: `Đơn vị ${code}`,
      kind: "department" as const,
      level: "province" as const,
    }));
    const key = "7a".repeat(32);
    world = await trackerWorld({
      planId: SUITE_PLAN,
      period: SUITE_PERIOD,
      units: odd,
      keys: Object.fromEntries(codes.map((c) => [c, key])),
    });
    for (const unit of odd) {
      for (const revision of [1, 2]) {
        const s = validReport(template, randomUUID(), unit);
        const answer = post(
          envelopeFor(s, { url: "https://x.invalid", unit: unit.code, key }).body,
        );
        expect(receiptOf(answer).revision, `${unit.code} revision ${revision}`).toBe(revision);
      }
    }
    const stored = world.spreadsheet.sheet("_submissions")!;
    const rows = stored.dump(2);
    expect(rows.map((r) => r[3])).toEqual(codes.flatMap((c) => [c, c]));
    expect(rows.map((r) => r[4])).toEqual(codes.flatMap(() => [SUITE_PERIOD, SUITE_PERIOD]));
    for (const column of [1, 2, 3, 4, 5, 7])
      expect(stored.formatAt(rows.length + 1, column), `column ${column}`).toBe("@");
    // The consolidation reads them back as the units they are.
    world.run("consolidateNow");
    expect(world.spreadsheet.toasts.at(-1)!.message).toContain(
      `${codes.length}/${codes.length} đơn vị đã nộp`,
    );
  });

  it("answers JSON through ContentService", () => {
    const answer = world.post(bodyOf(report()));
    expect(answer.mimeType).toBe("JSON");
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true });
  });
});

describe("doGet", () => {
  it("answers the tracker's status as JSON: counts and the plan it accepts", () => {
    receiptOf(post(bodyOf(report())));
    const output = world.run<{ getContent(): string; getMimeType(): string }>("doGet", {
      parameter: {},
    });
    expect(output.getMimeType()).toBe("JSON");
    expect(JSON.parse(output.getContent())).toEqual({
      ok: true,
      protocol: "chitieu/1",
      units: SUITE_UNITS.length,
      submissions: 1,
      templates: [{ id: template.id, version: template.version, title: template.plan.title }],
    });
  });

  it("answers the add-in's reads: templates, the plan's template, units without keys", () => {
    const get = (parameter: Record<string, string>) =>
      JSON.parse(world.run<{ getContent(): string }>("doGet", { parameter }).getContent());
    expect(get({ resource: "templates" })).toEqual([
      { id: template.id, version: template.version, title: template.plan.title },
    ]);
    expect(get({ resource: "template", id: template.id })).toMatchObject({
      id: template.id,
      version: template.version,
    });
    expect(get({ resource: "template", id: "khac" })).toMatchObject({
      ok: false,
      error: { code: "unknown-template" },
    });
    const units = get({ resource: "units" });
    expect(units).toHaveLength(SUITE_UNITS.length);
    expect(Object.keys(units[0]).sort()).toEqual(["code", "kind", "level", "name"]);
  });

  it("answers the add-in's reads in the shapes core's read API defines, at the URLs it asks", () => {
    const code = { url: "https://script.google.com/macros/s/abc/exec" };
    const get = (url: string) =>
      JSON.parse(
        world
          .run<{ getContent(): string }>("doGet", {
            parameter: Object.fromEntries(new URL(url).searchParams),
          })
          .getContent(),
      );
    expect(TemplatesAnswer.safeParse(get(resourceUrl(code, "templates"))).success).toBe(true);
    expect(UnitsAnswer.safeParse(get(resourceUrl(code, "units"))).success).toBe(true);
    expect(StatusAnswer.safeParse(get(resourceUrl(code, "status"))).success).toBe(true);
    expect(get(resourceUrl(code, { template: template.id }))).toMatchObject({ id: template.id });
  });
});

describe("doPost: the log of a small fixed case, checked against rows worked out by hand", () => {
  const S1 = "5a5a5a5a-0000-4000-8000-000000000001";
  const S2 = "5a5a5a5a-0000-4000-8000-000000000002";
  const S3 = "5a5a5a5a-0000-4000-8000-000000000003";
  const R1 = "2025-12-01T09:00:00.000+07:00";
  const R2 = "2025-12-03T10:00:00.000+07:00";
  const R3 = "2025-12-10T08:00:00.000+07:00";
  const OLD = "Đã thay thế";
  const NOW = "Hiện hành";

  it("appends one row per reported value in order of receipt, and supersedes STTTT's first revision", async () => {
    const log = (await smallCaseWorld()).spreadsheet.sheet(LOG)!.dump(2);
    // STTTT: 21 indicators, 16 of them ratios (two rows each), KT-07 with evidence (two rows);
    // its second revision adds three budget lines of two figures. Q-NK: 19 indicators, 16 ratios,
    // and two budget lines.
    expect(log.map((r) => r[1])).toEqual([
      ...Array(38).fill(S1),
      ...Array(44).fill(S2),
      ...Array(39).fill(S3),
    ]);
    expect(new Set(log.filter((r) => r[1] === S1).map((r) => r[3]))).toEqual(new Set([OLD]));
    expect(new Set(log.filter((r) => r[1] !== S1).map((r) => r[3]))).toEqual(new Set([NOW]));
    const rows = (id: string, item: string) => log.filter((r) => r[1] === id && r[7] === item);
    // prettier-ignore
    {
      expect(log[0]).toEqual([R1, S1, 1, OLD, "STTTT", "2025", "Chỉ tiêu", "CQ-01", "Giá trị", 7, "", 1]);
      expect(rows(S1, "CQ-05")).toEqual([
        [R1, S1, 1, OLD, "STTTT", "2025", "Chỉ tiêu", "CQ-05", "Tử số", 1, "Mới triển khai", 1],
        [R1, S1, 1, OLD, "STTTT", "2025", "Chỉ tiêu", "CQ-05", "Mẫu số", 10, "Mới triển khai", 1],
      ]);
      expect(rows(S2, "CQ-02")).toEqual([
        [R2, S2, 2, NOW, "STTTT", "2025", "Chỉ tiêu", "CQ-02", "Tử số", 50, "Còn hồ sơ giấy", 1],
        [R2, S2, 2, NOW, "STTTT", "2025", "Chỉ tiêu", "CQ-02", "Mẫu số", 100, "Còn hồ sơ giấy", 1],
      ]);
      expect(rows(S2, "KT-07")).toEqual([
        [R2, S2, 2, NOW, "STTTT", "2025", "Chỉ tiêu", "KT-07", "Giá trị", 1, "", 1],
        [R2, S2, 2, NOW, "STTTT", "2025", "Chỉ tiêu", "KT-07", "Minh chứng", "QĐ 12/QĐ-UBND", "", 1],
      ]);
      expect(rows(S2, "KP-TONG")).toEqual([
        [R2, S2, 2, NOW, "STTTT", "2025", "Kinh phí", "KP-TONG", "Đã bố trí", 1000, "", 1],
        [R2, S2, 2, NOW, "STTTT", "2025", "Kinh phí", "KP-TONG", "Đã giải ngân", 400, "", 1],
      ]);
      expect(rows(S3, "CQ-08")).toEqual([
        [R3, S3, 1, NOW, "Q-NK", "2025", "Chỉ tiêu", "CQ-08", "Giá trị", 90, "Một phòng chưa kết nối", 1],
      ]);
      expect(log.at(-1)).toEqual([R3, S3, 1, NOW, "Q-NK", "2025", "Kinh phí", "KP-DTPT", "Đã giải ngân", 50, "", 1]);
    }
  });
});
