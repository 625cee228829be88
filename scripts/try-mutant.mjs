// Checks one surviving mutant by hand: applies it on one line of a source file, runs the given
// test files, restores the source whatever happens, and says whether the tests killed it.
// node scripts/try-mutant.mjs src/core/text/parse-date.ts 97 'a && b' 'a || b' test/core/text/parse-date.test.ts
// One at a time per source file: two runs on the same file would restore each other's mutant.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [source, lineText, from, to, ...tests] = process.argv.slice(2);
const line = Number(lineText);
if (!source || !Number.isInteger(line) || from === undefined || to === undefined || !tests.length) {
  console.error("usage: node scripts/try-mutant.mjs SOURCE LINE 'old text' 'new text' TEST...");
  process.exit(2);
}
const original = readFileSync(source, "utf8");
const lines = original.split("\n");
if (!lines[line - 1]?.includes(from)) {
  console.error(`${source}:${line} does not hold ${JSON.stringify(from)}`);
  process.exit(2);
}
lines[line - 1] = lines[line - 1].replace(from, to);
writeFileSync(source, lines.join("\n"));
try {
  const run = spawnSync("npx", ["vitest", "run", ...tests], { encoding: "utf8" });
  console.log(`${run.status === 0 ? "SURVIVED" : "KILLED"} ${source}:${line} ${from} → ${to}`);
} finally {
  writeFileSync(source, original);
}
