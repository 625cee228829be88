// Reporting periods ("2025", "2025-H2", "2025-Q4"), their dates, and deadlines in Vietnam's time zone.
import { z } from "zod";
import type { Deadline, ReportingSchedule } from "./template-schema.js";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Vietnam has kept UTC+7 without daylight saving since 13 June 1975, so its wall clock is plain
// arithmetic on UTC: no Intl time-zone data, which older runtimes (Apps Script among them) lack.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A moment as a clock in Vietnam shows it; month 1–12. */
export interface VietnamClock {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

/** Refuses an invalid Date (NaN): no time is better than a time that reads "NaN-NaN-NaN". */
export function vietnamClock(at: Date | number): VietnamClock {
  const ms = typeof at === "number" ? at : at.getTime();
  if (!Number.isFinite(ms))
    throw new RangeError("thời điểm không hợp lệ / invalid time: not a valid date");
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
    milliseconds: d.getUTCMilliseconds(),
  };
}

/** The moment a Vietnamese wall-clock reading names; month 1–12, overflow rolls over as Date.UTC does. */
export function vietnamTime(year: number, month: number, day: number, hours = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hours) - VIETNAM_OFFSET_MS);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A moment's calendar date in Vietnam, as YYYY-MM-DD. */
export function vietnamDate(at: Date | number): string {
  const c = vietnamClock(at);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

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
  return vietnamTime(p.year, month, day);
}

/** "2025-06" as officers write a month: "6/2025". */
export function deadlineMonth(deadline: string): string {
  const [y, m] = deadline.split("-");
  return `${Number(m)}/${y}`;
}

/** A task due "in December 2025" is overdue once that month has ended in Vietnam. */
export function taskDueAt(deadline: Deadline): Date | undefined {
  if (deadline === null || deadline === "recurring") return undefined;
  const [y, m] = deadline.split("-").map(Number) as [number, number];
  // The last millisecond of the month: the next month's first moment, less one.
  return new Date(vietnamTime(y, m + 1, 1).getTime() - 1);
}

export function isTaskOverdue(deadline: Deadline, now: Date): boolean {
  const due = taskDueAt(deadline);
  return due !== undefined && now.getTime() > due.getTime();
}

/** Today's calendar date in Vietnam, as YYYY-MM-DD. */
export function todayInVietnam(now: Date): string {
  return vietnamDate(now);
}

/** ISO 8601 with the +07:00 offset the wire protocol uses; an invalid Date is refused, not written. */
export function isoInVietnam(now: Date): string {
  const c = vietnamClock(now);
  return (
    `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T` +
    `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}.${pad(c.milliseconds, 3)}+07:00`
  );
}
