// The tracker database's tables, and the in-place upgrade of a data folder an older chitieu wrote:
// the file is copied aside first, then migrated in one transaction, so nothing is ever lost.
import type Database from "better-sqlite3";
import { chmodSync, copyFileSync, existsSync } from "node:fs";
import { signedInstant } from "../../core/tracker/current-report.js";

/**
 * `PRAGMA user_version` of the layout below. 0 is the first release (no `submitted_at`); 1 has no
 * unit validity and no succession table.
 */
export const SCHEMA_VERSION = 2;

const TABLES = `
CREATE TABLE IF NOT EXISTS units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  key_hex TEXT,
  -- First and last day (ISO, inclusive) the unit exists; NULL is open (plan/unit-history.ts).
  valid_from TEXT,
  valid_to TEXT
);
-- Who took over whom, and from which day, with the legal basis: never rewritten by a report.
CREATE TABLE IF NOT EXISTS successions (
  from_code TEXT NOT NULL,
  to_code TEXT NOT NULL,
  effective TEXT NOT NULL,
  basis TEXT NOT NULL,
  duty TEXT,
  PRIMARY KEY (from_code, to_code)
);
CREATE TABLE IF NOT EXISTS submissions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL UNIQUE,
  plan_id TEXT NOT NULL,
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  revision INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  -- The same instant in ms (core's signedInstant), NULL where it does not read: what the
  -- current-report rule orders on, so the current report is one index lookup.
  submitted_ms INTEGER,
  UNIQUE (plan_id, unit, period, revision)
);
CREATE INDEX IF NOT EXISTS submissions_by_period ON submissions (plan_id, period, unit, revision);
-- Every post looks up the unit's current report: from this index alone, without reading the
-- rows, whose payloads fill overflow pages.
CREATE INDEX IF NOT EXISTS submissions_current ON submissions (plan_id, unit, period, submitted_ms, revision, submitted_at, submission_id);
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS consolidator_credentials (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  label TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT
);
`;

export class SchemaError extends Error {}

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
  undefined;

/** Brings the open database to SCHEMA_VERSION; `file` is its path, for the backup beside it. */
export function prepareSchema(db: Database.Database, file: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new SchemaError(
      `${file} được tạo bởi phiên bản chitieu mới hơn (cấu trúc ${version}) / was written by a newer chitieu (schema ${version}): cập nhật chitieu / upgrade chitieu`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  if (hasTable(db, "submissions")) backUp(db, file, version);
  db.transaction(() => {
    if (version === 0 && hasTable(db, "submissions")) addSubmittedAt(db);
    if (version <= 1 && hasTable(db, "units")) addUnitValidity(db);
    db.exec(TABLES);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * The database as it was, beside it, before anything changes: committed pages still in the
 * write-ahead log are folded into the file first, so the copy holds every acknowledged report.
 */
function backUp(db: Database.Database, file: string, version: number): void {
  // A backup left by an interrupted upgrade stays as it is; this one goes beside it.
  let target = `${file}.v${version}.backup`;
  for (let n = 2; existsSync(target); n++) target = `${file}.v${version}.backup-${n}`;
  db.pragma("wal_checkpoint(TRUNCATE)");
  copyFileSync(file, target);
  // It holds unit keys, as the database does.
  chmodSync(target, 0o600);
}

/** Schema 0 → 1: the signed time of each report, read from its stored payload. */
function addSubmittedAt(db: Database.Database): void {
  db.exec("ALTER TABLE submissions ADD COLUMN submitted_at TEXT NOT NULL DEFAULT ''");
  db.exec("ALTER TABLE submissions ADD COLUMN submitted_ms INTEGER");
  const rows = db.prepare<[], { seq: number; payload: string }>(
    "SELECT seq, payload FROM submissions",
  );
  const set = db.prepare("UPDATE submissions SET submitted_at = ?, submitted_ms = ? WHERE seq = ?");
  for (const row of rows.all()) {
    const at = signedTimeOf(row.payload);
    set.run(at, signedMs(at), row.seq);
  }
}

/** Schema 1 → 2: units gain a validity interval (open for every unit already there). */
function addUnitValidity(db: Database.Database): void {
  db.exec("ALTER TABLE units ADD COLUMN valid_from TEXT");
  db.exec("ALTER TABLE units ADD COLUMN valid_to TEXT");
}

/** The instant core's rule orders on; NULL (ranked last by SQLite's DESC) where it does not read. */
export function signedMs(submittedAt: string): number | null {
  const at = signedInstant(submittedAt);
  return Number.isFinite(at) ? at : null;
}

/** A payload that no longer reads keeps an empty time, which the current-report rule ranks last. */
function signedTimeOf(payload: string): string {
  try {
    const at = (JSON.parse(payload) as { submittedAt?: unknown }).submittedAt;
    return typeof at === "string" ? at : "";
  } catch {
    return "";
  }
}
