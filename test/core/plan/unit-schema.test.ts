// Reporting units as data: a unit's code, NFC name, kind and level; a list with no code twice.
import { describe, expect, it } from "vitest";
import { Unit, UnitList } from "../../../src/core/plan/unit-schema.js";

const commune = {
  code: "X-AB",
  name: "UBND xã An Bình",
  kind: "commune",
  level: "commune",
} as const;

describe("Unit", () => {
  it("accepts a unit with its dates of existence", () => {
    const unit = { ...commune, validFrom: "2025-07-01", validTo: "2030-12-31" };
    expect(Unit.parse(unit)).toEqual(unit);
  });

  it("refuses a name not in NFC (decomposed accents), with the reason in both languages", () => {
    const result = Unit.safeParse({ ...commune, name: "UBND xã An Bình".normalize("NFD") });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("văn bản phải ở dạng NFC / text must be NFC");
  });

  it.each([
    ["an unknown kind", { kind: "ward" }],
    ["an unknown level", { level: "national" }],
    ["a code with a space", { code: "X AB" }],
    ["an empty name", { name: "" }],
    ["a date that is not a day", { validFrom: "2025-02-30" }],
    ["a field it does not know", { parent: "Q-NK" }],
  ])("refuses %s", (_, change) => {
    expect(Unit.safeParse({ ...commune, ...change }).success).toBe(false);
  });
});

describe("UnitList", () => {
  const list = { province: "Tỉnh Mẫu", units: [commune, { ...commune, code: "X-CD" }] };

  it("accepts a list of distinct codes", () => {
    expect(UnitList.parse(list).units.map((u) => u.code)).toEqual(["X-AB", "X-CD"]);
  });

  it("refuses a code twice, pointing at the second", () => {
    const result = UnitList.safeParse({ ...list, units: [commune, commune] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["units", 1, "code"],
      message: "mã đơn vị trùng: X-AB / duplicate unit code: X-AB",
    });
  });

  it("refuses an empty list", () => {
    expect(UnitList.safeParse({ ...list, units: [] }).success).toBe(false);
  });
});

const unit = (code: string, name = `Sở ${code}`) => ({
  code,
  name,
  kind: "department",
  level: "province",
});

describe("UnitList", () => {
  it("accepts units with distinct codes", () => {
    expect(
      UnitList.safeParse({ province: "Tỉnh Mẫu", units: [unit("A"), unit("B")] }).success,
    ).toBe(true);
  });

  it("refuses a code used twice, at each later use", () => {
    const r = UnitList.safeParse({
      province: "Tỉnh Mẫu",
      units: [unit("A"), unit("B"), unit("A", "Sở khác"), unit("A", "Sở nữa")],
    });
    expect(
      r.error?.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
    ).toEqual([
      {
        code: "custom",
        path: ["units", 2, "code"],
        message: "mã đơn vị trùng: A / duplicate unit code: A",
      },
      {
        code: "custom",
        path: ["units", 3, "code"],
        message: "mã đơn vị trùng: A / duplicate unit code: A",
      },
    ]);
  });
});

describe("Unit", () => {
  it("refuses a name in decomposed (NFD) letters, which would not match the plan's quote", () => {
    const r = Unit.safeParse(unit("A", "Sở Y tế".normalize("NFD")));
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["name"], "văn bản phải ở dạng NFC / text must be NFC"],
    ]);
    expect(Unit.safeParse(unit("A", "Sở Y tế")).success).toBe(true);
  });
});
