// Opens a tracker's data folder with the shipped templates; every admin command starts here.
import { join } from "node:path";
import { formatProblem } from "../../core/plan/template-load.js";
import { Refusal } from "../refusal.js";
import { loadSeedTemplates } from "../seeds.js";
import { SchemaError } from "./schema.js";
import { SqliteStore } from "./store.js";

export const DEFAULT_DATA_DIR = "./chitieu-data";

/** The data folder's store, or a refusal that says what is wrong with the folder or its database. */
export function openStore(dataDir: string): SqliteStore {
  const { templates, problems } = loadSeedTemplates();
  if (problems.length) throw new Error(problems.map(formatProblem).join("\n"));
  try {
    return new SqliteStore(dataDir, templates);
  } catch (err) {
    throw refusalFor(dataDir, err);
  }
}

function refusalFor(dataDir: string, err: unknown): Error {
  const file = join(dataDir, "tracker.sqlite");
  const code = (err as { code?: string }).code ?? "";
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof SchemaError) return new Refusal(reason);
  if (code === "EEXIST" || code === "ENOTDIR")
    return new Refusal(`--data ${dataDir} không phải thư mục / is not a folder (${reason})`);
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT"))
    return new Refusal({
      vi: `${file} không phải cơ sở dữ liệu đọc được (hỏng?): khôi phục từ bản sao lưu.`,
      en: `${file} is not a readable database (damaged?): restore it from a backup. (${reason})`,
    });
  if (code.startsWith("SQLITE_") || code.startsWith("E"))
    return new Refusal(`Không mở được / cannot open ${file}: ${reason}`);
  return err instanceof Error ? err : new Error(reason);
}

/** Where officers post: kept by `serve` so `keys issue` can print codes that point at it. */
export function submitUrl(store: SqliteStore): string | undefined {
  return store.db
    .prepare<[], { value: string }>("SELECT value FROM settings WHERE name = 'submit_url'")
    .get()?.value;
}

export function saveSubmitUrl(store: SqliteStore, url: string) {
  store.db
    .prepare(
      "INSERT INTO settings (name, value) VALUES ('submit_url', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .run(url);
}

/** Whether the first start's codes were printed: after that, a start prints none, even if they are revoked. */
export function firstCodesPrinted(store: SqliteStore): boolean {
  return (
    store.db.prepare("SELECT 1 FROM settings WHERE name = 'first_codes_printed'").get() !==
    undefined
  );
}

export function markFirstCodesPrinted(store: SqliteStore) {
  store.db
    .prepare(
      "INSERT INTO settings (name, value) VALUES ('first_codes_printed', ?) ON CONFLICT (name) DO NOTHING",
    )
    .run(new Date().toISOString());
}
