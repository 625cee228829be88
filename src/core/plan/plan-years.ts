// The years a plan covers, which the periods reported against it must fall in: from the year it
// was signed to its horizon. Where the source gives no date, a decade before the horizon, since
// the plans run five to ten years ("đến 2025, định hướng đến 2030").
import type { Template } from "./template-schema.js";

export function planYears(template: Template): { first: number; last: number } {
  const last = template.plan.horizon;
  const signed = template.plan.documentDate;
  const first = signed ? Number(signed.slice(0, 4)) : last - 10;
  return { first: Math.min(first, last), last };
}

/** The year a period ("2025", "2025-Q4", "2025-H1") belongs to. */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}
