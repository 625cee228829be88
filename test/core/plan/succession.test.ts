// A plan's quoted lead resolved, for a period, to the unit that holds the duty then.
import { describe, expect, it } from "vitest";
import { LeadResolver } from "../../../src/core/plan/succession.js";
import { UnitHistory } from "../../../src/core/plan/unit-history.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import type { Succession } from "../../../src/core/plan/unit-history.js";

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

const TTTT = "Sở Thông tin và Truyền thông";
const dept = (code: string, name: string, validFrom?: string, validTo?: string): Unit => ({
  code,
  name,
  kind: "department",
  level: "province",
  ...(validFrom ? { validFrom } : {}),
  ...(validTo ? { validTo } : {}),
});
const commune = (n: number): Unit => ({
  code: `X-${n}`,
  name: `UBND xã ${n}`,
  kind: "commune",
  level: "commune",
  validFrom: "2025-07-01",
});
const succ = (from: string, to: string, effective: string, duty?: string): Succession => ({
  from,
  to,
  effective,
  basis: "Nghị định 45/2025/NĐ-CP",
  ...(duty ? { duty } : {}),
});

const sttt = dept("STTTT", TTTT, undefined, "2025-02-28");
const skhcnUnit = dept("SKHCN", "Sở Khoa học và Công nghệ", "2025-03-01");
const snv = dept("SNV", "Sở Nội vụ");
const sxd = dept("SXD", "Sở Xây dựng");
const sng = dept("SNG", "Sở Ngoại vụ", undefined, "2025-02-28");
const mergedHistory = new UnitHistory(
  [sttt, skhcnUnit, snv, sxd, sng],
  [succ("STTTT", "SKHCN", "2025-03-01"), succ("STTTT", "SNV", "2025-03-01", "báo chí")],
);

/** The history, counting how often a holder is looked up. */
function countingHistory(units: Unit[], successions: Succession[]) {
  const h = new UnitHistory(units, successions);
  const lookups = { count: 0 };
  const holdersOn = h.holdersOn.bind(h);
  h.holdersOn = (...args) => (lookups.count++, holdersOn(...args));
  return { h, lookups };
}

describe("LeadResolver", () => {
  it("without a history, keeps the quote and matches units by name", () => {
    const r = new LeadResolver(undefined, "2025");
    expect(r.resolve(TTTT)).toEqual({ quote: TTTT, codes: undefined, label: TTTT });
    expect(r.matches([TTTT], sttt)).toBe(true);
    expect(r.matches([TTTT], skhcnUnit)).toBe(false);
  });

  it("keeps the quote for a period in which the named unit still exists", () => {
    const r = new LeadResolver(mergedHistory, "2024");
    expect(r.resolve(TTTT)).toEqual({ quote: TTTT, codes: undefined, label: TTTT });
    expect(r.matches([TTTT], sttt)).toBe(true);
  });

  it("after the named unit ends, names its main successor beside the quote, and only it leads", () => {
    const r = new LeadResolver(mergedHistory, "2025");
    expect(r.resolve(TTTT)).toEqual({
      quote: TTTT,
      codes: new Set(["SKHCN"]),
      label: `Sở Khoa học và Công nghệ (trước đây: ${TTTT})`,
    });
    expect(r.matches([TTTT], skhcnUnit)).toBe(true);
    // A successor for part of the duty does not lead, nor does the ended unit.
    expect(r.matches([TTTT], snv)).toBe(false);
    expect(r.matches([TTTT], sttt)).toBe(false);
  });

  it("keeps the quote when no unit bears the name, or the unit ended without a successor", () => {
    const r = new LeadResolver(mergedHistory, "2025");
    expect(r.resolve("Sở Du lịch")).toEqual({
      quote: "Sở Du lịch",
      codes: undefined,
      label: "Sở Du lịch",
    });
    expect(r.resolve("Sở Ngoại vụ")).toEqual({
      quote: "Sở Ngoại vụ",
      codes: undefined,
      label: "Sở Ngoại vụ",
    });
    expect(r.matches(["Sở Xây dựng"], sxd)).toBe(true);
    expect(r.matches(["Sở Xây dựng"], snv)).toBe(false);
  });

  it("keeps the quote while any unit of that name exists", () => {
    const again = dept("STTTT2", TTTT, "2025-03-01");
    const h = new UnitHistory([sttt, skhcnUnit, again], [succ("STTTT", "SKHCN", "2025-03-01")]);
    expect(new LeadResolver(h, "2025").resolve(TTTT).codes).toBeUndefined();
  });

  it("names up to three successors, and counts more", () => {
    const district = {
      ...dept("H-PD", "UBND huyện Phong Điền", undefined, "2025-06-30"),
      kind: "district" as const,
    };
    const label = (n: number, extra: Unit[] = []) => {
      const heirs = [...Array.from({ length: n }, (_, i) => commune(i + 1)), ...extra];
      const h = new UnitHistory(
        [district, ...heirs],
        heirs.map((u) => succ("H-PD", u.code, "2025-07-01")),
      );
      return new LeadResolver(h, "2025").resolve("UBND huyện Phong Điền").label;
    };
    expect(label(3)).toBe("UBND xã 1; UBND xã 2; UBND xã 3 (trước đây: UBND huyện Phong Điền)");
    expect(label(4)).toBe("UBND 4 xã, phường kế nhiệm (trước đây: UBND huyện Phong Điền)");
    expect(label(3, [snv])).toBe("4 đơn vị kế nhiệm (trước đây: UBND huyện Phong Điền)");
  });

  it("labels several quotes, each resolved, joined by semicolons", () => {
    const r = new LeadResolver(mergedHistory, "2025");
    expect(r.label([TTTT, "Sở Xây dựng"])).toBe(
      `Sở Khoa học và Công nghệ (trước đây: ${TTTT}); Sở Xây dựng`,
    );
    expect(r.matches(["Sở Xây dựng", TTTT], skhcnUnit)).toBe(true);
  });

  it("resolves each quote once, however often it is asked", () => {
    const { h, lookups } = countingHistory(
      [sttt, skhcnUnit],
      [succ("STTTT", "SKHCN", "2025-03-01")],
    );
    const r = new LeadResolver(h, "2025");
    r.resolve(TTTT);
    r.label([TTTT, TTTT]);
    r.matches([TTTT], skhcnUnit);
    expect(lookups.count).toBe(1);
  });
});
