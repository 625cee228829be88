// Which of a unit's reports for one plan and period counts: the one it signed last. Arrival order
// alone never decides, because a report held back (an outbox flushed late, a body replayed by
// someone on the path) would otherwise undo a correction the unit sent after it.

/** What the rule reads of a stored report: its signed time, and its revision to break a tie. */
export interface ReportStamp {
  submittedAt: string;
  revision: number;
}

/** Times carry different offsets (+07:00, Z), so they are compared as instants, never as text. */
function instant(iso: string): number {
  const t = Date.parse(iso);
  // A stored time that no longer reads ranks below every readable one.
  return Number.isNaN(t) ? -Infinity : t;
}

/** True when `a` is current over `b`: signed later, or signed at the same instant and stored after it. */
export function supersedes(a: ReportStamp, b: ReportStamp): boolean {
  const ta = instant(a.submittedAt);
  const tb = instant(b.submittedAt);
  if (ta !== tb) return ta > tb;
  return a.revision > b.revision;
}

/** The current report among a unit's reports for one plan and period. */
export function currentOf<T extends ReportStamp>(reports: Iterable<T>): T | undefined {
  let current: T | undefined;
  for (const r of reports) if (!current || supersedes(r, current)) current = r;
  return current;
}
