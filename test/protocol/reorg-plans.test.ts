// The merged Thành phố Cần Thơ's one tracker over three plans (QĐ 2256, the Cần Thơ kế hoạch, Hậu
// Giang's KH 190), on both trackers: an officer's report per plan, each plan consolidated on its
// own, and one comparison row where the plans measure the same thing.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Consolidation } from "../../src/core/tracker/consolidate.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import type { ComparisonRow } from "../../src/core/tracker/plan-comparison.js";
import { planTabName } from "../../src/core/tracker/plan-tabs.js";
import { tabName, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { issueConsolidatorCredential } from "../../src/node/tracker/consolidator-credentials.js";
import { readHistoryFiles } from "../../src/node/tracker/history-files.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { buildServer } from "../../src/node/tracker/server.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { validReport } from "../fixtures/reports.js";
import { injectSubmit } from "./servers.js";

const UNITS_FILE = join(import.meta.dirname, "../../seeds/units/can-tho-2025.csv");
const SUCCESSION_FILE = join(import.meta.dirname, "../../seeds/units/can-tho-2025-succession.csv");
const PLANS = ["can-tho-2256", "can-tho-kh-2025", "hau-giang-190"] as const;
const PERIOD = "2025";
const KEY = "5c".repeat(32);
const templates = loadSeedTemplates().templates;
const templateOf = (id: string) => templates.find((t) => t.id === id)!;

const read = readHistoryFiles([UNITS_FILE, SUCCESSION_FILE], { units: [], successions: [] });
if (!read.ok) throw new Error(read.error.join("\n"));
const seeded = read.value;
const reporter = seeded.units.find((u) => u.code === "SKHCN")!;

/** The same measure in each plan (seeds/measures/can-tho-2025.json), each given its own figure. */
const ONLINE_FILES: Record<(typeof PLANS)[number], { indicator: string; numerator: number }> = {
  "can-tho-2256": { indicator: "CQ-02", numerator: 810 },
  "can-tho-kh-2025": { indicator: "CQ-04", numerator: 720 },
  "hau-giang-190": { indicator: "CQ-03", numerator: 730 },
};

function reportFor(planId: (typeof PLANS)[number], n: number, unit: Unit = reporter): string {
  const template: Template = templateOf(planId);
  const base = validReport(
    template,
    `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    unit,
  );
  const mine = ONLINE_FILES[planId];
  const submission = {
    ...base,
    period: PERIOD,
    indicators: base.indicators.map((e) =>
      e.indicatorId === mine.indicator ? { ...e, numerator: mine.numerator, denominator: 1000 } : e,
    ),
  };
  return envelopeFor(submission, {
    url: "https://tracker.invalid/submit",
    unit: unit.code,
    key: KEY,
  }).body;
}

interface Tracker {
  post(body: string): Promise<Answer>;
  /** The plan's aggregate for an indicator in period 2025, as the consolidator reads it. */
  aggregate(planId: string, indicatorId: string): Promise<unknown>;
  /** measure id → plan id → aggregate, from the tracker's comparison. */
  comparison(): Promise<Record<string, Record<string, unknown>>>;
  close(): Promise<void>;
}

async function selfHosted(): Promise<Tracker & { page(plan: string): Promise<string> }> {
  const store = openStore(mkdtempSync(join(tmpdir(), "chitieu-plans-")));
  store.importUnits(seeded.units, seeded.successions);
  store.setKey(reporter.code, KEY);
  const credential = issueConsolidatorCredential(store, "test").credential;
  const app = buildServer({ store });
  const read = async <T>(url: string) => {
    const r = await app.inject({ url, headers: { authorization: `Bearer ${credential}` } });
    expect(r.statusCode).toBe(200);
    return r.json<T>();
  };
  return {
    post: injectSubmit(app),
    async aggregate(planId, indicatorId) {
      const c = await read<Consolidation>(`/api/consolidated/${planId}/${PERIOD}`);
      return c.indicators.find((i) => i.id === indicatorId)?.aggregate;
    },
    async page(plan) {
      const r = await app.inject({
        url: `/plans/${plan}/${PERIOD}`,
        headers: { authorization: `Bearer ${credential}` },
      });
      expect(r.statusCode).toBe(200);
      return r.body;
    },
    async comparison() {
      const { rows } = await read<{ rows: ComparisonRow[] }>(
        `/api/comparison/${PERIOD}?plans=${PLANS.join(",")}`,
      );
      return Object.fromEntries(
        rows.map((r) => [
          r.measureId,
          Object.fromEntries(r.byPlan.map((b) => [b.planId, b.aggregate])),
        ]),
      );
    },
    async close() {
      await app.close();
      store.close();
    },
  };
}

async function appsScript(): Promise<Tracker> {
  const world = new AppsScriptWorld(await builtBundle());
  world.ui.answer(PLANS.join(", ")).answer(PERIOD);
  world.run("setupTracker");
  for (const file of [UNITS_FILE, SUCCESSION_FILE]) {
    const r = world.run<{ ok: boolean; problems: string[] }>(
      "importUnitsCsv",
      readFileSync(file, "utf8"),
    );
    if (!r.ok) throw new Error(r.problems.join("\n"));
  }
  world.properties.script.setProperty(`key:${reporter.code}`, KEY);
  const rowsOf = (name: string) => {
    const sheet = world.spreadsheet.sheet(name);
    if (!sheet) throw new Error(`no sheet "${name}"`);
    const [header, ...rows] = sheet.dump(1);
    return { header: header!.map(String), rows };
  };
  return {
    async post(body) {
      return JSON.parse(world.post(body).text) as Answer;
    },
    async aggregate(planId, indicatorId) {
      world.run("consolidateNow");
      const tab = TRACKER_TABS.consolidated;
      const { rows } = rowsOf(planTabName(tabName("consolidated", PERIOD), planId, PLANS[0]));
      const at = (key: string) => tab.columns.findIndex((c) => c.key === key);
      return rows.find((r) => r[at("indicatorId")] === indicatorId)?.[at("aggregate")];
    },
    async comparison() {
      world.run("consolidateNow");
      const { header, rows } = rowsOf(tabName("comparison", PERIOD));
      return Object.fromEntries(
        rows.map((r) => [
          String(r[0]),
          Object.fromEntries(
            PLANS.flatMap((p) => {
              const v = r[header.indexOf(`${p}: kết quả`)];
              return v === null || v === "" ? [] : [[p, v]];
            }),
          ),
        ]),
      );
    },
    async close() {},
  };
}

describe.each([
  ["chitieu serve (SQLite)", selfHosted],
  ["Apps Script", appsScript],
])("%s following three plans over one unit list", (_name, make) => {
  let tracker: Tracker;
  afterAll(async () => tracker?.close());

  it("takes one report per plan from the same unit", async () => {
    tracker = await make();
    for (const [i, plan] of PLANS.entries()) {
      const answer = await tracker.post(reportFor(plan, i + 1));
      expect(answer, `${plan}: ${JSON.stringify(answer).slice(0, 600)}`).toMatchObject({
        ok: true,
        receipt: { revision: 1 },
      });
    }
  });

  it("consolidates each plan on its own", async () => {
    for (const plan of PLANS) {
      const { indicator, numerator } = ONLINE_FILES[plan];
      expect(await tracker.aggregate(plan, indicator), plan).toBe(numerator / 10);
    }
  });

  it("sets the plans' common measure side by side in one comparison row", async () => {
    const rows = await tracker.comparison();
    expect(rows["ho-so-truc-tuyen-toan-trinh"]).toEqual({
      "can-tho-2256": 81,
      "can-tho-kh-2025": 72,
      "hau-giang-190": 73,
    });
    // A measure only two of the plans share is compared between those two.
    expect(Object.keys(rows["dvc-toan-trinh"] ?? {})).toEqual(["can-tho-kh-2025", "hau-giang-190"]);
  });
});

describe("chitieu serve's page for one of the plans", () => {
  it("sets beside it the same measure in the other plans", async () => {
    const tracker = await selfHosted();
    for (const [i, plan] of PLANS.entries()) await tracker.post(reportFor(plan, i + 1));
    const html = await tracker.page("hau-giang-190");
    await tracker.close();
    expect(html).toContain("So sánh với kế hoạch khác");
    const section = html.slice(html.indexOf("So sánh với kế hoạch khác"));
    expect(section).toContain("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình");
    for (const plan of PLANS) expect(section).toContain(plan);
    expect(section).toMatch(/>81(,0)?</u);
  });
});
