// Prints the mutation score per source folder, and their total, from one or more of Stryker's JSON
// reports (`npm run mutate`, `npm run mutate:folders`); `--survivors` lists each one left alive.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const reportFiles = args.length > 0 ? args : ["reports/mutation/mutation.json"];
const files = Object.assign(
  {},
  ...reportFiles.map((f) => JSON.parse(readFileSync(f, "utf8")).files),
);

// Stryker's own definition: timeouts count as detected; compile errors and ignored mutants do not
// count at all, because no test ever ran against them.
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

const folders = new Map();
for (const [file, { mutants }] of Object.entries(files)) {
  const row = folders.get(dirname(file)) ?? { detected: 0, undetected: 0, survivors: [] };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) row.detected++;
    else if (UNDETECTED.has(m.status)) {
      row.undetected++;
      row.survivors.push(`${file}:${m.location.start.line} ${m.mutatorName} ${m.status}`);
    }
  }
  folders.set(dirname(file), row);
}

const lines = [...folders].sort(([a], [b]) => a.localeCompare(b));
const all = lines.reduce(
  (sum, [, row]) => ({
    detected: sum.detected + row.detected,
    undetected: sum.undetected + row.undetected,
  }),
  { detected: 0, undetected: 0 },
);
const rows = lines.length > 1 ? [...lines, ["all", all]] : lines;
const width = Math.max(...rows.map(([f]) => f.length));
for (const [folder, { detected, undetected }] of rows) {
  const total = detected + undetected;
  const score = total ? ((100 * detected) / total).toFixed(1) : "n/a";
  console.log(
    `${folder.padEnd(width)}  ${score}%  (${detected} of ${total} detected, ${undetected} survived)`,
  );
}
if (process.argv.includes("--survivors")) {
  for (const [, { survivors }] of lines) survivors.forEach((s) => console.log(s));
}
