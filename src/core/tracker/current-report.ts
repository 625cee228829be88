// Which of a unit's reports for one plan and period counts: the one it signed last. Arrival order
// alone never decides, because a report held back (an outbox flushed late, a body replayed by
// someone on the path) would otherwise undo a correction the unit sent after it.

/** What the rule reads of a stored report: its signed time, and its revision to break a tie. */
export interface ReportStamp {
  submittedAt: string;
  revision: number;
}

/**
 * Times carry different offsets (+07:00, Z), so they are compared as instants, never as text. A
 * stored time that no longer reads ranks below every readable one.
 */
export function signedInstant(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** The rule on times already read (`signedInstant`), for callers that compare many reports. */
export function supersedesAt(
  a: { at: number; revision: number },
  b: { at: number; revision: number },
): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return a.revision > b.revision;
}

/** True when `a` is current over `b`: signed later, or signed at the same instant and stored after it. */
export function supersedes(a: ReportStamp, b: ReportStamp): boolean {
  return supersedesAt(
    { at: signedInstant(a.submittedAt), revision: a.revision },
    { at: signedInstant(b.submittedAt), revision: b.revision },
  );
}

/** The current report among a unit's reports for one plan and period. */
export function currentOf<T extends ReportStamp>(reports: Iterable<T>): T | undefined {
  let current: T | undefined;
  for (const r of reports) if (!current || supersedes(r, current)) current = r;
  return current;
}
