// Vietnam's wall clock by plain arithmetic (UTC+7, no daylight saving since 1975): checked against
// the full time-zone data Node's Intl has, and refusing an invalid time rather than printing NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isoInVietnam,
  isTaskOverdue,
  reportDueAt,
  taskDueAt,
  todayInVietnam,
  vietnamClock,
} from "../../../src/core/plan/period.js";
import type { ReportingSchedule } from "../../../src/core/plan/template-schema.js";

const schedule = {
  frequency: "yearly",
  unitDeadline: { month: 12, day: 10 },
  leadUnit: "Sở Khoa học và Công nghệ",
  source: [],
} as unknown as ReportingSchedule;

/** What Intl's tz database says the clock in Ho Chi Minh City reads at `t`. */
function intlReading(t: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "Asia/Ho_Chi_Minh",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

describe("isoInVietnam", () => {
  it.each([
    ["2025-12-09T17:00:00.000Z", "2025-12-10T00:00:00.000+07:00"],
    ["2025-12-31T16:59:59.999Z", "2025-12-31T23:59:59.999+07:00"],
    ["2025-12-31T17:00:00.000Z", "2026-01-01T00:00:00.000+07:00"],
    ["2028-02-28T17:30:00.250Z", "2028-02-29T00:30:00.250+07:00"],
  ])("%s reads %s in Vietnam", (utc, vietnam) => {
    expect(isoInVietnam(new Date(utc))).toBe(vietnam);
    expect(Date.parse(vietnam)).toBe(Date.parse(utc));
  });

  it("agrees with the time-zone database for any moment since 1976", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const iso = isoInVietnam(new Date(t));
        expect(iso.slice(0, 19)).toBe(intlReading(t));
        expect(Date.parse(iso)).toBe(t);
      }),
    );
  });

  it("refuses an invalid time instead of writing NaN", () => {
    expect(() => isoInVietnam(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => todayInVietnam(new Date("không phải ngày"))).toThrow(/invalid time/u);
    expect(() => vietnamClock(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("deadlines in Vietnam", () => {
  it("a yearly report is due when 10 December begins in Vietnam", () => {
    expect(reportDueAt("2025", schedule)!.toISOString()).toBe("2025-12-09T17:00:00.000Z");
    expect(reportDueAt("2025-Q4", schedule)).toBeUndefined();
  });

  it("a task due in a month is overdue once its last millisecond has passed in Vietnam", () => {
    expect(taskDueAt("2025-12")!.toISOString()).toBe("2025-12-31T16:59:59.999Z");
    expect(taskDueAt("2028-02")!.toISOString()).toBe("2028-02-29T16:59:59.999Z");
    expect(taskDueAt("recurring")).toBeUndefined();
    expect(isTaskOverdue("2025-12", new Date("2025-12-31T16:59:59.999Z"))).toBe(false);
    expect(isTaskOverdue("2025-12", new Date("2025-12-31T17:00:00.000Z"))).toBe(true);
  });

  it("today is Vietnam's date, seven hours ahead of UTC", () => {
    expect(todayInVietnam(new Date("2025-12-09T16:59:59.999Z"))).toBe("2025-12-09");
    expect(todayInVietnam(new Date("2025-12-09T17:00:00.000Z"))).toBe("2025-12-10");
  });
});
