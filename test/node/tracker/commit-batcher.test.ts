// Group commit: submissions arriving together share one transaction; a failed commit acknowledges none.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import { CommitBatcher } from "../../../src/node/tracker/commit-batcher.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import type { SqliteStore } from "../../../src/node/tracker/store.js";
import { reportingUnit, validReport } from "../../fixtures/reports.js";

const KEY = "8".repeat(64);
let store: SqliteStore;
beforeEach(() => {
  store = openStore(mkdtempSync(join(tmpdir(), "chitieu-batch-")));
  store.importUnits([reportingUnit]);
  store.setKey(reportingUnit.code, KEY);
});
afterEach(() => store.close());

const bodies = (n: number) =>
  Array.from(
    { length: n },
    () =>
      envelopeFor(validReport(store.template("can-tho-2256")!, randomUUID()), {
        url: "x",
        unit: reportingUnit.code,
        key: KEY,
      }).body,
  );

describe("CommitBatcher", () => {
  it("commits submissions that arrive together in one transaction, each with its own revision", async () => {
    const batcher = new CommitBatcher(store, () => new Date("2025-12-05T03:00:00Z"));
    const answers = await Promise.all(bodies(12).map((b) => batcher.submit(b)));
    expect(batcher.commits).toBe(1);
    expect(answers.map((a) => (a.answer.ok ? a.answer.receipt.revision : 0))).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(store.submissionCount()).toBe(12);
  });

  it("sees earlier submissions of its own batch: a resend in the same batch is a duplicate", async () => {
    const batcher = new CommitBatcher(store, () => new Date("2025-12-05T03:00:00Z"));
    const [body] = bodies(1);
    const [first, again] = await Promise.all([batcher.submit(body!), batcher.submit(body!)]);
    expect(first!.answer).toMatchObject({ ok: true, receipt: { duplicate: false } });
    expect(again!.answer).toMatchObject({ ok: true, receipt: { duplicate: true } });
    expect(store.submissionCount()).toBe(1);
  });

  it("acknowledges nothing when the commit fails, and stores nothing", async () => {
    const batcher = new CommitBatcher(store, () => new Date("2025-12-05T03:00:00Z"));
    store.inTransaction = () => {
      throw new Error("disk full");
    };
    const answers = await Promise.all(bodies(3).map((b) => batcher.submit(b)));
    expect(answers.map((a) => [a.status, a.answer.ok ? "" : a.answer.error.code])).toEqual(
      Array(3).fill([500, "server-error"]),
    );
    expect(store.submissionCount()).toBe(0);
  });
});
