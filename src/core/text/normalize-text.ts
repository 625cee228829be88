// Cell text made comparable: officers paste from PDFs, Word and chat apps, which bring NFD accents and invisible spaces.

// Characters that show nothing yet break equality and number reading ("1\u200B234").
// The soft hyphen comes with text copied out of justified PDF paragraphs.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

// `\s` already covers every Unicode space separator (U+00A0, U+2007, U+202F, U+3000, ...)
// and line breaks; NEL (U+0085) is the one it leaves out.
const WHITESPACE_RUN = /[\s\u0085]+/g;

export function normalizeText(s: string): string {
  // Invisible characters go first so that a base letter and its accent they separated compose.
  return s.replace(INVISIBLE, "").normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
}

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === "string" && normalizeText(v) === "";
}
