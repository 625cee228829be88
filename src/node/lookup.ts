// Finding a plan, a unit list and a unit for a command, with refusals a person can act on.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../core/plan/template-load.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import { Refusal } from "./refusal.js";
import { loadSeedTemplates, loadUnitListFile, seedsDir } from "./seeds.js";

/** Every shipped unit list, or the one the administrator names. */
export function loadUnits(file?: string): Unit[] {
  const dir = join(seedsDir, "units");
  const files = file
    ? [file]
    : readdirSync(dir)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => join(dir, name));
  return files.flatMap((f) => {
    const list = loadUnitListFile(f);
    if (!list.ok) throw new Refusal(list.error.map(formatProblem).join("\n"));
    return list.value.units;
  });
}

export function findUnit(units: readonly Unit[], code: string): Unit {
  const unit = units.find((u) => u.code === code);
  if (unit) return unit;
  throw new Refusal(
    `Không có đơn vị "${code}" / no unit "${code}". ` +
      `Có / known: ${units.map((u) => u.code).join(", ")}`,
  );
}

export function findTemplate(id: string): Template {
  const { templates } = loadSeedTemplates();
  const template = templates.find((t) => t.id === id);
  if (template) return template;
  throw new Refusal(
    `Không có biểu mẫu "${id}" / no template "${id}". ` +
      `Có / available: ${templates.map((t) => t.id).join(", ")}`,
  );
}

/** A plan's template as a tracker's data folder holds it; refused with the ids it does hold. */
export function storedTemplate(
  store: { template(id: string): Template | undefined; templateList(): Template[] },
  id: string,
): Template {
  const template = store.template(id);
  if (template) return template;
  throw new Refusal(
    `Không có biểu mẫu "${id}" / no template "${id}": ${store
      .templateList()
      .map((t) => t.id)
      .join(", ")}`,
  );
}
