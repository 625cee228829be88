// Each indicator followed across the periods to its target year: on track or off track by the
// straight line from its first reported figure to the target, and a "hàng năm" target judged in
// every year. Built from the consolidations of the periods, so every tracker shows the same.
import { consolidate } from "../tracker/consolidate.js";
import type {
  Consolidation,
  ConsolidationInput,
  IndicatorConsolidation,
  ReceivedSubmission,
} from "../tracker/consolidation-types.js";
import { periodParts } from "../plan/period.js";
import { meets } from "../plan/target-status.js";
import type { Target } from "../plan/template-schema.js";

/**
 * start: the first figure, where the line begins; on-track / off-track: against the line before
 * the target year; met / not-met: in or after the target year, in every year for a yearly target,
 * or as soon as the target is reached; pending: a milestone (yes/no) not done before its year;
 * no-data: no figure for the period, or no target to follow.
 */
export type TrajectoryStatus =
  "start" | "on-track" | "off-track" | "met" | "not-met" | "pending" | "no-data";

export interface TrajectoryPoint {
  period: string;
  value: number | null;
  /** Where the line stands at this period (the range's lower line for "between"); null without a line. */
  expected: number | null;
  /** The upper line of a "between" target; null otherwise. */
  expectedMax: number | null;
  status: TrajectoryStatus;
}

export interface IndicatorTrajectory {
  id: string;
  name: string;
  unit: string;
  target: Target | null;
  targetText: string;
  targetYear: number | null;
  yearly: boolean;
  /** In time order, one per consolidation given. */
  points: TrajectoryPoint[];
  /** The latest period's status: what the consolidator reads first. */
  latest: TrajectoryStatus;
}

const EPSILON = 1e-9;

/**
 * A period's place on a time line in years, at its end: "2025" is 2025, "2025-H1" 2024.5,
 * "2025-Q1" 2024.25. A target "by 2030" stands at 2030, the end of that year.
 */
export function periodEnd(period: string): number {
  const p = periodParts(period);
  const share = p.kind === "year" ? 1 : p.kind === "half" ? p.index / 2 : p.index / 4;
  return p.year - 1 + share;
}

/** The consolidations in time order; of two for the same period, the later one given. */
function inTimeOrder(series: readonly Consolidation[]): Consolidation[] {
  const byPeriod = new Map(series.map((c) => [c.period, c]));
  return [...byPeriod.values()].sort((a, b) => periodEnd(a.period) - periodEnd(b.period));
}

export function trajectories(series: readonly Consolidation[]): IndicatorTrajectory[] {
  const ordered = inTimeOrder(series);
  const latest = ordered[ordered.length - 1];
  if (!latest) return [];
  // The latest template's indicators, in its order: an indicator dropped since is no longer followed.
  return latest.indicators.map((ind) => {
    const rows = ordered.map((c) => ({
      period: c.period,
      row: c.indicators.find((x) => x.id === ind.id),
    }));
    return trajectoryOf(ind, rows);
  });
}

/** The periods the plan's submissions hold up to `period`, and `period` itself, in time order. */
export function periodsUpTo(
  submissions: readonly ReceivedSubmission[],
  planId: string,
  period: string,
): string[] {
  const end = periodEnd(period);
  const found = new Set([period]);
  for (const r of submissions)
    if (r.submission.planId === planId && periodEnd(r.submission.period) <= end)
      found.add(r.submission.period);
  return [...found].sort((a, b) => periodEnd(a) - periodEnd(b));
}

/**
 * The trajectories up to the input's period, consolidating each earlier period from the same
 * submissions; `current` is the input period's consolidation when the caller already has it.
 */
export function trajectoriesUpTo(
  input: ConsolidationInput,
  current?: Consolidation,
): IndicatorTrajectory[] {
  const series = periodsUpTo(input.submissions, input.template.id, input.period).map((period) =>
    period === current?.period ? current : consolidate({ ...input, period }),
  );
  return trajectories(series);
}

interface PeriodRow {
  period: string;
  row: IndicatorConsolidation | undefined;
}

function trajectoryOf(
  ind: IndicatorConsolidation,
  rows: readonly PeriodRow[],
): IndicatorTrajectory {
  const target = ind.target;
  const first = rows.find((r) => r.row?.aggregate !== null && r.row?.aggregate !== undefined);
  const start =
    first && first.row ? { at: periodEnd(first.period), value: first.row.aggregate! } : undefined;
  const points = rows.map(({ period, row }) =>
    pointOf(period, row?.aggregate ?? null, target, ind.kind === "yes-no", start),
  );
  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    target,
    targetText: ind.targetText,
    targetYear: target?.year ?? null,
    yearly: target?.yearly === true,
    points,
    latest: points[points.length - 1]?.status ?? "no-data",
  };
}

function pointOf(
  period: string,
  value: number | null,
  target: Target | null,
  milestone: boolean,
  start: { at: number; value: number } | undefined,
): TrajectoryPoint {
  const point = (
    status: TrajectoryStatus,
    expected: number | null = null,
    max: number | null = null,
  ) => ({
    period,
    value,
    expected,
    expectedMax: max,
    status,
  });
  if (!target) return point("no-data");
  const at = periodEnd(period);
  const judged = (): TrajectoryStatus => (meets(target, value!) ? "met" : "not-met");
  if (target.yearly)
    return point(value === null ? "no-data" : judged(), target.value, target.max ?? null);
  if (at >= target.year - EPSILON)
    return point(value === null ? "no-data" : judged(), target.value, target.max ?? null);
  if (value !== null && meets(target, value)) return point("met", target.value, target.max ?? null);
  // A milestone is done or not: no line runs from "no" to "yes", and before its year it waits.
  if (milestone) return point(value === null ? "no-data" : "pending");
  if (!start || at < start.at) return point("no-data");
  if (at === start.at) return point(value === null ? "no-data" : "start", start.value);
  const share = (at - start.at) / (target.year - start.at);
  const line = (goal: number) => start.value + (goal - start.value) * share;
  const expected = line(target.value);
  const expectedMax = target.op === "between" ? line(target.max ?? target.value) : null;
  if (value === null) return point("no-data", expected, expectedMax);
  return point(
    onLine(target, start.value, value, expected, expectedMax) ? "on-track" : "off-track",
    expected,
    expectedMax,
  );
}

/**
 * Whether a figure keeps to the line: at or beyond it in the target's direction. For a range (an
 * exact target is a range from its value to itself), a figure that started below it must be at
 * or above the lower line (and not past the range's top); one that started at or above it, at or
 * below the upper line (and not under the range's bottom).
 */
function onLine(
  target: Target,
  startValue: number,
  value: number,
  expected: number,
  expectedMax: number | null,
): boolean {
  switch (target.op) {
    case ">=":
    case ">":
      return value >= expected - EPSILON;
    case "<=":
    case "<":
      return value <= expected + EPSILON;
    // An exact target is a range of one point: a figure that goes past it, or leaves it after
    // starting on it, is no nearer to it, so it is off track like a figure past a range's end.
    case "=":
    case "between": {
      const top = target.max ?? target.value;
      if (startValue < target.value) return value >= expected - EPSILON && value <= top + EPSILON;
      return value <= (expectedMax ?? expected) + EPSILON && value >= target.value - EPSILON;
    }
  }
}
