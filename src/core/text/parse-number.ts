// Reads a figure an officer typed into a sheet cell, vi-VN or en style, and refuses to guess when it cannot tell.
import { normalizeText } from "./normalize-text.js";
import type { Err, Ok } from "./result.js";
import { err } from "./result.js";

/** What Excel (Office.js), exceljs or Google Sheets hands back for one cell: raw input, unread. */
export type RawCellValue = string | number | boolean | Date | null | undefined;

export interface ParseNumberOptions {
  /** The cell has a percent format, so the sheet hands back 0.8 for what the officer sees as 80%. */
  percentCell?: boolean;
  /** The indicator counts whole things, so "1.234" can only mean 1234. */
  expect?: "decimal" | "integer";
}

/** Why a cell holds no number: `input` is the text read, `readings` the two it could mean. */
export interface NumberProblem {
  code: "blank" | "not-a-number" | "ambiguous";
  input: string;
  readings?: number[];
}

/** A number, with a note when the reading was decided by the indicator, or why there is none. */
export type NumberReading = (Ok<number> & { note?: string }) | Err<NumberProblem>;

// Sign (PDFs use U+2212 for minus), digits with "." / "," separators, an optional "%".
const NUMBER_TEXT = /^([+\-\u2212]?)(\d+(?:[.,]\d+)*)( ?%)?$/;

// A first group of 1–3 digits not starting with 0, then groups of exactly 3.
const GROUPED = {
  ".": /^[1-9]\d{0,2}(?:\.\d{3})+$/,
  ",": /^[1-9]\d{0,2}(?:,\d{3})+$/,
} as const;
const LEADING_GROUP = /^[1-9]\d{0,2}$/;

type Separator = keyof typeof GROUPED;

/** The digits part read as plain JS number text ("1234.5"), or both readings when it cannot tell. */
type BodyReading =
  | { kind: "plain"; text: string }
  | { kind: "ambiguous"; grouped: string; decimal: string }
  | { kind: "invalid" };

// Never throws, whatever untyped code hands it: typeof cannot throw, and cellInput catches.
export function parseNumber(value: RawCellValue, opts: ParseNumberOptions = {}): NumberReading {
  if (value === null || value === undefined) return blank("");
  if (typeof value === "number") return readJsNumber(value, opts);
  if (typeof value === "string") return readText(value, opts);
  return notANumber(cellInput(value));
}

/**
 * Whether a spreadsheet number format shows its number times 100 with a "%": "0%", "0.00%", but
 * not a "%" inside quotes, after a backslash or in a [colour]/[condition] section, which is text.
 */
export function isPercentFormat(format: string): boolean {
  return /%/u.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, ""));
}

/** The cell's content as text, for messages that show the officer what was read. Never throws. */
export function cellInput(value: unknown): string {
  try {
    if (value === null || value === undefined) return "";
    if (typeof value === "string") return value;
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    }
    return String(value);
  } catch {
    return `[${typeof value}]`;
  }
}

function readJsNumber(n: number, opts: ParseNumberOptions): NumberReading {
  const value = opts.percentCell ? toPercentUnits(n) : n;
  // NaN and ±Infinity from a formula error, or a percent scaled past the largest double.
  return Number.isFinite(value) ? accepted(value) : notANumber(String(n));
}

// 0.07 * 100 is 7.000000000000001; moving the decimal point in the shortest decimal
// form of n and letting Number() round once gives exactly 7.
function toPercentUnits(n: number): number {
  const [mantissa = "0", exponent = "0"] = String(n).split("e");
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

function readText(raw: string, opts: ParseNumberOptions): NumberReading {
  const text = normalizeText(raw);
  if (text === "") return blank(raw);
  const match = NUMBER_TEXT.exec(text);
  const body = match?.[2];
  if (match === null || body === undefined) return notANumber(raw);
  // A "%" in the text already states percent units, whatever the cell format, so it changes nothing.
  const negative = match[1] === "-" || match[1] === "\u2212";
  const reading = readBody(body);
  switch (reading.kind) {
    case "invalid":
      return notANumber(raw);
    case "plain":
      return signed(reading.text, negative, raw);
    case "ambiguous":
      return opts.expect === "integer"
        ? wholeReading(reading, negative, raw, text)
        : ambiguous(raw, [
            toNumber(reading.grouped, negative),
            toNumber(reading.decimal, negative),
          ]);
  }
}

function readBody(body: string): BodyReading {
  const separators = body.replace(/\d/g, "");
  const last = separators[separators.length - 1];
  if (last !== "." && last !== ",") return { kind: "plain", text: body };
  if (separators.includes(".") && separators.includes(",")) return readMixed(body, last);
  if (separators.length > 1) return readGrouped(body, last);
  return readSingle(body, last);
}

// "1.234.567,89" / "1,234.5": the last separator is the decimal mark, the other one groups thousands.
function readMixed(body: string, decimalMark: Separator): BodyReading {
  const at = body.lastIndexOf(decimalMark);
  const whole = body.slice(0, at);
  const groupMark: Separator = decimalMark === "." ? "," : ".";
  // A second decimal mark left in `whole` fails the grouping test too.
  if (!GROUPED[groupMark].test(whole)) return { kind: "invalid" };
  return { kind: "plain", text: `${whole.split(groupMark).join("")}.${body.slice(at + 1)}` };
}

// "1.234.567" / "150,327,674,000": a repeated separator can only group thousands.
function readGrouped(body: string, mark: Separator): BodyReading {
  if (!GROUPED[mark].test(body)) return { kind: "invalid" };
  return { kind: "plain", text: body.split(mark).join("") };
}

// "12,5", "3.14", "0,125" are decimals; "1.234" could be 1234 (vi) or 1.234 (en).
function readSingle(body: string, mark: Separator): BodyReading {
  const [whole = "", fraction = ""] = body.split(mark);
  const decimal = `${whole}.${fraction}`;
  if (fraction.length === 3 && LEADING_GROUP.test(whole)) {
    return { kind: "ambiguous", grouped: whole + fraction, decimal };
  }
  return { kind: "plain", text: decimal };
}

function wholeReading(
  reading: { grouped: string; decimal: string },
  negative: boolean,
  raw: string,
  text: string,
): NumberReading {
  const whole = signed(reading.grouped, negative, raw);
  if (!whole.ok) return whole;
  const other = toNumber(reading.decimal, negative);
  return {
    ...whole,
    note:
      `"${text}" được đọc là ${whole.value}, không phải ${formatNumberVi(other)} (chỉ tiêu là số nguyên)` +
      ` / "${text}" read as ${whole.value}, not ${other} (the indicator is a whole number)`,
  };
}

function signed(text: string, negative: boolean, raw: string): NumberReading {
  const value = toNumber(text, negative);
  // Hundreds of digits overflow to Infinity, which no indicator means.
  return Number.isFinite(value) ? accepted(value) : notANumber(raw);
}

function toNumber(text: string, negative: boolean): number {
  return Number(negative ? `-${text}` : text);
}

function accepted(value: number): NumberReading {
  // -0 would print as "-0" in some places and fail Object.is checks in others.
  return { ok: true, value: value === 0 ? 0 : value };
}

function blank(input: string): NumberReading {
  return err({ code: "blank", input });
}

function notANumber(input: string): NumberReading {
  return err({ code: "not-a-number", input });
}

function ambiguous(input: string, readings: number[]): NumberReading {
  return err({ code: "ambiguous", input, readings });
}

// Written by hand: Intl's vi-VN output differs between Apps Script and Node.
export function formatNumberVi(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const plain =
    fractionDigits === undefined ? plainDecimal(abs) : fixedDecimal(abs, fractionDigits);
  const [whole = "0", fraction = ""] = plain.split(".");
  // A value that rounds to zero shows no sign ("-0,00" reads as a mistake).
  const sign = n < 0 && /[1-9]/.test(plain) ? "-" : "";
  return sign + groupThousands(whole) + (fraction === "" ? "" : `,${fraction}`);
}

/** Whole đồng with vi-VN grouping: 150327674000 → "150.327.674.000". */
export function formatDong(n: number): string {
  return formatNumberVi(n, 0);
}

function fixedDecimal(abs: number, fractionDigits: number): string {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 100) {
    throw new RangeError(`fractionDigits must be an integer from 0 to 100, got ${fractionDigits}`);
  }
  // toFixed switches to exponent notation from 1e21 on; such values are integers anyway.
  if (abs < 1e21) return abs.toFixed(fractionDigits);
  // With 0 digits this ends in a bare ".", which formatNumberVi drops with the empty fraction.
  return `${plainDecimal(abs)}.${"0".repeat(fractionDigits)}`;
}

// The shortest decimal form of a non-negative number, without the exponent notation
// String() uses below 1e-6 and from 1e21 on.
function plainDecimal(abs: number): string {
  const [mantissa = "0", exponent] = String(abs).split("e");
  if (exponent === undefined) return mantissa;
  const digits = mantissa.replace(".", "");
  const pointAt =
    (mantissa.includes(".") ? mantissa.indexOf(".") : mantissa.length) + Number(exponent);
  if (pointAt <= 0) return `0.${"0".repeat(-pointAt)}${digits}`;
  // String() writes an exponent only from 1e21 on, with at most 17 digits, so the point never
  // falls among the digits.
  return digits + "0".repeat(pointAt - digits.length);
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(?:\d{3})+$)/g, ".");
}
