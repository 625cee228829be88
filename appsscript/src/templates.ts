// The shipped plan templates, embedded in the bundle as JSON and parsed with core's schema on first use:
// every execution of a web app starts afresh, so a post parses only the plan it names.
import seeds from "virtual:chitieu-seeds";
import tables from "virtual:chitieu-measures";
import { Template } from "../../src/core/plan/template-schema.js";
import { MeasureTable } from "../../src/core/tracker/plan-comparison.js";

const raw = new Map<string, unknown>();
for (const seed of seeds) {
  const id = (seed as { id?: unknown }).id;
  if (typeof id === "string") raw.set(id, seed);
}
const parsed = new Map<string, Template>();

export function templateIds(): string[] {
  return [...raw.keys()].sort();
}

export function templateById(id: string): Template | undefined {
  let template = parsed.get(id);
  if (!template && raw.has(id)) {
    template = Template.parse(raw.get(id));
    parsed.set(id, template);
  }
  return template;
}

export function allTemplates(): Template[] {
  return templateIds().map((id) => templateById(id)!);
}

let measures: MeasureTable[] | undefined;

/** Which indicators of different plans measure the same thing (seeds/measures/). */
export function measureTables(): MeasureTable[] {
  measures ??= tables.map((t) => MeasureTable.parse(t));
  return measures;
}
