// The periods a report follows its indicators through: those of the same kind as the reported
// one, from the plan's first year up to it (a store is asked for each).
import { planYears } from "../plan/plan-years.js";
import { periodParts, type Period } from "../plan/period.js";
import type { Template } from "../plan/template-schema.js";
import { previousPeriod } from "./previous-period.js";

export function periodsUpTo(template: Template, period: Period): Period[] {
  const first = planYears(template).first;
  const periods = [period];
  for (let p = previousPeriod(period); periodParts(p).year >= first; p = previousPeriod(p))
    periods.unshift(p);
  return periods;
}
