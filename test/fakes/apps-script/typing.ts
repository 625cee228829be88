// What Google Sheets makes of a string typed (or given to setValues) into a cell that is not plain
// text ("@"): a leading apostrophe keeps text, "=" starts a formula, and anything that reads as a
// number, a percentage, a currency amount, a boolean, a date or a time becomes one. Stricter than
// Sheets where unsure: every date shape below is parsed, whatever the spreadsheet's locale. Also what
// a cell refuses outright (a string over 50,000 characters) and how it shows a value.
export type CellValue = string | number | boolean | Date;

/** What one cell holds at most. */
export const CELL_LIMIT = 50_000;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/u;
const CURRENCY = /^([+-]?)[$€£¥₫]\s?(\d[\d,]*(?:\.\d+)?)$|^([+-]?\d[\d,]*(?:\.\d+)?)\s?[$€£¥₫đ]$/u;
const ACCOUNTING = /^\((\d[\d,]*(?:\.\d+)?)\)$/u;
const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/u;
const MONTH_YEAR = /^(\d{1,2})[-/](\d{4})$/u;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/u;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/iu;
const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;
const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
// "Dec-12", "Dec 12", "12-Dec", "12 Dec 2025", "December 2025", "Dec 12, 2025".
const MONTH_FIRST = new RegExp(`^${MONTH_WORD}[-\\s/.]*(\\d{1,4})(?:,?[-\\s/]+(\\d{2,4}))?$`, "iu");
const DAY_FIRST = new RegExp(`^(\\d{1,2})[-\\s/.]*${MONTH_WORD}(?:[-\\s/.,]+(\\d{2,4}))?$`, "iu");

const THIS_YEAR = new Date().getFullYear();
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase() as never);
const fullYear = (y: string | undefined) =>
  y === undefined ? THIS_YEAR : y.length === 2 ? 2000 + Number(y) : Number(y);

function dateOf(year: number, month: number, day: number): Date | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  return new Date(year, month, day);
}

function numberOf(digits: string): number {
  return Number(digits.replace(/,/gu, ""));
}

function dateOrTime(t: string): Date | undefined {
  const iso = ISO_DATE.exec(t);
  if (iso)
    return new Date(
      Number(iso[1]),
      Number(iso[2]) - 1,
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
    );
  const ym = YEAR_MONTH.exec(t);
  if (ym) return dateOf(Number(ym[1]), Number(ym[2]) - 1, 1);
  const my = MONTH_YEAR.exec(t);
  if (my) return dateOf(Number(my[2]), Number(my[1]) - 1, 1);
  const slashed = SLASHED.exec(t);
  // Month first, as the United States locale reads it; "13/5" still reads day first.
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    const year = fullYear(slashed[3]);
    return dateOf(year, a - 1, b) ?? dateOf(year, b - 1, a);
  }
  const monthFirst = MONTH_FIRST.exec(t);
  if (monthFirst) {
    const n = monthFirst[2]!;
    // "Dec 2025" names a month; "Dec-12" and "Dec 12, 2025" a day.
    if (n.length === 4 && monthFirst[3] === undefined)
      return dateOf(Number(n), monthOf(monthFirst[1]!), 1);
    return dateOf(fullYear(monthFirst[3]), monthOf(monthFirst[1]!), Number(n));
  }
  const dayFirst = DAY_FIRST.exec(t);
  if (dayFirst) return dateOf(fullYear(dayFirst[3]), monthOf(dayFirst[2]!), Number(dayFirst[1]));
  const time = TIME.exec(t);
  if (time) {
    let hours = Number(time[1]);
    if (time[4]?.toLowerCase() === "pm" && hours < 12) hours += 12;
    if (time[4]?.toLowerCase() === "am" && hours === 12) hours = 0;
    // A time alone is a day fraction, which Apps Script hands back as a Date on 30 Dec 1899.
    return new Date(1899, 11, 30, hours, Number(time[2]), Number(time[3] ?? 0));
  }
  return undefined;
}

/** What typing `text` into a cell of the default format gives. */
export function typed(text: string): { value: CellValue; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[=+-]./u.test(text) && !NUMBER.test(text.trim())) return { value: text, formula: text };
  const t = text.trim();
  if (/\d/u.test(t) && NUMBER.test(t)) {
    const n = Number(t.replace(/,/gu, "").replace(/%$/u, ""));
    return { value: t.endsWith("%") ? n / 100 : n };
  }
  const money = CURRENCY.exec(t);
  if (money) {
    const amount = money[2] !== undefined ? numberOf(money[2]) : numberOf(money[3]!);
    return { value: money[1] === "-" ? -amount : amount };
  }
  const negative = ACCOUNTING.exec(t);
  if (negative) return { value: -numberOf(negative[1]!) };
  if (/^(true|false)$/iu.test(t)) return { value: t.toLowerCase() === "true" };
  const date = dateOrTime(t);
  return date ? { value: date } : { value: text };
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** What a cell refuses before anything is written: a string over 50,000 characters, an object. */
export function checkCellValue(v: unknown): void {
  if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return;
  if (isDate(v)) return;
  if (typeof v !== "string")
    throw new Error(`Cannot convert ${Object.prototype.toString.call(v)} to a cell value.`);
  if (v.length > CELL_LIMIT)
    throw new Error(
      `Your input contains more than the maximum of ${CELL_LIMIT} characters in a single cell.`,
    );
}

/** What a cell shows for its value (the United States locale's date format). */
export function displayOf(v: CellValue): string {
  if (v instanceof Date) return `${v.getMonth() + 1}/${v.getDate()}/${v.getFullYear()}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
