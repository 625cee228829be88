// Reads a date cell: Vietnamese day-first text, ISO text, a Date from exceljs or an Excel serial number.
import { normalizeText } from "./normalize-text.js";
import { cellInput } from "./parse-number.js";
import type { RawCellValue } from "./parse-number.js";
import type { Result } from "./result.js";
import { err, ok } from "./result.js";

/** Why a cell holds no date: `input` is the text read. */
export interface DateProblem {
  code: "blank" | "not-a-date";
  input: string;
}

/** The date as yyyy-mm-dd, or why there is none. */
export type DateReading = Result<string, DateProblem>;

// Day first, as Vietnamese write it; the same separator twice, and a four-digit year.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;
const LAST_SERIAL = 2_958_465; // 9999-12-31, Excel's last date
// Excel keeps Lotus 1-2-3's 1900-02-29 as serial 60, so later serials count from 1899-12-30.
const FICTITIOUS_LEAP_DAY = 60;
const EPOCH_BEFORE_LEAP_DAY = utcDay(1899, 12, 31);
const EPOCH_AFTER_LEAP_DAY = utcDay(1899, 12, 30);

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseDate(value: RawCellValue): DateReading {
  try {
    if (value === null || value === undefined) return err({ code: "blank", input: "" });
    if (typeof value === "string") return readText(value);
    if (typeof value === "number") return readSerial(value);
    if (value instanceof Date) return readJsDate(value);
    return notADate(value);
  } catch {
    return notADate(value);
  }
}

export function formatDateVi(iso: string): string {
  const date = isoParts(iso);
  return `${pad(date.day, 2)}/${pad(date.month, 2)}/${pad(date.year, 4)}`;
}

export function excelSerialFromIso(iso: string): number {
  const { year, month, day } = isoParts(iso);
  const days = utcDay(year, month, day);
  const fromLateEpoch = days - EPOCH_AFTER_LEAP_DAY;
  const serial = fromLateEpoch > FICTITIOUS_LEAP_DAY ? fromLateEpoch : days - EPOCH_BEFORE_LEAP_DAY;
  if (serial < 1 || serial > LAST_SERIAL) {
    throw new RangeError(`${iso} has no Excel serial (1900-01-01 to 9999-12-31)`);
  }
  return serial;
}

function readText(raw: string): DateReading {
  const text = normalizeText(raw);
  if (text === "") return err({ code: "blank", input: raw });
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return fromParts(raw, dayFirst[4], dayFirst[3], dayFirst[1]);
  const iso = ISO_DATE.exec(text);
  if (iso) return fromParts(raw, iso[1], iso[2], iso[3]);
  return notADate(raw);
}

function fromParts(raw: string, year = "", month = "", day = ""): DateReading {
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(date) ? ok(toIso(date)) : notADate(raw);
}

// Whole days count; a time of day (the fraction) says nothing about which date it is.
function readSerial(n: number): DateReading {
  const serial = Math.floor(n);
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return notADate(n);
  if (serial === FICTITIOUS_LEAP_DAY) return notADate(n);
  const epoch = serial < FICTITIOUS_LEAP_DAY ? EPOCH_BEFORE_LEAP_DAY : EPOCH_AFTER_LEAP_DAY;
  return ok(toIso(fromUtcDay(epoch + serial)));
}

// exceljs hands dates back at UTC midnight, so the UTC parts are the date the officer typed.
function readJsDate(d: Date): DateReading {
  if (Number.isNaN(d.getTime())) return notADate(d);
  const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  return date.year >= 0 && date.year <= 9999 ? ok(toIso(date)) : notADate(d);
}

function isoParts(iso: string): CalendarDate {
  const match = ISO_DATE.exec(iso);
  const date = { year: Number(match?.[1]), month: Number(match?.[2]), day: Number(match?.[3]) };
  if (!match || !isRealDate(date)) throw new RangeError(`not a yyyy-mm-dd date: ${iso}`);
  return date;
}

// A day the month lacks rolls into the month before or after, so the round trip through a UTC day
// number changes its day: 31/02 → 03/03, 00/01 → 31/12. A month outside 1–12 would roll the year
// instead, keeping the day, so it is refused first.
function isRealDate(date: CalendarDate): boolean {
  if (date.month < 1 || date.month > 12) return false;
  return fromUtcDay(utcDay(date.year, date.month, date.day)).day === date.day;
}

// setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
function utcDay(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / DAY_MS);
}

function fromUtcDay(days: number): CalendarDate {
  const t = new Date(days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function toIso(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function notADate(value: unknown): DateReading {
  return err({ code: "not-a-date", input: cellInput(value) });
}
