// Lead units: named exactly, or as a class of units ("Các Sở, ban, ngành") that every unit of the
// kind belongs to; names compared as the officer would read them (case, NFD, spaces).
import { describe, expect, it } from "vitest";
import { isLeadUnit } from "../../../src/core/plan/unit-match.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";

const unit = (name: string, kind: Unit["kind"], level: Unit["level"] = "province"): Unit => ({
  code: "X",
  name,
  kind,
  level,
});
const stttt = unit("Sở Thông tin và Truyền thông", "department");
const agency = unit("Ban Quản lý các khu chế xuất và công nghiệp", "agency");
const district = unit("UBND quận Ninh Kiều", "district", "district");
const commune = unit("UBND phường An Bình", "commune", "commune");

describe("isLeadUnit", () => {
  it.each([
    ["the exact name", ["Sở Thông tin và Truyền thông"], stttt, true],
    ["another case", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], stttt, true],
    [
      "decomposed (NFD) text and stray spaces",
      ["  Sở Thông tin  và Truyền thông ".normalize("NFD")],
      stttt,
      true,
    ],
    ["another unit's name", ["Sở Y tế"], stttt, false],
    ["a name that only contains it", ["Sở Thông tin và Truyền thông tỉnh Mẫu"], stttt, false],
    ["one of several leads", ["Sở Y tế", "Sở Thông tin và Truyền thông"], stttt, true],
    ["no lead at all", [], stttt, false],
    ["the class of departments, for a department", ["Các Sở, ban, ngành"], stttt, true],
    ["the class of departments, for an agency", ["Các sở, ban, ngành tỉnh"], agency, true],
    ["the class of departments, for a district", ["Các Sở, ban, ngành"], district, false],
    ["the class of districts, for a district", ["UBND các quận, huyện"], district, true],
    ["the class of districts, for a department", ["UBND các quận, huyện"], stttt, false],
    ["the class of communes, for a commune", ["UBND các xã, phường, thị trấn"], commune, true],
    ["the class of communes, for a district", ["UBND các xã, phường, thị trấn"], district, false],
    ["a class beside a named unit", ["Sở Y tế", "UBND các quận, huyện"], district, true],
  ] as const)("%s: %j leads %j → %s", (_, leads, u, expected) => {
    expect(isLeadUnit(leads, u)).toBe(expected);
  });

  it("compares the unit's own name folded too", () => {
    const spaced = unit(" Sở  Y tế ".normalize("NFD"), "department");
    expect(isLeadUnit(["Sở Y tế"], spaced)).toBe(true);
    expect(isLeadUnit(["sở y tế"], spaced)).toBe(true);
  });

  it("folds case by lower-casing, letter for letter: 'ß' is not 'SS'", () => {
    expect(isLeadUnit(["Straße"], unit("STRASSE", "agency"))).toBe(false);
    expect(isLeadUnit(["STRASSE"], unit("strasse", "agency"))).toBe(true);
  });

  it("answers the same for thousands of different names as for the first", () => {
    // Past the folding memo's size, names are still folded, only not remembered.
    for (let i = 0; i < 10_050; i++) {
      const name = `UBND xã Số ${i}`;
      expect(isLeadUnit([name.toUpperCase()], unit(name, "commune", "commune"))).toBe(true);
    }
  });
});
