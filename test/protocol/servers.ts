// The two servers under test, each set up as the suite's tracker: `chitieu serve` (Fastify + SQLite
// in a temp folder, over real HTTP on 127.0.0.1) and the Apps Script bundle's doPost in a vm.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Consolidation } from "../../src/core/tracker/consolidate.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { httpStatus } from "../../src/core/wire/protocol.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import { CURRENT, TRACKER_TABS } from "../../src/core/tracker/tracker-tab-layout.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { issueConsolidatorCredential } from "../../src/node/tracker/consolidator-credentials.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { buildServer } from "../../src/node/tracker/server.js";
import type { SqliteStore } from "../../src/node/tracker/store.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { storedCount, trackerWorld } from "../fakes/apps-script/tracker.js";
import type { ServerUnderTest } from "./chitieu1.suite.js";
import { SUITE_KEYS, SUITE_PERIOD, SUITE_PLAN, SUITE_UNITS } from "./chitieu1.suite.js";

export function suitePlan(): Template {
  const template = loadSeedTemplates().templates.find((t) => t.id === SUITE_PLAN);
  if (!template) throw new Error(`no seed template ${SUITE_PLAN}`);
  return template;
}

/** A unit's post to `chitieu serve` without a socket (Fastify's inject), answered as chitieu/1. */
export function injectSubmit(app: ReturnType<typeof buildServer>) {
  return async (body: string): Promise<Answer> => {
    const r = await app.inject({
      method: "POST",
      url: "/api/submit",
      payload: body,
      headers: { "content-type": "text/plain" },
    });
    return r.json<Answer>();
  };
}

export interface ServeServer extends ServerUnderTest {
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** `chitieu serve` as units reach it: HTTP on a loopback port; every answer's status is checked too. */
export function serveServer(): ServeServer {
  let store: SqliteStore | undefined;
  let app: ReturnType<typeof buildServer> | undefined;
  let url = "";
  let credential = "";
  const read = async (path: string): Promise<unknown> => {
    const response = await fetch(new URL(path, url), {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(response.status).toBe(200);
    return response.json();
  };
  const close = async () => {
    await app?.close();
    store?.close();
    app = undefined;
    store = undefined;
  };
  return {
    async reset() {
      await close();
      store = openStore(mkdtempSync(join(tmpdir(), "chitieu-protocol-")));
      store.importUnits([...SUITE_UNITS]);
      for (const [unit, key] of Object.entries(SUITE_KEYS)) store.setKey(unit, key);
      credential = issueConsolidatorCredential(store, "chitieu/1 suite").credential;
      app = buildServer({ store });
      url = `${await app.listen({ port: 0, host: "127.0.0.1" })}/api/submit`;
    },
    close,
    async post(body) {
      if (!app) await this.reset();
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: { "content-type": "text/plain" },
      });
      expect(response.headers.get("content-type")).toMatch(/^application\/json/u);
      const answer = (await response.json()) as Answer;
      expect(response.status).toBe(answer.ok ? 200 : httpStatus[answer.error.code]);
      return answer;
    },
    async storedCount() {
      return store?.submissionCount() ?? 0;
    },
    async currentRevision(unit) {
      const c = (await read(`/api/consolidated/${SUITE_PLAN}/${SUITE_PERIOD}`)) as Consolidation;
      return c.units.find((u) => u.code === unit)?.revision ?? null;
    },
    async currentBySubmission() {
      const rows = (await read(`/api/submissions?plan=${SUITE_PLAN}&period=${SUITE_PERIOD}`)) as {
        submissionId: string;
        current: boolean;
      }[];
      return Object.fromEntries(rows.map((r) => [r.submissionId, r.current]));
    },
  };
}

export interface AppsScriptServer extends ServerUnderTest {
  reset(): Promise<void>;
  world(): AppsScriptWorld;
}

/** The web app: Code.js's top-level doPost in a vm, answering through ContentService as JSON. */
export function appsScriptServer(): AppsScriptServer {
  let current: AppsScriptWorld | undefined;
  const ready = async () =>
    (current ??= await trackerWorld({
      planId: SUITE_PLAN,
      period: SUITE_PERIOD,
      units: SUITE_UNITS,
      keys: SUITE_KEYS,
    }));
  return {
    async reset() {
      current = undefined;
      await ready();
    },
    world() {
      if (!current) throw new Error("reset() first");
      return current;
    },
    async post(body) {
      const { text, mimeType } = (await ready()).post(body);
      expect(mimeType).toBe("JSON");
      return JSON.parse(text) as Answer;
    },
    async storedCount() {
      return storedCount(await ready());
    },
    async currentRevision(unit) {
      const world = await ready();
      world.run("consolidateNow");
      const tab = TRACKER_TABS.units;
      const rows = world.spreadsheet.sheet(tab.name)!.dump(2);
      const at = (key: string) => tab.columns.findIndex((c) => c.key === key);
      const row = rows.find((r) => String(r[at("unitCode")]) === unit);
      const revision = row?.[at("revision")];
      return typeof revision === "number" ? revision : null;
    },
    async currentBySubmission() {
      const tab = TRACKER_TABS.submissions;
      const at = (key: string) => tab.columns.findIndex((c) => c.key === key);
      const states: Record<string, boolean> = {};
      for (const row of (await ready()).spreadsheet.sheet(tab.name)?.dump(2) ?? []) {
        const id = String(row[at("submissionId")]);
        const current = row[at("state")] === CURRENT;
        if (states[id] !== undefined && states[id] !== current)
          throw new Error(`the log marks ${id} both current and superseded`);
        states[id] = current;
      }
      return states;
    },
  };
}
