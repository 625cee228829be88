// The tracker under load in its own process: nothing lost, nothing doubled, and an acknowledged
// submission survives the process being killed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Template } from "../../../src/core/plan/template-schema.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { runLoad } from "../../fixtures/load.js";
import { prepareTracker, startTracker } from "../../fixtures/tracker-process.js";

const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-kh-2025") as Template;
const units: Unit[] = Array.from({ length: 50 }, (_, i) => ({
  code: `U${String(i).padStart(2, "0")}`,
  name: `Sở thử nghiệm ${i}`,
  kind: "department",
  level: "province",
}));
const keyOf = (u: Unit) =>
  u.code
    .toLowerCase()
    .padEnd(64, "0")
    .replace(/[^0-9a-f]/gu, "a");

function stored(dataDir: string) {
  const store = openStore(dataDir);
  try {
    return store.history({});
  } finally {
    store.close();
  }
}

describe("tracker reliability", () => {
  it("50 concurrent clients: every acknowledged submission is stored once, duplicates store nothing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "chitieu-load-"));
    prepareTracker(dataDir, units, keyOf);
    const tracker = await startTracker(dataDir);
    try {
      const load = await runLoad({
        url: tracker.url,
        template,
        units,
        keyOf,
        clients: 50,
        total: 500,
        maxMs: 60_000,
        resendEvery: 7,
      });
      expect(load.failures).toBe(0);
      expect(load.acknowledged.size).toBe(500);
      await tracker.stop();
      const rows = stored(dataDir);
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((r) => r.submissionId))).toEqual(new Set(load.acknowledged.keys()));
      for (const r of rows) expect(r.revision).toBe(load.acknowledged.get(r.submissionId));
      // Revisions per unit run 1..n with no gap and no repeat.
      for (const u of units) {
        const revisions = rows
          .filter((r) => r.unit === u.code)
          .map((r) => r.revision)
          .sort((a, b) => a - b);
        expect(revisions).toEqual(revisions.map((_, i) => i + 1));
      }
    } finally {
      await tracker.stop();
    }
  });

  it("a server killed in the middle of a load loses no acknowledged submission", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "chitieu-kill-"));
    prepareTracker(dataDir, units, keyOf);
    const tracker = await startTracker(dataDir);
    let killed = false;
    const load = await runLoad({
      url: tracker.url,
      template,
      units,
      keyOf,
      clients: 50,
      total: 3_000,
      maxMs: 8_000,
      onAck: (n) => {
        if (n >= 150 && !killed) {
          killed = true;
          tracker.child.kill("SIGKILL");
        }
      },
    });
    await tracker.stop();
    expect(killed).toBe(true);
    expect(load.failures).toBeGreaterThan(0);
    const restarted = await startTracker(dataDir);
    try {
      const status = (await (await fetch(`${restarted.url}/api/status`)).json()) as {
        submissions: number;
      };
      expect(status.submissions).toBeGreaterThanOrEqual(load.acknowledged.size);
    } finally {
      await restarted.stop();
    }
    const rows = new Map(stored(dataDir).map((r) => [r.submissionId, r.revision]));
    for (const [id, revision] of load.acknowledged) expect(rows.get(id), id).toBe(revision);
  });
});
