// A plan's quoted lead resolved for a period to the units that hold its duty then, and the label that says both.
import { describe, expect, it } from "vitest";
import { LeadResolver } from "../../../src/core/plan/succession.js";
import type { Succession } from "../../../src/core/plan/unit-history.js";
import { UnitHistory } from "../../../src/core/plan/unit-history.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";

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
const skhcn = dept("SKHCN", "Sở Khoa học và Công nghệ", "2025-03-01");
const snv = dept("SNV", "Sở Nội vụ");
const sxd = dept("SXD", "Sở Xây dựng");
const sng = dept("SNG", "Sở Ngoại vụ", undefined, "2025-02-28");
const history = new UnitHistory(
  [sttt, skhcn, snv, sxd, sng],
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
    expect(r.matches([TTTT], skhcn)).toBe(false);
  });

  it("keeps the quote for a period in which the named unit still exists", () => {
    const r = new LeadResolver(history, "2024");
    expect(r.resolve(TTTT)).toEqual({ quote: TTTT, codes: undefined, label: TTTT });
    expect(r.matches([TTTT], sttt)).toBe(true);
  });

  it("after the named unit ends, names its main successor beside the quote, and only it leads", () => {
    const r = new LeadResolver(history, "2025");
    expect(r.resolve(TTTT)).toEqual({
      quote: TTTT,
      codes: new Set(["SKHCN"]),
      label: `Sở Khoa học và Công nghệ (trước đây: ${TTTT})`,
    });
    expect(r.matches([TTTT], skhcn)).toBe(true);
    // A successor for part of the duty does not lead, nor does the ended unit.
    expect(r.matches([TTTT], snv)).toBe(false);
    expect(r.matches([TTTT], sttt)).toBe(false);
  });

  it("keeps the quote when no unit bears the name, or the unit ended without a successor", () => {
    const r = new LeadResolver(history, "2025");
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
    const h = new UnitHistory([sttt, skhcn, again], [succ("STTTT", "SKHCN", "2025-03-01")]);
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
    const r = new LeadResolver(history, "2025");
    expect(r.label([TTTT, "Sở Xây dựng"])).toBe(
      `Sở Khoa học và Công nghệ (trước đây: ${TTTT}); Sở Xây dựng`,
    );
    expect(r.matches(["Sở Xây dựng", TTTT], skhcn)).toBe(true);
  });

  it("resolves each quote once, however often it is asked", () => {
    const { h, lookups } = countingHistory([sttt, skhcn], [succ("STTTT", "SKHCN", "2025-03-01")]);
    const r = new LeadResolver(h, "2025");
    r.resolve(TTTT);
    r.label([TTTT, TTTT]);
    r.matches([TTTT], skhcn);
    expect(lookups.count).toBe(1);
  });
});
