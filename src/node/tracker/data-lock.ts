// One `chitieu serve` per data folder: a second one would take the same units' posts into the same
// database and write its own address over the first one's. The lock is SQLite's own file lock on
// a small file beside the data, so the operating system lets go of it when the process ends,
// however it ends (a killed server leaves no stale lock to clear by hand).
import Database from "better-sqlite3";
import { join } from "node:path";
import { Refusal } from "../refusal.js";

export interface DataLock {
  release(): void;
}

export function lockDataFolder(dataDir: string): DataLock {
  const file = join(dataDir, "serve.lock");
  const db = new Database(file, { timeout: 0 });
  try {
    // In exclusive mode the first write takes the file's lock and keeps it until the connection closes.
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)");
    db.prepare("DELETE FROM holder").run();
    db.prepare("INSERT INTO holder (pid, since) VALUES (?, ?)").run(
      process.pid,
      new Date().toISOString(),
    );
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY"))
      throw new Refusal({
        vi: `Một chitieu serve khác đang dùng thư mục dữ liệu ${dataDir}: dừng nó trước, hoặc dùng --data khác.`,
        en: `another chitieu serve is using the data folder ${dataDir}: stop it first, or use another --data.`,
      });
    throw new Refusal(
      `Không khoá được thư mục dữ liệu / cannot lock the data folder ${file}: ${(err as Error).message}`,
    );
  }
  return { release: () => db.close() };
}
