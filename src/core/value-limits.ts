// What a figure of each kind can mean, in one table: validation refuses beyond it, the report
// sheet's data validation offers it, and consolidation leaves out stored figures outside it.
import type { Indicator, IndicatorKind, Template } from "./template-schema.js";

export interface ValueLimit {
  min: number;
  max: number;
  /** Whole numbers only; every whole limit is below 2^53, so a whole figure is a safe integer. */
  whole: boolean;
}

/** What a numerator or a denominator is: a count of things a unit can count. */
export type QuantityKind = IndicatorKind | "share-part";

/** People, records, systems, communes one unit counts: Việt Nam has about 100 million people. */
const COUNT_MAX = 1_000_000_000;
/** Đồng: above the country's yearly budget spread over a plan, and far below 2^53, so sums stay exact. */
const MONEY_MAX = 1_000_000_000_000_000;
/** Việt Nam had 63 provinces until July 2025 (34 since): no ranking of provinces goes further. */
const RANK_MAX = 63;
/** A yearly growth can lose at most all of it (−100%); beyond ten-fold in a year is a typing slip. */
const GROWTH = { min: -100, max: 1000 };

export const valueLimits: Record<QuantityKind, ValueLimit> = {
  percent: { min: 0, max: 100, whole: false },
  count: { min: 0, max: COUNT_MAX, whole: true },
  money: { min: 0, max: MONEY_MAX, whole: true },
  rank: { min: 1, max: RANK_MAX, whole: true },
  growth: { ...GROWTH, whole: false },
  // A reduction is a growth with its sign turned: at most all of it removed (100%).
  reduction: { min: -GROWTH.max, max: -GROWTH.min, whole: false },
  "yes-no": { min: 0, max: 1, whole: true },
  "share-part": { min: 0, max: COUNT_MAX, whole: false },
};

/** Free text (evidence, notes): the submission schema's limit, in UTF-16 code units as zod counts. */
export const TEXT_MAX_CHARS = 4000;

/**
 * Each section of a unit's narrative (assessment, difficulties, proposals), in UTF-16 code units as
 * zod and both hosts count. It must fit one cell wherever the text is written: an Excel cell holds
 * 32,767 characters and a Google Sheets cell 50,000, so Excel bounds it. 30,000 is a round figure
 * an officer can be told, below Excel's limit. On the wire a Vietnamese letter takes 3 bytes of
 * UTF-8, and the worst character 7 once the payload is JSON inside the JSON envelope (a control
 * character becomes \\u0001): three sections at the limit stay under 630 kB of the 1 MB body.
 */
export const NARRATIVE_MAX_CHARS = 30_000;

/**
 * A unit's amount on one budget line, in a period, cannot exceed the whole plan's budget: an amount
 * beyond it is a slip of extra zeros.
 */
export function budgetLimit(template: Template): ValueLimit {
  const max = template.budget ? Math.min(template.budget.total.amount, MONEY_MAX) : MONEY_MAX;
  return { min: 0, max, whole: true };
}

/** The limit of an indicator's figure: its value by its kind, a numerator or denominator a count. */
export function indicatorLimit(
  indicator: Indicator,
  field: "value" | "numerator" | "denominator",
): ValueLimit {
  return field === "value" ? valueLimits[indicator.kind] : valueLimits["share-part"];
}
