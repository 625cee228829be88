// A tracker's unit list: each unit once, its name in NFC, so codes and names compare as written.
import { describe, expect, it } from "vitest";
import { Unit, UnitList } from "../../../src/core/plan/unit-schema.js";

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
