// What makes an acknowledged submission durable, observed through SQLite itself: the connection's
// pragmas, what a second connection can read, what a failed batch leaves behind, and (traced with
// strace) that the write-ahead log is fsynced once per batch before the batch is answered.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import { CommitBatcher } from "../../../src/node/tracker/commit-batcher.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import type { SqliteStore } from "../../../src/node/tracker/store.js";
import { hostTool, STRACE } from "../../fixtures/host-tools.js";
import { reportingUnit, validReport } from "../../fixtures/reports.js";

const KEY = "6".repeat(64);
const CLOCK = () => new Date("2025-12-05T03:00:00Z");
let dir: string;
let store: SqliteStore;
let reader: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chitieu-durable-"));
  store = openStore(dir);
  store.importUnits([reportingUnit]);
  store.setKey(reportingUnit.code, KEY);
  // Another connection to the same file: it sees only what was committed.
  reader = new Database(join(dir, "tracker.sqlite"), { readonly: true });
});
afterEach(() => {
  reader.close();
  store.close();
});

const stored = () =>
  reader.prepare("SELECT submission_id AS id FROM submissions ORDER BY seq").pluck().all();
const submission = (id = randomUUID()) => validReport(store.template("can-tho-2256")!, id);
const body = (id = randomUUID()) =>
  envelopeFor(submission(id), { url: "x", unit: reportingUnit.code, key: KEY }).body;

describe("the store's connection", () => {
  it("runs in WAL mode with synchronous=FULL, and still does after the folder is reopened", () => {
    // 2 is FULL: in WAL mode, the log is fsynced at every commit (sqlite.org/pragma.html#pragma_synchronous).
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    store.close();
    store = openStore(dir);
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("answers a submission only when another connection can already read it", async () => {
    const batcher = new CommitBatcher(store, CLOCK);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const seenAtAnswer = await Promise.all(
      ids.map((id) => batcher.submit(body(id)).then(() => stored())),
    );
    for (const seen of seenAtAnswer) expect(seen).toEqual(ids);
  });
});

describe("a failing statement in the middle of a batch", () => {
  // A real SQLite failure on the second insert: RAISE(ABORT) from a trigger, as a full disk or a
  // constraint would fail it.
  const refuseInsertOf = (id: string) =>
    store.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON submissions WHEN NEW.submission_id = '${id}'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );

  it("leaves nothing of the transaction in SQLite", () => {
    const [first, second] = [submission(), submission()];
    refuseInsertOf(second.submissionId);
    const record = (s: typeof first) => ({
      submission: s,
      payload: JSON.stringify(s),
      payloadHash: "0",
      receivedAt: "2025-12-05T10:00:00+07:00",
      current: true,
      replaces: undefined,
    });
    expect(() =>
      store.inTransaction(() => {
        store.append(record(first));
        store.append(record(second));
      }),
    ).toThrow("refused by the test");
    expect(stored()).toEqual([]);
    expect(store.submissionCount()).toBe(0);
  });

  it("stores none of the batch's submissions and acknowledges none", async () => {
    const batcher = new CommitBatcher(store, CLOCK);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    refuseInsertOf(ids[1]!);
    const answers = await Promise.all(ids.map((id) => batcher.submit(body(id))));
    expect(answers.map((a) => (a.answer.ok ? "ok" : a.answer.error.code))).toEqual(
      Array(3).fill("server-error"),
    );
    expect(stored()).toEqual([]);
    // The next batch commits as usual: nothing was left half-open.
    const again = await batcher.submit(body(ids[0]));
    expect(again.answer).toMatchObject({ ok: true, receipt: { revision: 1 } });
    expect(stored()).toEqual([ids[0]]);
  });
});

const hasStrace = hostTool("strace", STRACE);

describe.runIf(hasStrace)("what reaches the disk before an answer (strace)", () => {
  it("fsyncs the write-ahead log before each batch is answered, once per batch, not once per submission", async () => {
    const work = mkdtempSync(join(tmpdir(), "chitieu-fsync-"));
    const trace = join(work, "trace");
    const [batches, size] = [3, 10];
    const script = `import(${JSON.stringify(join(import.meta.dirname, "../../fixtures/commit-batches.ts"))}).then((m) => m.commitBatches(${JSON.stringify(join(work, "data"))}, ${batches}, ${size}))`;
    // The child kills itself after the last answer (no close, so no checkpoint fsyncs on the way out).
    await promisify(execFile)(
      STRACE!,
      [
        ...["-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,write", "-e", "signal=none"],
        ...["-o", trace, process.execPath, "--import", "tsx", "--input-type=module", "-e", script],
      ],
      { cwd: join(import.meta.dirname, "../../.."), timeout: 60_000 },
    ).catch((e: { stdout?: string }) => {
      if (!e.stdout?.includes(`acked ${batches}`)) throw e;
    });
    // The events after the store was set up: WAL fsyncs and the answers, in the order they happened.
    const events = readFileSync(trace, "utf8")
      .split("\n")
      .flatMap((line) => {
        if (/f(?:data)?sync\(\d+<[^>]*tracker\.sqlite-wal>\)/u.test(line)) return ["fsync"];
        const marker = /write\(1<[^>]*>, "(ready|acked \d+)\\n"/u.exec(line);
        return marker ? [marker[1]!] : [];
      });
    const afterReady = events.slice(events.indexOf("ready") + 1);
    const perBatch: number[] = [];
    let fsyncs = 0;
    for (const e of afterReady) {
      if (e === "fsync") fsyncs++;
      else {
        perBatch.push(fsyncs);
        fsyncs = 0;
      }
    }
    expect(events).toContain("ready");
    expect(perBatch).toHaveLength(batches);
    // One commit per batch, and SQLite's FULL mode syncs the log at each commit; a second sync
    // could only come from a checkpoint, which 30 small submissions do not reach.
    expect(perBatch).toEqual(Array(batches).fill(1));
  }, 90_000);
});
