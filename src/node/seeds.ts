// Where the shipped plan templates, unit lists and their source texts live on disk, and reading them.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Template } from "../core/plan/template-schema.js";
import type { LoadProblem, LoadResult } from "../core/plan/template-load.js";
import { parseTemplateText, parseUnitListText } from "../core/plan/template-load.js";
import { traceTemplate } from "../core/plan/template-trace.js";
import { err, ok } from "../core/text/result.js";
import type { UnitList } from "../core/plan/unit-schema.js";
import { MeasureTable, measureTableProblems } from "../core/tracker/plan-comparison.js";

/** `seeds/` sits two levels above both `src/node/` (tests) and `dist/node/` (the built CLI). */
export const seedsDir = fileURLToPath(new URL("../../seeds/", import.meta.url));

export function templateFiles(dir = seedsDir): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}

function readText(file: string): LoadResult<string> {
  try {
    return ok(readFileSync(file, "utf8"));
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return err([{ file, path: "$", message: `không đọc được / cannot read: ${reason}` }]);
  }
}

/**
 * Loads a template and, when its source text is shipped in `seeds/sources/`, checks that every
 * quote occurs there and carries the numbers the template states.
 */
export function loadTemplateFile(
  file: string,
  sourcesDir = join(seedsDir, "sources"),
): LoadResult<Template> {
  const text = readText(file);
  if (!text.ok) return text;
  const parsed = parseTemplateText(text.value, basename(file));
  if (!parsed.ok) return parsed;
  const source = readText(join(sourcesDir, parsed.value.plan.sourceFile));
  if (!source.ok) {
    return err([
      {
        file: basename(file),
        path: "$.plan.sourceFile",
        message: `thiếu văn bản nguồn / source text missing: ${parsed.value.plan.sourceFile}`,
      },
    ]);
  }
  const problems: LoadProblem[] = traceTemplate(parsed.value, source.value).map((p) => ({
    file: basename(file),
    ...p,
  }));
  return problems.length ? err(problems) : parsed;
}

export interface SeedCatalogue {
  templates: Template[];
  problems: LoadProblem[];
}

export function loadSeedTemplates(dir = seedsDir): SeedCatalogue {
  const templates: Template[] = [];
  const problems: LoadProblem[] = [];
  for (const file of templateFiles(dir)) {
    const result = loadTemplateFile(file, join(dir, "sources"));
    if (result.ok) templates.push(result.value);
    else problems.push(...result.error);
  }
  return { templates, problems };
}

export function loadUnitListFile(file: string): LoadResult<UnitList> {
  const text = readText(file);
  return text.ok ? parseUnitListText(text.value, basename(file)) : text;
}

/**
 * seeds/measures/*.json: which indicators of different plans measure the same thing, each pairing
 * checked against the templates' quotes. A broken table is a broken install, so it throws.
 */
export function loadMeasureTables(
  templates: readonly Template[],
  dir = join(seedsDir, "measures"),
): MeasureTable[] {
  const tables = templateFiles(dir).map((file) => {
    const parsed = MeasureTable.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${basename(file)}: ${parsed.error.message}`);
    return parsed.data;
  });
  const problems = tables.flatMap((t) => measureTableProblems(t, templates));
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return tables;
}
