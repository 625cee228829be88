// The add-in's operations wired to the in-memory Excel, a tracker answering from the shipped seeds,
// and a chosen transport: what every add-in test starts from.
import { randomUUID } from "node:crypto";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { isoInVietnam } from "../../src/core/plan/period.js";
import type { Transport } from "../../src/core/wire/submit-client.js";
import { processPost } from "../../src/core/wire/tracker-service.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { MemoryStore } from "../fakes/memory-store.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import { excelRunner } from "../../src/excel/excel-run.js";
import type { AddinDeps } from "../../src/excel/operations.js";
import type { KeyValueStore } from "../../src/excel/storage.js";
import { TrackerClient } from "../../src/excel/tracker-client.js";
import { loadSeedTemplates, loadUnitListFile, seedsDir } from "../../src/node/seeds.js";
import type { RequirementSets } from "../fakes/excel/office-fake.js";
import { createFakeExcel } from "../fakes/excel/office-fake.js";
import { WorkbookModel } from "../fakes/excel/workbook-model.js";

export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
}

const units = (() => {
  const r = loadUnitListFile(`${seedsDir}units/can-tho.json`);
  if (!r.ok) throw new Error("unit list");
  return r.value.units;
})();

/** Answers like `chitieu serve`'s read API; `templates` can be swapped to simulate a new version. */
export function seedTracker(templates: Template[] = loadSeedTemplates().templates) {
  const state = { templates, online: true, requests: 0 };
  const fetcher = async (url: string) => {
    state.requests++;
    if (!state.online) throw new Error("network down");
    const path = new URL(url).pathname;
    if (path.endsWith("/api/units")) return units;
    if (path.endsWith("/api/templates"))
      return state.templates.map((t) => ({ id: t.id, version: t.version, title: t.plan.title }));
    const id = decodeURIComponent(path.split("/").at(-1) ?? "");
    return state.templates.find((t) => t.id === id);
  };
  return { state, fetcher };
}

export function harness(
  transport: Transport,
  tracker = seedTracker(),
  options: { requirementSets?: RequirementSets } = {},
) {
  const excel = createFakeExcel(new WorkbookModel(), options.requirementSets);
  (globalThis as { Excel?: unknown }).Excel = excel.namespace;
  const store = memoryStore();
  const deps: AddinDeps = {
    run: excelRunner(excel.namespace, excel.requirements),
    tracker: new TrackerClient(store, tracker.fetcher),
    store,
    transport,
    now: () => new Date("2025-12-05T03:00:00Z"),
    newId: () => randomUUID(),
    // Office loads add-in pages over https only.
    pageProtocol: "https:",
  };
  return { excel, store, deps, tracker };
}

/** The officer of every add-in test, and the access code the consolidator gave them. */
export const officer: Unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
};
export const OFFICER_KEY = "7".repeat(64);
export const officerCode = {
  url: "http://127.0.0.1:8787/api/submit",
  unit: officer.code,
  key: OFFICER_KEY,
};
export const officerCodeText = formatAccessCode(officerCode);

/** A tracker the transport posts to: the same core service `chitieu serve` runs, in memory. */
export function trackerTransport(templates: Template[] = loadSeedTemplates().templates) {
  const store = new MemoryStore(
    new Map([[officer.code, { unit: officer, key: OFFICER_KEY }]]),
    templates,
  );
  const state = { online: true, posts: 0 };
  const transport: Transport = {
    async post(_url, body) {
      state.posts++;
      if (!state.online) throw new Error("fetch failed");
      const now = new Date("2025-12-05T03:00:00Z");
      const r = processPost(body, store, { date: now, iso: isoInVietnam(now) });
      return { status: r.status, text: JSON.stringify(r.answer) };
    },
  };
  return { store, state, transport };
}
