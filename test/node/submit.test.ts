// `chitieu submit` against a real tracker on loopback: sent, refused, or queued and flushed later.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { findTemplate } from "../../src/node/lookup.js";
import { submitDeps } from "../../src/node/commands/submit.js";
import { issueConsolidatorCredential } from "../../src/node/tracker/consolidator-credentials.js";
import type { SqliteStore } from "../../src/node/tracker/store.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import { startWebAppHost } from "../fakes/apps-script/web-app-host.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";
import {
  SUITE_KEY,
  SUITE_KEYS,
  SUITE_PERIOD,
  SUITE_PLAN,
  SUITE_UNITS,
} from "../protocol/chitieu1.suite.js";
import { suitePlan } from "../protocol/servers.js";
import type { Consolidation } from "../../src/core/tracker/consolidate.js";
import {
  run,
  startTracker as startLoopbackTracker,
  type LoopbackTracker,
} from "../fixtures/cli.js";
import { addressOf, fillWorkbook, validEdits, type Edit } from "../fixtures/fill-workbook.js";

const KEY = "e".repeat(64);
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;

let store: SqliteStore | undefined;
let app: LoopbackTracker["app"] | undefined;
let dataDir = "";
afterEach(async () => {
  await app?.close();
  store?.close();
  app = store = undefined;
});

async function startTracker(port = 0) {
  const tracker = await startLoopbackTracker(unit, KEY, port);
  ({ store, app, dataDir } = tracker);
  return tracker.port;
}

/** A filled, valid can-tho-2256 report for the unit, through `chitieu template` and exceljs. */
async function filledReport(dir: string, name = "bao-cao.xlsx", planted: Edit[] = []) {
  const blank = join(dir, "blank.xlsx");
  const filled = join(dir, name);
  expect(
    (await run("template", "can-tho-2256", "--unit", unit.code, "--period", "2025", "-o", blank))
      .code,
  ).toBe(0);
  const template = findTemplate("can-tho-2256");
  await fillWorkbook(blank, filled, [
    ...validEdits(template, unit, buildLayout(template, unit, "2025"), new Date()),
    ...planted,
  ]);
  return filled;
}

/** KT-10 (a share of the economy, ≥ 30%): the officer's figure, 80 then corrected to 90. */
const KT10 = "KT-10";
const kt10 = (value: number): Edit[] => {
  const template = findTemplate("can-tho-2256");
  const layout = buildLayout(template, unit, "2025");
  return [{ address: addressOf(layout, { kind: "indicator", id: KT10, field: "value" }), value }];
};

/** The figure `chitieu consolidate` gives for the unit's KT-10, and the revision it counts. */
async function consolidatedKt10() {
  const r = await run(
    "consolidate",
    "--plan",
    "can-tho-2256",
    "--period",
    "2025",
    "--json",
    "--data",
    dataDir,
  );
  expect(r.code, r.out).toBe(0);
  const c = JSON.parse(r.out) as Consolidation;
  return {
    value: c.indicators.find((i) => i.id === KT10)?.byUnit[unit.code]?.value,
    revision: c.units.find((u) => u.code === unit.code)?.revision,
    revisions: c.units.find((u) => u.code === unit.code)?.revisions,
  };
}

/** Lets `submit` try once and give up at once: the tracker is down. */
async function queuedWhileDown(file: string, code: string, outbox: string) {
  const realSleep = submitDeps.sleep;
  submitDeps.sleep = async () => undefined;
  try {
    const r = await run("submit", file, "--code", code, "--outbox", outbox, "--retries", "0");
    expect(r.code, r.out).toBe(3);
  } finally {
    submitDeps.sleep = realSleep;
  }
}

describe("chitieu submit", () => {
  it("checks, sends and prints the receipt; the tracker shows the value", async () => {
    const port = await startTracker();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const file = await filledReport(dir);
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    const r = await run("submit", file, "--code", code, "--outbox", outbox);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/Đã nhận \/ received: [0-9a-f-]{36} lần 1/u);
    expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
    expect(readFileSync(join(dir, "receipts.jsonl"), "utf8")).toContain('"revision":1');
    expect(readFileSync(file).includes(Buffer.from(KEY))).toBe(false);
    const page = await app!.inject({
      url: "/plans/can-tho-2256/2025",
      headers: {
        authorization: `Bearer ${issueConsolidatorCredential(store!, "kiểm thử").credential}`,
      },
    });
    expect(page.body).toContain("Đạt");
    expect(store!.submissionCount()).toBe(1);
  });

  it("refuses to send a report with errors and sends nothing", async () => {
    const port = await startTracker();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const blank = join(dir, "blank.xlsx");
    await run("template", "can-tho-2256", "--unit", unit.code, "--period", "2025", "-o", blank);
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const r = await run("submit", blank, "--code", code, "--outbox", join(dir, "outbox.json"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("còn lỗi, chưa gửi");
    expect(store!.submissionCount()).toBe(0);
  });

  it("reports the tracker's refusal of a wrong key", async () => {
    const port = await startTracker();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const file = await filledReport(dir);
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: "f".repeat(64),
    });
    const r = await run("submit", file, "--code", code, "--outbox", join(dir, "outbox.json"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("bad-signature");
    expect(store!.submissionCount()).toBe(0);
  });

  it("queues when the tracker cannot be reached, retries with backoff, and flushes later", async () => {
    const port = await startTracker();
    await app!.close();
    store!.close();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const file = await filledReport(dir);
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    const waits: number[] = [];
    const realSleep = submitDeps.sleep;
    submitDeps.sleep = async (ms) => void waits.push(ms);
    try {
      const r = await run("submit", file, "--code", code, "--outbox", outbox, "--retries", "3");
      expect(r.code).toBe(3);
      expect(waits).toHaveLength(3);
      expect(waits[1]!).toBeGreaterThanOrEqual(1000);
    } finally {
      submitDeps.sleep = realSleep;
    }
    const queued = JSON.parse(readFileSync(outbox, "utf8"));
    expect(queued).toHaveLength(1);
    expect(queued[0].attempts).toBe(4);
    expect(JSON.stringify(queued)).not.toContain(KEY);

    await startTracker(port);
    const flushed = await run("submit", "--flush", "--outbox", outbox);
    expect(flushed.code, flushed.out).toBe(0);
    expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
    expect(store!.submissionCount()).toBe(1);
  });

  it("sends to an Apps Script web app through Google's redirect, and holds a report Google answers with a page", async () => {
    const world = await trackerWorld({
      planId: SUITE_PLAN,
      period: SUITE_PERIOD,
      units: SUITE_UNITS,
      keys: SUITE_KEYS,
    });
    const host = await startWebAppHost(world);
    try {
      const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
      const outbox = join(dir, "outbox.json");
      const code = formatAccessCode({ url: host.url, unit: reportingUnit.code, key: SUITE_KEY });
      const report = (name: string) => {
        const file = join(dir, name);
        writeFileSync(file, JSON.stringify(validReport(suitePlan(), randomUUID())));
        return file;
      };
      const waits: number[] = [];
      const realSleep = submitDeps.sleep;
      submitDeps.sleep = async (ms) => void waits.push(ms);
      try {
        const sent = await run("submit", report("a.json"), "--code", code, "--outbox", outbox);
        expect(sent.code, sent.out).toBe(0);
        expect(sent.out).toContain("lần 1");

        // The deployment is switched to "Anyone with a Google account": Google's sign-in page.
        host.access = "signed-in";
        const held = await run("submit", report("b.json"), "--code", code, "--outbox", outbox);
        expect(held.code, held.out).toBe(3);
        expect(held.out).toContain("Bất kỳ ai");
        expect(held.out).toContain("Anyone");
        expect(held.out).not.toContain("HTTP 200");
        expect(waits).toEqual([]);
        expect(host.posts).toBe(2);
        expect(JSON.parse(readFileSync(outbox, "utf8"))).toMatchObject([{ held: true }]);

        host.access = "anyone";
        const flushed = await run("submit", "--flush", "--outbox", outbox);
        expect(flushed.code, flushed.out).toBe(0);
        expect(flushed.out).toContain("lần 2");
        expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
      } finally {
        submitDeps.sleep = realSleep;
      }
    } finally {
      await host.close();
    }
  });

  it("a report queued while the tracker was down, flushed after a correction was sent, never replaces the correction", async () => {
    // The issue's reproduction: 80 queued while the tracker is down, 90 sent directly (from
    // another machine, or the add-in), then `chitieu submit --flush`, as the CLI told the officer.
    const port = await startTracker();
    await app!.close();
    store!.close();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const old = await filledReport(dir, "bao-cao-80.xlsx", kt10(80));
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    await queuedWhileDown(old, code, outbox);

    await startTracker(port);
    const corrected = await filledReport(dir, "bao-cao-90.xlsx", kt10(90));
    const direct = await run(
      "submit",
      corrected,
      "--code",
      code,
      "--outbox",
      join(dir, "other.json"),
    );
    expect(direct.code, direct.out).toBe(0);
    expect(await consolidatedKt10()).toEqual({ value: 90, revision: 1, revisions: 1 });

    const flushed = await run("submit", "--flush", "--outbox", outbox);
    expect(flushed.code, flushed.out).toBe(0);
    expect(flushed.out).toMatch(/lần 2/u);
    expect(flushed.out).toContain("older than the report you already sent");
    expect(flushed.out).toMatch(/lần 1 \/ revision 1/u);
    expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
    // Stored (nothing is lost), and the figure stays at the correction's.
    expect(store!.submissionCount()).toBe(2);
    expect(await consolidatedKt10()).toEqual({ value: 90, revision: 1, revisions: 2 });
  });

  it("sends what waits in the outbox before a newer report, in the order they were made", async () => {
    const port = await startTracker();
    await app!.close();
    store!.close();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const old = await filledReport(dir, "bao-cao-80.xlsx", kt10(80));
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    await queuedWhileDown(old, code, outbox);

    await startTracker(port);
    const corrected = await filledReport(dir, "bao-cao-90.xlsx", kt10(90));
    const r = await run("submit", corrected, "--code", code, "--outbox", outbox);
    expect(r.code, r.out).toBe(0);
    const lines = r.out.split("\n").filter((l) => l.includes("Đã nhận"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/lần 1/u);
    expect(lines[1]).toMatch(/lần 2/u);
    expect(r.out).not.toContain("older than");
    expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
    expect(await consolidatedKt10()).toEqual({ value: 90, revision: 2, revisions: 2 });
  });

  it("keeps a damaged outbox aside, says where, and still sends the reports it could read", async () => {
    const port = await startTracker();
    await app!.close();
    store!.close();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-officer-"));
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    await queuedWhileDown(await filledReport(dir), code, outbox);
    // The disk mangles the end of the file.
    const damagedText = `${readFileSync(outbox, "utf8").slice(0, -2)}\u0000\u0000`;
    writeFileSync(outbox, damagedText);

    await startTracker(port);
    const r = await run("submit", "--flush", "--outbox", outbox);
    expect(r.code, r.out).toBe(0);
    const aside = readdirSync(dir).filter((f) => f.startsWith("outbox.json.unreadable-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), "utf8")).toBe(damagedText);
    expect(r.out).toContain(join(dir, aside[0]!));
    expect(r.out).toMatch(/Đã nhận \/ received: .* lần 1/u);
    expect(store!.submissionCount()).toBe(1);
    expect(JSON.parse(readFileSync(outbox, "utf8"))).toEqual([]);
  });
});

describe("chitieu submit with an access code that does not read", () => {
  const good = formatAccessCode({
    url: "http://127.0.0.1:9/api/submit",
    unit: unit.code,
    key: KEY,
  });
  const cases: [string, string, RegExp][] = [
    [
      "a code that lost its end",
      good.slice(0, -10),
      /sao chép lại toàn bộ mã.*Copy the whole code again/u,
    ],
    [
      "the tracker's address",
      "https://script.google.com/macros/s/x/exec",
      /địa chỉ web.*web address/u,
    ],
    ["the unit key alone", KEY, /chỉ là khóa của đơn vị.*only a unit key/u],
    ["a unit code", "STTTT", /không phải mã truy cập.*not an access code/u],
    [
      "a complete code for an ftp tracker",
      `chitieu1.${Buffer.from(JSON.stringify(["ftp://x/y", unit.code, KEY])).toString("base64url")}`,
      /không phải địa chỉ http.*not an http/u,
    ],
    [
      "a complete code with a short key",
      `chitieu1.${Buffer.from(JSON.stringify(["https://x/y", unit.code, "ab"])).toString("base64url")}`,
      /khóa trong mã không đúng dạng.*key inside it is not of the expected form/u,
    ],
  ];

  it.each(cases)(
    "from --code, refuses %s with exit 2, says why and where, not the key",
    async (_, text, why) => {
      const r = await run(
        "submit",
        "bao-cao.xlsx",
        "--code",
        text,
        "--outbox",
        "/nonexistent/o.json",
      );
      expect(r.code).toBe(2);
      expect(r.out).toMatch(why);
      expect(r.out).toContain("--code");
      expect(r.out).not.toContain("CHITIEU_CODE");
      expect(r.out).not.toContain(KEY);
      expect(r.out).not.toMatch(/\n\s+at /u);
    },
  );

  it("from CHITIEU_CODE, names the variable", async () => {
    process.env.CHITIEU_CODE = good.slice(0, -3);
    try {
      const r = await run("submit", "bao-cao.xlsx", "--outbox", "/nonexistent/o.json");
      expect(r.code).toBe(2);
      expect(r.out).toMatch(
        /CHITIEU_CODE.*sao chép lại toàn bộ mã.*CHITIEU_CODE.*Copy the whole code again/u,
      );
      expect(r.out).not.toContain("--code");
    } finally {
      delete process.env.CHITIEU_CODE;
    }
  });

  it("with no code at all, says to give one with --code or CHITIEU_CODE", async () => {
    const r = await run("submit", "bao-cao.xlsx", "--outbox", "/nonexistent/o.json");
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Chưa có mã truy cập.*--code.*CHITIEU_CODE.*No access code was given/u);
  });
});
