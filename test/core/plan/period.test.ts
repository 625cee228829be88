// Reporting periods and deadlines, in Vietnam's time (UTC+7 all year: no daylight saving). Vietnam's
// wall clock is plain arithmetic: checked against the full time-zone data Node's Intl has, and
// refusing an invalid time rather than printing NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deadlineMonth,
  isoInVietnam,
  isTaskOverdue,
  Period,
  periodLabelVi,
  periodParts,
  reportDueAt,
  taskDueAt,
  todayInVietnam,
  vietnamClock,
} from "../../../src/core/plan/period.js";
import type { ReportingSchedule } from "../../../src/core/plan/template-schema.js";

const schedule = (month: number, day: number): ReportingSchedule => ({
  frequency: "yearly",
  unitDeadline: { month, day },
  leadUnit: "Sở Thông tin và Truyền thông",
  source: ["trước ngày 10 tháng 12 hàng năm"],
});

describe("Period", () => {
  it.each([
    "2025",
    "2000",
    "2099",
    "2025-H1",
    "2025-H2",
    "2025-Q1",
    "2025-Q2",
    "2025-Q3",
    "2025-Q4",
  ])("accepts %j", (p) => expect(Period.safeParse(p).success).toBe(true));

  it.each([
    "1999",
    "2100",
    "25",
    "2025-",
    "2025-Q0",
    "2025-Q5",
    "2025-H0",
    "2025-H3",
    "2025-q4",
    "2025-M12",
    " 2025",
    "2025 ",
    "2025-Q4-1",
    "x2025",
  ])("refuses %j, saying which forms it takes", (p) => {
    const r = Period.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      "kỳ báo cáo dạng 2025, 2025-H1 hoặc 2025-Q4 / period as 2025, 2025-H1 or 2025-Q4",
    );
  });
});

describe("periodParts and periodLabelVi", () => {
  it.each([
    ["2025", { year: 2025, kind: "year", index: 1 }, "Năm 2025"],
    ["2026-H1", { year: 2026, kind: "half", index: 1 }, "6 tháng đầu năm 2026"],
    ["2026-H2", { year: 2026, kind: "half", index: 2 }, "6 tháng cuối năm 2026"],
    ["2025-Q1", { year: 2025, kind: "quarter", index: 1 }, "Quý I năm 2025"],
    ["2025-Q2", { year: 2025, kind: "quarter", index: 2 }, "Quý II năm 2025"],
    ["2025-Q3", { year: 2025, kind: "quarter", index: 3 }, "Quý III năm 2025"],
    ["2025-Q4", { year: 2025, kind: "quarter", index: 4 }, "Quý IV năm 2025"],
  ])("%s is %j, read as %j", (period, parts, label) => {
    expect(periodParts(period)).toEqual(parts);
    expect(periodLabelVi(period)).toBe(label);
  });
});

describe("reportDueAt", () => {
  it("is the start of the deadline day in Vietnam: 10 December 2025 begins at 17:00 UTC on the 9th", () => {
    const at = (period: string, s: ReportingSchedule) => reportDueAt(period, s)?.getTime();
    expect(at("2025", schedule(12, 10))).toBe(Date.parse("2025-12-09T17:00:00.000Z"));
    expect(at("2026", schedule(1, 31))).toBe(Date.parse("2026-01-30T17:00:00.000Z"));
  });

  it("is undefined for halves and quarters, and without a schedule", () => {
    expect(reportDueAt("2025-H2", schedule(12, 10))).toBeUndefined();
    expect(reportDueAt("2025-Q4", schedule(12, 10))).toBeUndefined();
    expect(reportDueAt("2025", undefined)).toBeUndefined();
  });
});

describe("deadlineMonth", () => {
  it("writes a deadline month as officers do, without a leading zero", () => {
    expect(deadlineMonth("2025-06")).toBe("6/2025");
    expect(deadlineMonth("2030-12")).toBe("12/2030");
  });
});

describe("taskDueAt and isTaskOverdue", () => {
  it("a task due in a month is due at the last millisecond of that month in Vietnam", () => {
    expect(taskDueAt("2025-12")?.toISOString()).toBe("2025-12-31T16:59:59.999Z");
    expect(taskDueAt("2024-02")?.toISOString()).toBe("2024-02-29T16:59:59.999Z");
    expect(taskDueAt("2025-06")?.toISOString()).toBe("2025-06-30T16:59:59.999Z");
  });

  it("answers a fresh Date each time: changing one leaves the deadline as it was", () => {
    const first = taskDueAt("2025-09")!;
    first.setTime(0);
    expect(taskDueAt("2025-09")?.toISOString()).toBe("2025-09-30T16:59:59.999Z");
  });

  it("recurring tasks and tasks without a deadline have none, and are never overdue", () => {
    expect(taskDueAt("recurring")).toBeUndefined();
    expect(taskDueAt(null)).toBeUndefined();
    const late = new Date("2099-01-01T00:00:00Z");
    expect(isTaskOverdue("recurring", late)).toBe(false);
    expect(isTaskOverdue(null, late)).toBe(false);
  });

  it("is overdue only after the month has ended in Vietnam", () => {
    expect(isTaskOverdue("2025-12", new Date("2025-12-31T16:59:59.999Z"))).toBe(false);
    expect(isTaskOverdue("2025-12", new Date("2025-12-31T17:00:00.000Z"))).toBe(true);
    expect(isTaskOverdue("2025-12", new Date("2025-06-01T00:00:00Z"))).toBe(false);
  });
});

describe("todayInVietnam and isoInVietnam", () => {
  it.each([
    ["2025-12-31T16:59:59.999Z", "2025-12-31", "2025-12-31T23:59:59.999+07:00"],
    ["2025-12-31T17:00:00.000Z", "2026-01-01", "2026-01-01T00:00:00.000+07:00"],
    ["2025-03-04T01:02:03.004Z", "2025-03-04", "2025-03-04T08:02:03.004+07:00"],
    ["2025-07-08T20:30:40.050Z", "2025-07-09", "2025-07-09T03:30:40.050+07:00"],
  ])("%s is %s in Vietnam, %s", (utc, day, iso) => {
    expect(todayInVietnam(new Date(utc))).toBe(day);
    expect(isoInVietnam(new Date(utc))).toBe(iso);
  });
});

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
    expect(reportDueAt("2025", schedule(12, 10))!.toISOString()).toBe("2025-12-09T17:00:00.000Z");
    expect(reportDueAt("2025-Q4", schedule(12, 10))).toBeUndefined();
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
