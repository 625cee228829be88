// Consolidator credentials: what lets a person or a tool read submissions and consolidated figures
// on `chitieu serve`. Shown once when issued; the database keeps only a hash of the secret part.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SqliteStore } from "./store.js";

const PREFIX = "chitieu-c1.";
const FORMAT = /^chitieu-c1\.([0-9a-f]{16})\.([0-9a-f]{64})$/u;

export interface CredentialInfo {
  id: string;
  label: string;
  issuedAt: string;
  revokedAt: string | null;
}

// A 256-bit random secret cannot be guessed, so one SHA-256 suffices; a slow password hash
// would only slow every page load.
const hashOf = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/** A new credential, `chitieu-c1.<id>.<secret>`; the caller shows it once and keeps nothing of it. */
export function issueConsolidatorCredential(
  store: SqliteStore,
  label: string,
  now = new Date(),
): { id: string; credential: string } {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("hex");
  store.db
    .prepare(
      "INSERT INTO consolidator_credentials (id, secret_hash, label, issued_at) VALUES (?, ?, ?, ?)",
    )
    .run(id, hashOf(secret).toString("hex"), label, now.toISOString());
  return { id, credential: `${PREFIX}${id}.${secret}` };
}

/** True for a credential issued here and not revoked; the secret is compared in constant time. */
export function isConsolidatorCredential(store: SqliteStore, presented: string): boolean {
  const match = FORMAT.exec(presented.trim());
  if (!match) return false;
  const row = store.db
    .prepare<[string], { secret_hash: string }>(
      "SELECT secret_hash FROM consolidator_credentials WHERE id = ? AND revoked_at IS NULL",
    )
    .get(match[1]!);
  if (!row) return false;
  return timingSafeEqual(hashOf(match[2]!), Buffer.from(row.secret_hash, "hex"));
}

/** Revoked at once and for good: the row stays, so the list shows what was issued and when. */
export function revokeConsolidatorCredential(
  store: SqliteStore,
  id: string,
  now = new Date(),
): boolean {
  return (
    store.db
      .prepare(
        "UPDATE consolidator_credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
      )
      .run(now.toISOString(), id).changes === 1
  );
}

export function listConsolidatorCredentials(store: SqliteStore): CredentialInfo[] {
  return store.db
    .prepare<[], CredentialInfo>(
      "SELECT id, label, issued_at AS issuedAt, revoked_at AS revokedAt FROM consolidator_credentials ORDER BY issued_at, id",
    )
    .all();
}

export function hasActiveConsolidatorCredential(store: SqliteStore): boolean {
  return (
    store.db
      .prepare("SELECT 1 FROM consolidator_credentials WHERE revoked_at IS NULL LIMIT 1")
      .get() !== undefined
  );
}
