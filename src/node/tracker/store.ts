// The self-hosted tracker's storage: SQLite in WAL mode, append-only submissions, one key per unit.
import Database from "better-sqlite3";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ReceivedSubmission } from "../../core/tracker/consolidate.js";
import { currentOf } from "../../core/tracker/current-report.js";
import { Submission } from "../../core/check/submission-schema.js";
import type { Template } from "../../core/plan/template-schema.js";
import type {
  AppendRecord,
  StoredReceipt,
  StoredRevision,
  TrackerStore,
} from "../../core/wire/tracker-service.js";
import type { Unit } from "../../core/plan/unit-schema.js";
import type { Succession } from "../../core/plan/unit-history.js";
import { UnitHistory } from "../../core/plan/unit-history.js";
import { prepareSchema, signedMs } from "./schema.js";

export interface SubmissionRow {
  seq: number;
  submissionId: string;
  planId: string;
  unit: string;
  period: string;
  revision: number;
  receivedAt: string;
  submittedAt: string;
  /** The report that counts for its unit, plan and period (core's current-report rule). */
  current: boolean;
}

export class SqliteStore implements TrackerStore {
  readonly db: Database.Database;
  private readonly templates: Map<string, Template>;
  private readonly statements;
  private historyCache: UnitHistory | undefined;

  constructor(dataDir: string, templates: readonly Template[]) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, "tracker.sqlite");
    this.db = new Database(file);
    try {
      // The file holds unit keys: readable by its owner only (its WAL files take the same mode).
      chmodSync(file, 0o600);
      this.db.pragma("journal_mode = WAL");
      // FULL: an acknowledged submission survives a power cut, not only a killed process. The
      // fsync per commit is paid once per batch of submissions (commit-batcher.ts), not per one.
      this.db.pragma("synchronous = FULL");
      this.db.pragma("busy_timeout = 5000");
      prepareSchema(this.db, file);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.templates = new Map(templates.map((t) => [t.id, t]));
    this.statements = {
      unit: this.db.prepare<[string], UnitRow>("SELECT * FROM units WHERE code = ?"),
      units: this.db.prepare<[], UnitRow>("SELECT * FROM units ORDER BY rowid"),
      upsertUnit: this.db.prepare(
        "INSERT INTO units (code, name, kind, level, valid_from, valid_to) VALUES (@code, @name, @kind, @level, @validFrom, @validTo) " +
          "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level, " +
          "valid_from = excluded.valid_from, valid_to = excluded.valid_to",
      ),
      successions: this.db.prepare<[], SuccessionRow>(
        "SELECT from_code, to_code, effective, basis, duty FROM successions ORDER BY rowid",
      ),
      upsertSuccession: this.db.prepare(
        "INSERT INTO successions (from_code, to_code, effective, basis, duty) VALUES (@from, @to, @effective, @basis, @duty) " +
          "ON CONFLICT (from_code, to_code) DO UPDATE SET effective = excluded.effective, basis = excluded.basis, duty = excluded.duty",
      ),
      setKey: this.db.prepare("UPDATE units SET key_hex = ? WHERE code = ?"),
      revokeKey: this.db.prepare(
        "UPDATE units SET key_hex = NULL WHERE code = ? AND key_hex IS NOT NULL",
      ),
      bySubmissionId: this.db.prepare<
        [string],
        { revision: number; received_at: string; payload_hash: string }
      >("SELECT revision, received_at, payload_hash FROM submissions WHERE submission_id = ?"),
      // Core's rule (current-report.ts): signed last, then stored last; unreadable times last.
      current: this.db.prepare<[string, string, string], StoredRevision>(
        "SELECT submission_id AS submissionId, revision, submitted_at AS submittedAt FROM submissions " +
          "WHERE plan_id = ? AND unit = ? AND period = ? ORDER BY submitted_ms DESC, revision DESC LIMIT 1",
      ),
      lastRevision: this.db.prepare<[string, string, string], { revision: number | null }>(
        "SELECT MAX(revision) AS revision FROM submissions WHERE plan_id = ? AND unit = ? AND period = ?",
      ),
      insert: this.db.prepare(
        "INSERT INTO submissions (submission_id, plan_id, unit, period, revision, received_at, payload, payload_hash, submitted_at, submitted_ms) " +
          "VALUES (@submissionId, @planId, @unit, @period, @revision, @receivedAt, @payload, @payloadHash, @submittedAt, @submittedMs)",
      ),
      forPeriod: this.db.prepare<
        [string, string, number, number, number],
        { seq: number; revision: number; received_at: string; payload: string }
      >(
        "SELECT seq, revision, received_at, payload FROM submissions " +
          "WHERE plan_id = ? AND period = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
      ),
      periods: this.db.prepare<[string], { period: string }>(
        "SELECT DISTINCT period FROM submissions WHERE plan_id = ?",
      ),
      lastSeq: this.db.prepare<[], { seq: number | null }>(
        "SELECT MAX(seq) AS seq FROM submissions",
      ),
      dataVersion: this.db.prepare<[], { v: number; n: number }>(
        "SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS n",
      ),
      history: this.db.prepare<
        [string, string, string, string, string, string],
        Omit<SubmissionRow, "current">
      >(
        "SELECT seq, submission_id AS submissionId, plan_id AS planId, unit, period, revision, received_at AS receivedAt, submitted_at AS submittedAt " +
          "FROM submissions WHERE (? = '' OR plan_id = ?) AND (? = '' OR period = ?) AND (? = '' OR unit = ?) ORDER BY seq",
      ),
      count: this.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM submissions"),
    };
  }

  close() {
    this.db.close();
  }

  unit(code: string): { unit: Unit; key: string } | undefined {
    const row = this.statements.unit.get(code);
    if (!row || !row.key_hex) return undefined;
    return { unit: toUnit(row), key: row.key_hex };
  }

  units(): (Unit & { hasKey: boolean })[] {
    return this.statements.units
      .all()
      .map((row) => ({ ...toUnit(row), hasKey: row.key_hex !== null }));
  }

  importUnits(units: readonly Unit[], successions: readonly Succession[] = []): number {
    const run = this.db.transaction(() => {
      for (const u of units)
        this.statements.upsertUnit.run({
          ...u,
          validFrom: u.validFrom ?? null,
          validTo: u.validTo ?? null,
        });
      for (const s of successions)
        this.statements.upsertSuccession.run({ ...s, duty: s.duty ?? null });
    });
    run();
    this.historyCache = undefined;
    return units.length;
  }

  successions(): Succession[] {
    return this.statements.successions.all().map((r) => ({
      from: r.from_code,
      to: r.to_code,
      effective: r.effective,
      basis: r.basis,
      ...(r.duty ? { duty: r.duty } : {}),
    }));
  }

  /** Remade when this store imports units; another process's import shows at the next start. */
  unitHistory(): UnitHistory {
    this.historyCache ??= new UnitHistory(this.units(), this.successions());
    return this.historyCache;
  }

  /** Replaces the unit's key: the old access code stops working at once. */
  setKey(code: string, keyHex: string): boolean {
    return this.statements.setKey.run(keyHex, code).changes === 1;
  }

  /** The unit keeps its place on the list and its reports; it can no longer submit. */
  revokeKey(code: string): boolean {
    return this.statements.revokeKey.run(code).changes === 1;
  }

  template(planId: string): Template | undefined {
    return this.templates.get(planId);
  }

  templateList(): Template[] {
    return [...this.templates.values()];
  }

  findSubmission(submissionId: string): StoredReceipt | undefined {
    const row = this.statements.bySubmissionId.get(submissionId);
    if (!row) return undefined;
    return {
      receipt: { submissionId, revision: row.revision, receivedAt: row.received_at },
      payloadHash: row.payload_hash,
    };
  }

  current(planId: string, unit: string, period: string): StoredRevision | undefined {
    return this.statements.current.get(planId, unit, period);
  }

  /** The current report is not stored as such: it follows from the signed times (core's rule). */
  append(record: AppendRecord): StoredReceipt["receipt"] {
    const { submission: s } = record;
    // One transaction: the revision read and the insert cannot interleave with another writer.
    const insert = this.db.transaction(() => {
      const revision =
        (this.statements.lastRevision.get(s.planId, s.unit, s.period)?.revision ?? 0) + 1;
      this.statements.insert.run({
        submissionId: s.submissionId,
        planId: s.planId,
        unit: s.unit,
        period: s.period,
        revision,
        receivedAt: record.receivedAt,
        payload: record.payload,
        payloadHash: record.payloadHash,
        submittedAt: s.submittedAt,
        submittedMs: signedMs(s.submittedAt),
      });
      return revision;
    });
    const revision = insert.immediate();
    return { submissionId: s.submissionId, revision, receivedAt: record.receivedAt };
  }

  /** Runs `work` in one transaction (nested ones become savepoints): one commit, one fsync. */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Every revision for a plan and period, oldest first: consolidation picks the current ones. */
  submissionsFor(planId: string, period: string): ReceivedSubmission[] {
    return this.submissionsSince(planId, period, { after: 0 }).map((r) => r.received);
  }

  /** The periods the plan has reports for, from the (plan, period, …) index alone. */
  periodsOf(planId: string): string[] {
    return this.statements.periods.all(planId).map((r) => r.period);
  }

  /** The highest row number stored: rows are only ever appended, so it marks what is there now. */
  lastSeq(): number {
    return this.statements.lastSeq.get()?.seq ?? 0;
  }

  /** The revisions stored after row `after`, up to row `upTo`, oldest first, at most `limit`. */
  submissionsSince(
    planId: string,
    period: string,
    {
      after,
      upTo = Number.MAX_SAFE_INTEGER,
      limit = -1,
    }: { after: number; upTo?: number; limit?: number },
  ): { seq: number; received: ReceivedSubmission }[] {
    return this.statements.forPeriod.all(planId, period, after, upTo, limit).map((row) => ({
      seq: row.seq,
      received: {
        submission: Submission.parse(JSON.parse(row.payload)),
        revision: row.revision,
        receivedAt: row.received_at,
      },
    }));
  }

  /**
   * Changes whenever anything is committed to the database, by this connection (its change
   * count) or by another one, such as `chitieu units import` while the server runs (SQLite's
   * data_version).
   */
  version(): string {
    const row = this.statements.dataVersion.get()!;
    return `${row.v}:${row.n}`;
  }

  history(filter: { planId?: string; period?: string; unit?: string }): SubmissionRow[] {
    const p = filter.planId ?? "";
    const q = filter.period ?? "";
    const u = filter.unit ?? "";
    const rows = this.statements.history.all(p, p, q, q, u, u);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.planId}\u0000${r.unit}\u0000${r.period}`;
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    const current = new Set([...groups.values()].map((g) => currentOf(g)));
    return rows.map((r) => ({ ...r, current: current.has(r) }));
  }

  submissionCount(): number {
    return this.statements.count.get()?.n ?? 0;
  }
}

interface UnitRow {
  code: string;
  name: string;
  kind: string;
  level: string;
  key_hex: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

interface SuccessionRow {
  from_code: string;
  to_code: string;
  effective: string;
  basis: string;
  duty: string | null;
}

function toUnit(row: Omit<UnitRow, "key_hex">): Unit {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as Unit["kind"],
    level: row.level as Unit["level"],
    ...(row.valid_from ? { validFrom: row.valid_from } : {}),
    ...(row.valid_to ? { validTo: row.valid_to } : {}),
  };
}
