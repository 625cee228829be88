// Reporting periods ("2025", "2025-H2", "2025-Q4"), their dates, and deadlines in Vietnam's time zone.
import { TZDate } from "@date-fns/tz";
import { endOfMonth, isAfter } from "date-fns";
import { z } from "zod";
import type { Deadline, ReportingSchedule } from "./template-schema.js";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export const Period = z
  .string()
  .regex(
    /^(20\d\d)(-(Q[1-4]|H[12]))?$/,
    "kỳ báo cáo dạng 2025, 2025-H1 hoặc 2025-Q4 / period as 2025, 2025-H1 or 2025-Q4",
  );
export type Period = z.infer<typeof Period>;

export interface PeriodParts {
  year: number;
  kind: "year" | "half" | "quarter";
  index: number;
}

export function periodParts(period: Period): PeriodParts {
  const [yearText, part] = period.split("-");
  const year = Number(yearText);
  if (!part) return { year, kind: "year", index: 1 };
  return { year, kind: part.startsWith("H") ? "half" : "quarter", index: Number(part.slice(1)) };
}

export function periodLabelVi(period: Period): string {
  const p = periodParts(period);
  if (p.kind === "year") return `Năm ${p.year}`;
  if (p.kind === "half") return `${p.index === 1 ? "6 tháng đầu" : "6 tháng cuối"} năm ${p.year}`;
  return `Quý ${["I", "II", "III", "IV"][p.index - 1]} năm ${p.year}`;
}

/**
 * The moment a unit's report for the period is due: the end of the schedule's day, Vietnam time.
 * Only yearly periods have one, because the plans set only a yearly date (QĐ 2256, V.2.4.d).
 */
export function reportDueAt(
  period: Period,
  schedule: ReportingSchedule | undefined,
): Date | undefined {
  const p = periodParts(period);
  if (!schedule || p.kind !== "year") return undefined;
  const { month, day } = schedule.unitDeadline;
  // "trước ngày 10 tháng 12": due before 10 December begins.
  return new TZDate(p.year, month - 1, day, 0, 0, 0, TIME_ZONE);
}

// Time-zone arithmetic is slow next to the rest of a check, and a plan has few distinct deadlines.
const dueTimes = new Map<string, number>();

/** A task due "in December 2025" is overdue once that month has ended in Vietnam. */
export function taskDueAt(deadline: Deadline): Date | undefined {
  if (deadline === null || deadline === "recurring") return undefined;
  let due = dueTimes.get(deadline);
  if (due === undefined) {
    const [y, m] = deadline.split("-").map(Number) as [number, number];
    due = endOfMonth(new TZDate(y, m - 1, 1, TIME_ZONE)).getTime();
    dueTimes.set(deadline, due);
  }
  return new Date(due);
}

export function isTaskOverdue(deadline: Deadline, now: Date): boolean {
  const due = taskDueAt(deadline);
  return due !== undefined && isAfter(now, due);
}

/** Today's calendar date in Vietnam, as YYYY-MM-DD. */
export function todayInVietnam(now: Date): string {
  const d = new TZDate(now.getTime(), TIME_ZONE);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** ISO 8601 with the +07:00 offset the wire protocol uses for submittedAt. */
export function isoInVietnam(now: Date): string {
  const d = new TZDate(now.getTime(), TIME_ZONE);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}+07:00`
  );
}
