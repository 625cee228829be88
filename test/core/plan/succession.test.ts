// A plan's quoted lead resolved, for a period, to the unit that holds the duty then.
import { describe, expect, it } from "vitest";
import { LeadResolver } from "../../../src/core/plan/succession.js";
import { UnitHistory } from "../../../src/core/plan/unit-history.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";

const basis = "NĐ 45/2025/NĐ-CP";
const stttt: Unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
  validTo: "2025-02-28",
};
const skhcn: Unit = {
  code: "SKHCN",
  name: "Sở Khoa học và Công nghệ",
  kind: "department",
  level: "province",
};
const svhtt: Unit = { ...skhcn, code: "SVHTT", name: "Sở Văn hóa, Thể thao và Du lịch" };
const history = new UnitHistory(
  [stttt, skhcn, svhtt],
  [
    { from: "STTTT", to: "SKHCN", effective: "2025-03-01", basis },
    { from: "STTTT", to: "SVHTT", effective: "2025-03-01", basis, duty: "báo chí, xuất bản" },
  ],
);
const quote = "Sở Thông tin và Truyền thông";

describe("LeadResolver", () => {
  it("a lead that still exists in the period is its quote, matched by name", () => {
    const r = new LeadResolver(history, "2024");
    expect(r.resolve(quote)).toEqual({ quote, codes: undefined, label: quote });
    expect(r.matches([quote], stttt)).toBe(true);
    expect(r.matches([quote], skhcn)).toBe(false);
  });

  it("a lead gone by the period's last day resolves to its main successor, labelled with both", () => {
    const r = new LeadResolver(history, "2025");
    expect(r.resolve(quote)).toEqual({
      quote,
      codes: new Set(["SKHCN"]),
      label: "Sở Khoa học và Công nghệ (trước đây: Sở Thông tin và Truyền thông)",
    });
    expect(r.matches([quote], skhcn)).toBe(true);
    expect(r.matches([quote], stttt)).toBe(false);
    // The successor for part of the work does not lead what the plan gave the whole unit.
    expect(r.matches([quote], svhtt)).toBe(false);
  });

  it("labels a list of leads joined by semicolons", () => {
    const r = new LeadResolver(history, "2025");
    expect(r.label([quote, "Sở Y tế"])).toBe(
      "Sở Khoa học và Công nghệ (trước đây: Sở Thông tin và Truyền thông); Sở Y tế",
    );
  });

  it("without a history, every quote stays as it is and matches by name or class", () => {
    const r = new LeadResolver(undefined, "2025");
    expect(r.label([quote])).toBe(quote);
    expect(r.matches(["Các Sở, ban, ngành"], skhcn)).toBe(true);
  });

  it("names four or more successors by count: communes as 'UBND n xã, phường kế nhiệm'", () => {
    const district: Unit = {
      code: "Q-NK",
      name: "UBND quận Ninh Kiều",
      kind: "district",
      level: "district",
      validTo: "2025-06-30",
    };
    const communes: Unit[] = [1, 2, 3, 4].map((i) => ({
      code: `X-${i}`,
      name: `UBND phường ${i}`,
      kind: "commune",
      level: "commune",
      validFrom: "2025-07-01",
    }));
    const split = new UnitHistory(
      [district, ...communes],
      communes.map((c) => ({ from: "Q-NK", to: c.code, effective: "2025-07-01", basis })),
    );
    const r = new LeadResolver(split, "2025");
    expect(r.resolve("UBND quận Ninh Kiều").label).toBe(
      "UBND 4 xã, phường kế nhiệm (trước đây: UBND quận Ninh Kiều)",
    );
    expect(r.matches(["UBND quận Ninh Kiều"], communes[3]!)).toBe(true);
  });
});
