// A plan's quoted lead ("Sở Thông tin và Truyền thông") resolved, for a period, to the unit that
// holds the duty then; the template keeps the quote and the label says both.
import type { Period } from "./period.js";
import type { Unit } from "./unit-schema.js";
import { isLeadUnit } from "./unit-match.js";
import type { UnitHistory } from "./unit-history.js";
import { isValidOn, periodDays } from "./unit-history.js";

export interface ResolvedLead {
  /** The plan's words. */
  quote: string;
  /** Codes of the units that lead in the period; undefined where the quote needs no succession. */
  codes: Set<string> | undefined;
  /** What a sheet or page shows: the quote, or "<successor> (trước đây: <quote>)". */
  label: string;
}

export type LeadMatch = (leads: readonly string[], unit: Unit) => boolean;

function resolveOne(quote: string, history: UnitHistory, day: string): ResolvedLead {
  const named = history.units.filter((u) => isLeadUnit([quote], u));
  if (named.length === 0 || named.some((u) => isValidOn(u, day)))
    return { quote, codes: undefined, label: quote };
  const heirs = new Map<string, Unit>();
  for (const u of named) for (const h of history.holdersOn(u.code, day, true)) heirs.set(h.code, h);
  if (heirs.size === 0) return { quote, codes: undefined, label: quote };
  const list = [...heirs.values()];
  const shown =
    list.length <= 3
      ? list.map((h) => h.name).join("; ")
      : list.every((h) => h.kind === "commune")
        ? `UBND ${list.length} xã, phường kế nhiệm`
        : `${list.length} đơn vị kế nhiệm`;
  return { quote, codes: new Set(heirs.keys()), label: `${shown} (trước đây: ${quote})` };
}

/** Resolves every lead quote of a plan for one period, each once. */
export class LeadResolver {
  private readonly memo = new Map<string, ResolvedLead>();
  private readonly day: string;

  constructor(
    private readonly history: UnitHistory | undefined,
    period: Period,
  ) {
    this.day = periodDays(period).last;
  }

  resolve(quote: string): ResolvedLead {
    let r = this.memo.get(quote);
    if (!r) {
      r = this.history
        ? resolveOne(quote, this.history, this.day)
        : { quote, codes: undefined, label: quote };
      this.memo.set(quote, r);
    }
    return r;
  }

  label(leads: readonly string[]): string {
    return leads.map((l) => this.resolve(l).label).join("; ");
  }

  /** Whether the unit leads, in the period, what the quotes name. */
  readonly matches: LeadMatch = (leads, unit) =>
    leads.some((l) => {
      const r = this.resolve(l);
      return r.codes ? r.codes.has(unit.code) : isLeadUnit([l], unit);
    });
}
