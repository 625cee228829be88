// Who must report what: which indicators a unit must fill and which tasks it leads, read from the
// template's named leads. The sheet's layout, validation and consolidation all ask the same way.
import type { Indicator, Template } from "./template-schema.js";
import type { Unit } from "./unit-schema.js";
import { isLeadUnit } from "./unit-match.js";
import type { LeadMatch } from "./succession.js";

/** Whether the unit must fill this indicator (an error when blank) or may (blank is fine). */
export function isRequiredOf(
  indicator: Indicator,
  unit: Unit,
  match: LeadMatch = isLeadUnit,
): boolean {
  if (indicator.reporters === "lead") return match(indicator.lead, unit);
  // A province-wide figure without a named lead is reported by whoever measures it.
  return indicator.aggregation !== "single-reporter";
}

export function tasksOf(template: Template, unit: Unit, match: LeadMatch = isLeadUnit) {
  return template.tasks.filter((t) => match(t.lead, unit));
}
