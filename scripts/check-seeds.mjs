// Development aid before the CLI is built: validates seed templates with the compiled core.
import { readFileSync } from "node:fs";
import { parseTemplateText, formatProblem } from "../dist/core/template-load.js";
let bad = 0;
for (const file of process.argv.slice(2)) {
  const r = parseTemplateText(readFileSync(file, "utf8"), file);
  if (r.ok) console.log(`ok ${file}: ${r.value.indicators.length} indicators, ${r.value.tasks.length} tasks`);
  else { bad++; r.problems.forEach((p) => console.log(formatProblem(p))); }
}
process.exit(bad ? 1 : 0);
