// Units through time: each has a validity interval, and a succession table says who took over whom
// and from which day, so a report is judged against the units that existed in its period.
import { bilingual } from "../check/messages.js";
import { nfcWords } from "./plan-messages.js";
import { z } from "zod";
import { Id } from "./template-schema.js";
import type { Unit } from "./unit-schema.js";
import type { Issue } from "../check/issues.js";
import { makeIssue } from "../check/issues.js";
import type { Period } from "./period.js";
import { periodParts } from "./period.js";

const NfcText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords));

/** One row of a succession table: `to` holds (part of) `from`'s duties from `effective` on. */
export const Succession = z
  .object({
    from: Id,
    to: Id,
    effective: z.iso.date(),
    /** The legal text that moved the duty, cited. */
    basis: NfcText,
    /** Blank for the main successor; otherwise the part of the work passed on. */
    duty: z.string().optional(),
  })
  .strict();
export type Succession = z.infer<typeof Succession>;

export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

export interface HistoryProblem {
  file: string;
  line: number;
  message: { vi: string; en: string };
}

export function formatHistoryProblem(p: HistoryProblem): string {
  return `${p.file} dòng/line ${p.line}: ${p.message.vi} / ${p.message.en}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The first and last calendar day of a period, as ISO dates. */
export function periodDays(period: Period): { first: string; last: string } {
  const p = periodParts(period);
  const months =
    p.kind === "year"
      ? [1, 12]
      : p.kind === "half"
        ? [6 * p.index - 5, 6 * p.index]
        : [3 * p.index - 2, 3 * p.index];
  const [from, to] = months as [number, number];
  const lastDay = new Date(Date.UTC(p.year, to, 0)).getUTCDate();
  return { first: `${p.year}-${pad2(from)}-01`, last: `${p.year}-${pad2(to)}-${pad2(lastDay)}` };
}

/** ISO dates compare as text. */
export function isValidOn(unit: Unit, date: string): boolean {
  return (
    (unit.validFrom === undefined || unit.validFrom <= date) &&
    (unit.validTo === undefined || unit.validTo >= date)
  );
}

/**
 * The units that report for a period: those that exist on its last day, when the report is made
 * (a 2025 report is made by the communes, a 2025-H1 report still by the districts).
 */
export function unitsForPeriod<U extends Unit>(units: readonly U[], period: Period): U[] {
  const { last } = periodDays(period);
  return units.filter((u) => isValidOn(u, last));
}

export function unitsOn<U extends Unit>(units: readonly U[], date: string): U[] {
  return units.filter((u) => isValidOn(u, date));
}

/** Units and who succeeded whom, read once, asked many times. */
export class UnitHistory {
  private readonly byCode = new Map<string, Unit>();
  private readonly from = new Map<string, Succession[]>();
  private readonly to = new Map<string, Succession[]>();

  constructor(
    readonly units: readonly Unit[],
    readonly successions: readonly Succession[],
  ) {
    for (const u of units) this.byCode.set(u.code, u);
    for (const s of successions) {
      push(this.from, s.from, s);
      push(this.to, s.to, s);
    }
  }

  unit(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  successionsFrom(code: string): readonly Succession[] {
    return this.from.get(code) ?? [];
  }

  successionsTo(code: string): readonly Succession[] {
    return this.to.get(code) ?? [];
  }

  /**
   * Who holds a unit's duties on a date: itself while it exists, else its successors (followed on
   * through later successions). `mainOnly` follows only main successors, as a plan's lead does.
   */
  holdersOn(code: string, date: string, mainOnly = false): Unit[] {
    const found = new Map<string, Unit>();
    const seen = new Set<string>();
    const visit = (c: string) => {
      if (seen.has(c)) return;
      seen.add(c);
      const u = this.byCode.get(c);
      if (u && isValidOn(u, date)) {
        found.set(u.code, u);
        return;
      }
      for (const s of this.successionsFrom(c))
        if (s.effective <= date && (!mainOnly || !s.duty)) visit(s.to);
    };
    visit(code);
    return [...found.values()];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Why a unit may not report for a period, naming who reports in its place; undefined when it may.
 * A unit the history does not know is judged by its own interval alone.
 */
export function unitPeriodRefusal(
  unit: Unit,
  period: Period,
  history: () => UnitHistory | undefined,
): Issue | undefined {
  const { last } = periodDays(period);
  if (isValidOn(unit, last)) return undefined;
  const where = { field: "period" } as const;
  const name = `${unit.name} (${unit.code})`;
  if (unit.validFrom !== undefined && unit.validFrom > last)
    return makeIssue("unit-not-yet", where, { unit: name, from: unit.validFrom, period });
  // Read only now: a tracker may keep the succession table where each read costs a call.
  const heirs = history()?.holdersOn(unit.code, last) ?? [];
  const ended = unit.validTo ?? "";
  if (heirs.length === 0) return makeIssue("unit-ceased", where, { unit: name, ended, period });
  const successors = heirs.map((h) => `${h.name} (${h.code})`).join("; ");
  return makeIssue("unit-succeeded", where, { unit: name, ended, period, successors });
}
