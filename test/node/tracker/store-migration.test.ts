// A data folder written by an older chitieu opens with today's store: backed up first, migrated in
// place, nothing lost, and the report its unit signed last is the current one.
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import { openStore, submitUrl } from "../../../src/node/tracker/open-store.js";
import { CommitBatcher } from "../../../src/node/tracker/commit-batcher.js";
import { validReport } from "../../fixtures/reports.js";
import { SUITE_KEY, SUITE_PERIOD, SUITE_PLAN } from "../../protocol/chitieu1.suite.js";
import { suitePlan } from "../../protocol/servers.js";

const FIXTURE = join(import.meta.dirname, "../../fixtures/tracker-v0/tracker.sqlite");
const NEWER = "0a000000-0000-4000-8000-00000000000a";
const HELD_BACK = "0b000000-0000-4000-8000-00000000000b";

function oldDataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-v0-"));
  copyFileSync(FIXTURE, join(dir, "tracker.sqlite"));
  return dir;
}

function rowsOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT seq, submission_id, plan_id, unit, period, revision, received_at, payload, payload_hash FROM submissions ORDER BY seq",
      )
      .all();
  } finally {
    db.close();
  }
}

describe("a schema-0 data folder", () => {
  it("is backed up byte for byte, then migrated in place with every row, key and setting kept", () => {
    const dir = oldDataFolder();
    const before = rowsOf(join(dir, "tracker.sqlite"));
    expect(before).toHaveLength(2);

    const store = openStore(dir);
    try {
      const backups = readdirSync(dir).filter((f) => f.includes("backup"));
      expect(backups).toEqual(["tracker.sqlite.v0.backup"]);
      expect(readFileSync(join(dir, backups[0]!))).toEqual(readFileSync(FIXTURE));
      expect(store.db.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(1);

      expect(store.unit("STTTT")?.key).toBe(SUITE_KEY);
      expect(store.units().map((u) => u.code)).toEqual(["STTTT", "Q-NINHKIEU"]);
      expect(submitUrl(store)).toBe("https://tracker.invalid/api/submit");
      expect(store.history({})).toEqual([
        expect.objectContaining({
          submissionId: NEWER,
          revision: 1,
          submittedAt: "2025-12-05T10:00:00.000+07:00",
          current: true,
        }),
        expect.objectContaining({
          submissionId: HELD_BACK,
          revision: 2,
          submittedAt: "2025-12-01T08:00:00.000+07:00",
          current: false,
        }),
      ]);
    } finally {
      store.close();
    }
    expect(rowsOf(join(dir, "tracker.sqlite"))).toEqual(before);
  });

  it("counts the report signed last once migrated, and numbers the next one after the others", async () => {
    const dir = oldDataFolder();
    const store = openStore(dir);
    try {
      const template = suitePlan();
      const c = consolidate({
        template,
        units: store.units(),
        period: SUITE_PERIOD,
        submissions: store.submissionsFor(SUITE_PLAN, SUITE_PERIOD),
        now: new Date("2025-12-07T00:00:00Z"),
      });
      expect(c.units.find((u) => u.code === "STTTT")).toMatchObject({
        submissionId: NEWER,
        revision: 1,
        revisions: 2,
      });
      const report = validReport(template, "0c000000-0000-4000-8000-00000000000c");
      report.submittedAt = "2025-12-06T10:00:00.000+07:00";
      const batcher = new CommitBatcher(store, () => new Date("2025-12-06T04:00:00Z"));
      const body = envelopeFor(report, {
        url: "https://tracker.invalid/api/submit",
        unit: "STTTT",
        key: SUITE_KEY,
      }).body;
      const { answer } = await batcher.submit(body);
      expect(answer).toMatchObject({ ok: true, receipt: { revision: 3 } });
      expect(answer.ok && answer.receipt.stale).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it("is migrated once: opening it again makes no second backup", () => {
    const dir = oldDataFolder();
    openStore(dir).close();
    openStore(dir).close();
    expect(readdirSync(dir).filter((f) => f.includes("backup"))).toHaveLength(1);
  });
});
