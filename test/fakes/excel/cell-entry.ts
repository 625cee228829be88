// What Excel stores for text entered into a cell, typed by a person or written as a string through
// Range.values: the one conversion every input to the fake goes through (HOST-BEHAVIOUR.md, "Entry").

export type Locale = "vi-VN" | "en-US";

export interface Entry {
  value: string | number | boolean | null;
  formula?: string;
  /** Set only when Excel changes the cell's number format on entry. */
  numberFormat?: string;
}

/** Decimal mark, thousands separator and date order of Windows' regional settings. */
const locales: Record<Locale, { decimal: string; group: string; dayFirst: boolean }> = {
  "vi-VN": { decimal: ",", group: ".", dayFirst: true },
  "en-US": { decimal: ".", group: ",", dayFirst: false },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** Excel's serial for a calendar date (1900 date system, with its fictitious 29/02/1900). */
export function dateSerial(year: number, month: number, day: number): number {
  const days = Date.UTC(year, month - 1, day) / 86_400_000;
  const serial = days - Date.UTC(1899, 11, 30) / 86_400_000;
  return serial <= 60 ? serial - 1 : serial;
}

function isPercentFormat(format: string): boolean {
  return /%/u.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, ""));
}

function isDateFormat(format: string): boolean {
  return /[dmy]/iu.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, ""));
}

function readNumber(text: string, locale: Locale) {
  const { decimal, group } = locales[locale];
  const d = escape(decimal);
  const g = escape(group);
  const pattern = new RegExp(
    `^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?( ?%)?$`,
    "u",
  );
  const m = pattern.exec(text);
  if (!m || (m[2] === "" && m[3] === undefined)) return undefined;
  const whole = m[2]!.split(group).join("") || "0";
  const n = Number(`${m[1]}${whole}.${m[3] ?? "0"}e${m[4] ?? "0"}`);
  if (!Number.isFinite(n)) return undefined;
  return {
    n,
    grouped: m[2]!.includes(group),
    fraction: m[3] !== undefined,
    exponent: m[4] !== undefined,
    percent: m[5] !== undefined,
    leadingZero: m[2] !== "",
  };
}

function readDate(text: string, locale: Locale): number | undefined {
  const m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/u.exec(text);
  if (!m) return undefined;
  const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const [day, month] = locales[locale].dayFirst ? [a, b] : [b, a];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || year < 1900) {
    return undefined;
  }
  return dateSerial(year, month, day);
}

/**
 * Text entered into a cell whose number format is `format`, as Excel stores it in `locale`. Where
 * Excel's own rules are wider (times, currency, two-digit years), this stays narrower: what it does
 * not recognise stays text, which our code must handle anyway.
 */
export function enterText(text: string, format: string, locale: Locale): Entry {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (format === "@") return { value: text };
  if (text === "") return { value: null };
  const trimmed = text.trim();
  if (trimmed.startsWith("=")) return formula(trimmed);
  if (/^(true|false)$/iu.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const number = readNumber(trimmed, locale);
  if (number) {
    const general = format === "General";
    if (number.percent) {
      return {
        value: number.n / 100,
        ...(isPercentFormat(format) ? {} : { numberFormat: number.fraction ? "0.00%" : "0%" }),
      };
    }
    // Automatic percent entry (on by default): a percent cell takes 12 as 12%, .5 as 50%.
    if (isPercentFormat(format)) {
      const small = Math.abs(number.n) < 1 && !number.leadingZero;
      return { value: small ? number.n : number.n / 100 };
    }
    if (general && number.exponent) return { value: number.n, numberFormat: "0.00E+00" };
    if (general && number.grouped) {
      return { value: number.n, numberFormat: number.fraction ? "#,##0.00" : "#,##0" };
    }
    return { value: number.n };
  }
  const serial = readDate(trimmed, locale);
  if (serial !== undefined) {
    return { value: serial, ...(isDateFormat(format) ? {} : { numberFormat: "m/d/yyyy" }) };
  }
  // "+", "-" and "@" start a formula too when what follows is not a number.
  if (/^[+\-@]/u.test(trimmed)) return formula(`=${trimmed}`);
  return { value: text };
}

/** The fake does not calculate, so a formula's value is the error Excel shows for most typos. */
function formula(text: string): Entry {
  return { value: "#NAME?", formula: text };
}

/** How a person types a number in `locale`: 12.5 is "12,5" in vi-VN. */
export function typedNumber(n: number, locale: Locale): string {
  return String(n).replace(".", locales[locale].decimal);
}
