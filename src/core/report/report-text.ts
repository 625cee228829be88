// Text as it may appear in an official document: printable, NFC, and the report's number forms.
import { formatNumberVi } from "../text/parse-number.js";
import { vietnamClock } from "../plan/period.js";
import type { Indicator } from "../plan/template-schema.js";

/**
 * What a unit typed, made safe to print. WordprocessingML cannot hold C0/C1 controls, lone
 * surrogates or U+FFFE/U+FFFF, and none means anything in a report: each becomes U+FFFD, visibly,
 * so nothing vanishes without trace. Line breaks stay (as "\n"), a tab is a space, and a leading
 * "=" stays the character it is.
 */
export function printable(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\r\n?/gu, "\n")) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === "\n") out += ch;
    else if (ch === "\t") out += " ";
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) out += "\uFFFD";
    else if (c >= 0xd800 && c <= 0xdfff) out += "\uFFFD";
    else out += ch;
  }
  return out;
}

/** At most two decimals, as a report reads ("85,33"), never "85,33333333". */
export function reportNumber(n: number): string {
  return formatNumberVi(Math.round(n * 100) / 100);
}

/** A value with the indicator's measure: "85,5%", "20 doanh nghiệp", "1.000.000 đồng", "Có". */
export function valueText(indicator: Pick<Indicator, "kind" | "unit">, value: number): string {
  if (indicator.kind === "yes-no") return value >= 1 ? "Có" : "Chưa";
  if (indicator.kind === "money") return `${formatNumberVi(Math.round(value), 0)} đồng`;
  const unit = indicator.unit === "%" ? "%" : ` ${indicator.unit}`;
  return `${reportNumber(value)}${unit}`;
}

/** A change, signed: "+2,5 điểm %" for a percentage, "−3 doanh nghiệp" otherwise. */
export function changeText(indicator: Pick<Indicator, "kind" | "unit">, delta: number): string {
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return "Không đổi";
  const sign = rounded > 0 ? "+" : "−";
  const magnitude =
    indicator.kind === "money"
      ? `${formatNumberVi(Math.abs(Math.round(delta)), 0)} đồng`
      : `${formatNumberVi(Math.abs(rounded))}${indicator.unit === "%" ? " điểm %" : ` ${indicator.unit}`}`;
  return sign + magnitude;
}

/**
 * "ngày 05 tháng 01 năm 2026": Phụ lục I, Nghị định 30/2020/NĐ-CP writes a day below 10 and the
 * months January and February with a leading zero.
 */
export function vietnameseDateLine(at: Date): string {
  const c = vietnamClock(at);
  const day = String(c.day).padStart(2, "0");
  const month = c.month < 3 ? `0${c.month}` : String(c.month);
  return `ngày ${day} tháng ${month} năm ${c.year}`;
}

/** "10/12/2025" from an ISO instant, read in Vietnam. */
export function shortDate(iso: string): string {
  const c = vietnamClock(Date.parse(iso));
  return `${String(c.day).padStart(2, "0")}/${String(c.month).padStart(2, "0")}/${c.year}`;
}

/** Upper case as Vietnamese writes it ("Sở Thông tin" → "SỞ THÔNG TIN"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}
