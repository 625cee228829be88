// Opens a tracker's data folder with the shipped templates; every admin command starts here.
import { formatProblem } from "../../core/template-load.js";
import { loadSeedTemplates } from "../seeds.js";
import { SqliteStore } from "./store.js";

export const DEFAULT_DATA_DIR = "./chitieu-data";

export function openStore(dataDir: string): SqliteStore {
  const { templates, problems } = loadSeedTemplates();
  if (problems.length) throw new Error(problems.map(formatProblem).join("\n"));
  return new SqliteStore(dataDir, templates);
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
