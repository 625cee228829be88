// Whether a unit is among a plan's named lead units. Plans name some units exactly ("Sở Y tế") and
// others as a class ("Các Sở, ban, ngành", "UBND quận, huyện"), which every unit of that kind leads.
import { normalizeText } from "../text/normalize-text.js";
import type { Unit } from "./unit-schema.js";

const classes: { pattern: RegExp; kinds: Unit["kind"][] }[] = [
  { pattern: /sở, ban, ngành/iu, kinds: ["department", "agency"] },
  { pattern: /quận, huyện/iu, kinds: ["district"] },
  { pattern: /xã, phường, thị trấn/iu, kinds: ["commune"] },
];

// Names repeat on every check (each task and indicator names its leads), so folding is remembered.
const folded = new Map<string, string>();
function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = normalizeText(s).toLocaleLowerCase("vi");
    if (folded.size < 10_000) folded.set(s, f);
  }
  return f;
}

export function isLeadUnit(leads: readonly string[], unit: Unit): boolean {
  const name = fold(unit.name);
  return leads.some((lead) => {
    const cls = classes.find((c) => c.pattern.test(lead));
    if (cls) return cls.kinds.includes(unit.kind);
    return fold(lead) === name;
  });
}
