// Whether a value meets an indicator's target at a unit's level, and how a target reads in a cell.
import type { Comparator, Indicator, Level, Target } from "./template-schema.js";
import { formatNumberVi } from "../text/parse-number.js";

export type TargetStatus = "met" | "not-met" | "no-data";

/** Level targets win at their level; elsewhere the plan-wide target applies. */
export function targetFor(indicator: Indicator, level: Level): Target | undefined {
  return indicator.levelTargets?.[level] ?? indicator.target;
}

// Values are rounded to 1e-9 first so 0.1 + 0.2 reported as a ratio still meets "= 0.3".
const EPSILON = 1e-9;

export function meets(target: Target, value: number): boolean {
  const v = value;
  switch (target.op) {
    case ">=":
      return v >= target.value - EPSILON;
    case ">":
      return v > target.value + EPSILON;
    case "<=":
      return v <= target.value + EPSILON;
    case "<":
      return v < target.value - EPSILON;
    case "=":
      return Math.abs(v - target.value) <= EPSILON;
    case "between":
      return v >= target.value - EPSILON && v <= (target.max ?? target.value) + EPSILON;
  }
}

export function statusOf(
  indicator: Indicator,
  level: Level,
  value: number | null | undefined,
): TargetStatus {
  const target = targetFor(indicator, level);
  if (value === null || value === undefined || !target) return "no-data";
  return meets(target, value) ? "met" : "not-met";
}

const opText: Record<Exclude<Comparator, "between">, string> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "<": "<",
  "=": "=",
};

/** "≥ 80%", "50% – 60%", "Có" for a milestone, "≤ 10 (hạng)" for a rank. */
export function describeTarget(indicator: Indicator, target: Target | undefined): string {
  if (!target) return "";
  if (indicator.kind === "yes-no") return "Có";
  const unit = indicator.unit === "%" ? "%" : ` ${indicator.unit}`;
  const n = (x: number) => `${formatNumberVi(x)}${unit}`;
  if (target.op === "between") return `${n(target.value)} – ${n(target.max ?? target.value)}`;
  return `${opText[target.op]} ${n(target.value)}`;
}

/** Per-level targets written out, so every unit sees what the plan asks of each level. */
export function describeAllTargets(indicator: Indicator): string {
  if (!indicator.levelTargets) return describeTarget(indicator, indicator.target);
  const names: Record<Level, string> = { province: "Tỉnh", district: "Huyện", commune: "Xã" };
  return (Object.entries(indicator.levelTargets) as [Level, Target][])
    .map(([level, t]) => `${names[level]}: ${describeTarget(indicator, t)}`)
    .join("; ");
}
