// Finding a plan, a unit list and a unit for a command, with refusals a person can act on.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../core/plan/template-load.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import { loadSeedTemplates, loadUnitListFile, seedsDir } from "./seeds.js";

/** A refusal a person can act on: the command prints it and exits 2. */
export class CommandRefusal extends Error {
  /** Where in the file, as ":line:column", when the file itself is at fault. */
  readonly at: string;
  constructor(message: string, at = "") {
    super(message);
    this.at = at;
  }
}

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
    if (!list.ok) throw new CommandRefusal(list.error.map(formatProblem).join("\n"));
    return list.value.units;
  });
}

export function findUnit(units: readonly Unit[], code: string): Unit {
  const unit = units.find((u) => u.code === code);
  if (unit) return unit;
  throw new CommandRefusal(
    `Không có đơn vị "${code}" / no unit "${code}". ` +
      `Có / known: ${units.map((u) => u.code).join(", ")}`,
  );
}

export function findTemplate(id: string): Template {
  const { templates } = loadSeedTemplates();
  const template = templates.find((t) => t.id === id);
  if (template) return template;
  throw new CommandRefusal(
    `Không có biểu mẫu "${id}" / no template "${id}". ` +
      `Có / available: ${templates.map((t) => t.id).join(", ")}`,
  );
}
