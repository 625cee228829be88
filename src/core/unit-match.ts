// Whether a unit is among a plan's named lead units. Plans name some units exactly ("Sở Y tế") and
// others as a class ("Các Sở, ban, ngành", "UBND quận, huyện"), which every unit of that kind leads.
import { normalizeText } from "./normalize-text.js";
import type { Unit } from "./unit-schema.js";

const classes: { pattern: RegExp; kinds: Unit["kind"][] }[] = [
  { pattern: /sở, ban, ngành/iu, kinds: ["department", "agency"] },
  { pattern: /quận, huyện/iu, kinds: ["district"] },
  { pattern: /xã, phường, thị trấn/iu, kinds: ["commune"] },
];

const fold = (s: string) => normalizeText(s).toLocaleLowerCase("vi");

export function isLeadUnit(leads: readonly string[], unit: Unit): boolean {
  const name = fold(unit.name);
  return leads.some((lead) => {
    const cls = classes.find((c) => c.pattern.test(lead));
    if (cls) return cls.kinds.includes(unit.kind);
    return fold(lead) === name;
  });
}
