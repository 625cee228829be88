// The merged Thành phố Cần Thơ's tracker built from the seed files, on both trackers: the units of a
// period, leads through succession, a district refused once communes took over from it, and its
// earlier report kept as its own yet shown under those communes.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consolidate } from "../../src/core/tracker/consolidate.js";
import { unitsForPeriod, UnitHistory } from "../../src/core/plan/unit-history.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { tabName, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import type { CarriedReport } from "../../src/core/tracker/carried-over.js";
import { issueConsolidatorCredential } from "../../src/node/tracker/consolidator-credentials.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { readHistoryFiles } from "../../src/node/tracker/history-files.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { buildServer } from "../../src/node/tracker/server.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { validReport } from "../fixtures/reports.js";
import { injectSubmit } from "./servers.js";

const UNITS_FILE = join(import.meta.dirname, "../../seeds/units/can-tho-2025.csv");
const SUCCESSION_FILE = join(import.meta.dirname, "../../seeds/units/can-tho-2025-succession.csv");
const PLAN = "can-tho-2256";
const KEY = "7a".repeat(32);
/** The one report Ninh Kiều may make, for 2025-H1 (made by reportOf(…, 1)). */
const H1_REPORT = "00000000-0000-4000-8000-000000000001";
const template = loadSeedTemplates().templates.find((t) => t.id === PLAN)!;

const imported = readHistoryFiles([UNITS_FILE, SUCCESSION_FILE], { units: [], successions: [] });
if (!imported.ok) throw new Error(imported.error.join("\n"));
const seeded = imported.value;
const history = new UnitHistory(seeded.units, seeded.successions);
const unit = (code: string) => history.unit(code)!;
const ninhKieu = unit("Q-NINHKIEU");
/** The communes that took over Ninh Kiều's wards, as the succession table says. */
const ninhKieuHeirs = seeded.successions
  .filter((s) => s.from === "Q-NINHKIEU")
  .map((s) => unit(s.to));

function reportOf(u: Unit, period: string, n: number) {
  const submission = {
    ...validReport(template, `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, u),
    period,
  };
  return envelopeFor(submission, { url: "https://tracker.invalid/submit", unit: u.code, key: KEY })
    .body;
}

interface Tracker {
  post(body: string): Promise<Answer>;
  /** The lead the tracker shows for a task of the plan in period 2025. */
  taskLead(taskId: string): Promise<string>;
  /** Every stored report: whose it is, for which period. */
  stored(): Promise<{ submissionId: string; unit: string; period: string }[]>;
  /** Period 2025's reports of earlier periods by units gone by then, under their successors. */
  carriedOver(): Promise<
    { successor: string; predecessor: string; period: string; submissionId: string }[]
  >;
  close(): Promise<void>;
}

async function selfHosted(): Promise<Tracker> {
  const store = openStore(mkdtempSync(join(tmpdir(), "chitieu-reorg-")));
  const read = readHistoryFiles([UNITS_FILE, SUCCESSION_FILE], {
    units: store.units(),
    successions: store.successions(),
  });
  if (!read.ok) throw new Error(read.error.join("\n"));
  store.importUnits(read.value.units, read.value.successions);
  store.setKey(ninhKieu.code, KEY);
  const app = buildServer({ store });
  return {
    post: injectSubmit(app),
    async taskLead(taskId) {
      const c = consolidate({
        template,
        units: store.units(),
        history: store.unitHistory(),
        period: "2025",
        submissions: store.submissionsFor(PLAN, "2025"),
        now: new Date("2026-12-01T00:00:00+07:00"),
      });
      return c.tasks.find((t) => t.id === taskId)!.lead.join("; ");
    },
    async stored() {
      return store.history({}).map((r) => ({
        submissionId: r.submissionId,
        unit: r.unit,
        period: r.period,
      }));
    },
    async carriedOver() {
      const credential = issueConsolidatorCredential(store, "test").credential;
      const r = await app.inject({
        url: `/api/carried-over/${PLAN}/2025`,
        headers: { authorization: `Bearer ${credential}` },
      });
      expect(r.statusCode).toBe(200);
      return r.json<CarriedReport[]>().map((c) => ({
        successor: c.successor.code,
        predecessor: c.predecessor.code,
        period: c.period,
        submissionId: c.submissionId,
      }));
    },
    async close() {
      await app.close();
      store.close();
    },
  };
}

async function appsScript(): Promise<Tracker> {
  const world = new AppsScriptWorld(await builtBundle());
  world.ui.answer(PLAN).answer("2025");
  world.run("setupTracker");
  for (const file of [UNITS_FILE, SUCCESSION_FILE]) {
    const r = world.run<{ ok: boolean; problems: string[] }>(
      "importUnitsCsv",
      readFileSync(file, "utf8"),
    );
    if (!r.ok) throw new Error(r.problems.join("\n"));
  }
  world.properties.script.setProperty(`key:${ninhKieu.code}`, KEY);
  return {
    async post(body) {
      return JSON.parse(world.post(body).text) as Answer;
    },
    async taskLead(taskId) {
      world.run("consolidateNow");
      const tab = TRACKER_TABS.tasks;
      const at = (key: string) => tab.columns.findIndex((c) => c.key === key);
      const row = world.spreadsheet
        .sheet(tab.name)!
        .dump(2)
        .find((r) => r[at("taskId")] === taskId);
      return String(row?.[at("lead")]);
    },
    async stored() {
      return world.spreadsheet
        .sheet("_submissions")!
        .dump(2)
        .map((r) => ({ submissionId: String(r[1]), unit: String(r[3]), period: String(r[4]) }));
    },
    async carriedOver() {
      world.run("consolidateNow");
      const tab = TRACKER_TABS.carriedOver;
      const at = (key: string) => tab.columns.findIndex((c) => c.key === key);
      return world.spreadsheet
        .sheet(tabName("carriedOver", "2025"))!
        .dump(2)
        .map((r) => ({
          successor: String(r[at("successorCode")]),
          predecessor: String(r[at("predecessorCode")]),
          period: String(r[at("period")]),
          submissionId: String(r[at("submissionId")]),
        }));
    },
    async close() {},
  };
}

describe("the new Thành phố Cần Thơ from the seed files", () => {
  it("period 2025's units are the current departments and the 103 communes", () => {
    const units = unitsForPeriod(seeded.units, "2025");
    const communes = units.filter((u) => u.kind === "commune");
    expect(communes).toHaveLength(103);
    const departments = units.filter((u) => u.kind !== "commune");
    expect(departments.every((u) => u.level === "province" && u.validTo === undefined)).toBe(true);
    expect(departments.map((u) => u.code)).toEqual(
      expect.arrayContaining(["SKHCN", "STC", "SNNMT", "SXD", "SNV", "VPUB"]),
    );
    expect(units.map((u) => u.code)).not.toContain("STTTT");
    expect(units.filter((u) => u.kind === "district")).toEqual([]);
    expect(units).toHaveLength(departments.length + 103);
    expect(ninhKieuHeirs.length).toBeGreaterThan(1);
  });
});

describe.each([
  ["chitieu serve (SQLite)", selfHosted],
  ["Apps Script", appsScript],
])("%s", (_name, make) => {
  let tracker: Tracker;
  afterAll(async () => tracker?.close());

  it("shows Sở Khoa học và Công nghệ leading an STTTT task in period 2025, the quote kept", async () => {
    tracker = await make();
    expect(template.tasks.find((t) => t.id === "NV-01")!.lead).toEqual([
      "Sở Thông tin và Truyền thông",
    ]);
    expect(await tracker.taskLead("NV-01")).toBe(
      "Sở Khoa học và Công nghệ (trước đây: Sở Thông tin và Truyền thông)",
    );
  });

  it("accepts UBND quận Ninh Kiều for 2025-H1", async () => {
    const answer = await tracker.post(reportOf(ninhKieu, "2025-H1", 1));
    expect(answer).toMatchObject({ ok: true });
  });

  it.each(["2025-H2", "2026"])(
    "refuses UBND quận Ninh Kiều for %s, naming its successor communes",
    async (period) => {
      const answer = await tracker.post(reportOf(ninhKieu, period, period === "2026" ? 3 : 2));
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe("validation-failed");
      const text = JSON.stringify(answer.error.details);
      expect(text).toContain("unit-succeeded");
      for (const heir of ninhKieuHeirs) expect(text).toContain(`${heir.name} (${heir.code})`);
    },
  );

  it("keeps Ninh Kiều's 2025-H1 report its own: stored once, under its code, nothing rewritten", async () => {
    expect(await tracker.stored()).toEqual([
      { submissionId: H1_REPORT, unit: "Q-NINHKIEU", period: "2025-H1" },
    ]);
  });

  it("shows that report under each commune that succeeded Ninh Kiều in period 2025", async () => {
    const rows = await tracker.carriedOver();
    expect(rows).toHaveLength(ninhKieuHeirs.length);
    expect(new Set(rows.map((r) => r.successor))).toEqual(
      new Set(ninhKieuHeirs.map((h) => h.code)),
    );
    for (const r of rows)
      expect(r).toMatchObject({
        predecessor: "Q-NINHKIEU",
        period: "2025-H1",
        submissionId: H1_REPORT,
      });
  });
});
