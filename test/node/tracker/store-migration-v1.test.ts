// A schema-1 data folder (units without validity) opens with today's store: backed up, migrated in
// place, every unit, key and report kept, and a unit history can then be imported into it.
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { SUITE_KEY } from "../../protocol/chitieu1.suite.js";

const FIXTURE = join(import.meta.dirname, "../../fixtures/tracker-v1/tracker.sqlite");

describe("a schema-1 data folder", () => {
  it("is backed up, gains unit validity and the succession table, and loses nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-v1-"));
    copyFileSync(FIXTURE, join(dir, "tracker.sqlite"));
    // Read from a copy: a WAL database opened even read-only leaves a -shm file beside it.
    const peek = mkdtempSync(join(tmpdir(), "chitieu-v1-peek-"));
    copyFileSync(FIXTURE, join(peek, "tracker.sqlite"));
    const old = new Database(join(peek, "tracker.sqlite"), { readonly: true });
    const before = old.prepare("SELECT * FROM submissions ORDER BY seq").all();
    expect(old.pragma("user_version", { simple: true })).toBe(1);
    old.close();

    const store = openStore(dir);
    try {
      expect(readdirSync(dir).filter((f) => f.includes("backup"))).toEqual([
        "tracker.sqlite.v1.backup",
      ]);
      expect(readFileSync(join(dir, "tracker.sqlite.v1.backup"))).toEqual(readFileSync(FIXTURE));
      expect(store.db.pragma("user_version", { simple: true })).toBe(2);
      expect(store.units().map((u) => [u.code, u.validFrom, u.validTo])).toEqual([
        ["STTTT", undefined, undefined],
        ["Q-NINHKIEU", undefined, undefined],
      ]);
      expect(store.unit("STTTT")?.key).toBe(SUITE_KEY);
      expect(store.db.prepare("SELECT * FROM submissions ORDER BY seq").all()).toEqual(
        before.map((r) => expect.objectContaining(r as object)),
      );
      store.importUnits(
        [
          {
            code: "STTTT",
            name: "Sở Thông tin và Truyền thông",
            kind: "department",
            level: "province",
            validTo: "2025-02-28",
          },
          {
            code: "SKHCN",
            name: "Sở Khoa học và Công nghệ",
            kind: "department",
            level: "province",
          },
        ],
        [{ from: "STTTT", to: "SKHCN", effective: "2025-03-01", basis: "NĐ 45/2025/NĐ-CP" }],
      );
      expect(
        store
          .unitHistory()
          .holdersOn("STTTT", "2025-12-31")
          .map((u) => u.code),
      ).toEqual(["SKHCN"]);
      expect(store.unit("STTTT")?.key).toBe(SUITE_KEY);
    } finally {
      store.close();
    }
  });
});
