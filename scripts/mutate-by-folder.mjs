// Runs `npm run mutate:core` one stage folder of src/core at a time (`npm run mutate:folders --
// text wire`), so a long run yields each folder's report as it ends, and a stopped run keeps the
// folders already done. Each folder keeps its own report and incremental file in reports/mutation/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const all = readdirSync(join(root, "src/core"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !all.includes(f));
if (unknown.length > 0) {
  console.error(`No such folder in src/core: ${unknown.join(", ")} (there are: ${all.join(", ")})`);
  process.exit(2);
}
const folders = asked.length > 0 ? asked : all;
const configDir = mkdtempSync(join(tmpdir(), "chitieu-mutate-"));
const reports = [];

for (const folder of folders) {
  const config = join(configDir, `${folder}.config.mjs`);
  const report = `reports/mutation/${folder}.json`;
  const base = pathToFileURL(join(root, "stryker.core.config.mjs")).href;
  writeFileSync(
    config,
    `import core from ${JSON.stringify(base)};\n` +
      `export default { ...core, mutate: ["src/core/${folder}/**/*.ts"],\n` +
      `  incrementalFile: "reports/mutation/${folder}.incremental.json",\n` +
      `  reporters: ["progress", "json"], jsonReporter: { fileName: "${report}" } };\n`,
  );
  console.log(`== src/core/${folder} (${new Date().toISOString()})`);
  const run = spawnSync("npx", ["stryker", "run", config], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  reports.push(report);
}
spawnSync("node", ["scripts/mutation-score.mjs", ...reports], { cwd: root, stdio: "inherit" });
