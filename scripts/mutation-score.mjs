// Prints the mutation score per source folder from Stryker's JSON report (`npm run mutate`).
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const reportFile = process.argv[2] ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(reportFile, "utf8"));

// Stryker's own definition: timeouts count as detected; compile errors and ignored mutants do not
// count at all, because no test ever ran against them.
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

const folders = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
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
const width = Math.max(...lines.map(([f]) => f.length));
for (const [folder, { detected, undetected }] of lines) {
  const total = detected + undetected;
  const score = total ? ((100 * detected) / total).toFixed(1) : "n/a";
  console.log(
    `${folder.padEnd(width)}  ${score}%  (${detected} of ${total} detected, ${undetected} survived)`,
  );
}
if (process.argv.includes("--survivors")) {
  for (const [, { survivors }] of lines) survivors.forEach((s) => console.log(s));
}
