// The add-in's operations wired to the in-memory Excel, a tracker answering from the shipped seeds,
// and a chosen transport: what every add-in test starts from.
import { randomUUID } from "node:crypto";
import type { Transport } from "../../src/core/submit-client.js";
import type { Template } from "../../src/core/template-schema.js";
import type { AddinDeps } from "../../src/excel/operations.js";
import type { KeyValueStore } from "../../src/excel/storage.js";
import { TrackerClient } from "../../src/excel/tracker-client.js";
import { loadSeedTemplates, loadUnitListFile, seedsDir } from "../../src/node/seeds.js";
import { createFakeExcel } from "../fakes/excel/office-fake.js";

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

export function harness(transport: Transport, tracker = seedTracker()) {
  const excel = createFakeExcel();
  (globalThis as { Excel?: unknown }).Excel = excel.namespace;
  const store = memoryStore();
  const deps: AddinDeps = {
    run: excel.run,
    tracker: new TrackerClient(store, tracker.fetcher),
    store,
    transport,
    now: () => new Date("2025-12-05T03:00:00Z"),
    newId: () => randomUUID(),
  };
  return { excel, store, deps, tracker };
}
