// Issue 14, item 3 and 4: what a reading of the sources against the templates corrected, each
// checked against the source line it rests on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consolidate } from "../../src/core/consolidate.js";
import { Submission } from "../../src/core/submission-schema.js";
import type { Indicator, Template } from "../../src/core/template-schema.js";
import type { Unit } from "../../src/core/unit-schema.js";
import { foldForQuote } from "../../src/core/template-trace.js";
import { loadSeedTemplates, seedsDir } from "../../src/node/seeds.js";

const { templates, problems } = loadSeedTemplates();
const template = (id: string): Template => templates.find((t) => t.id === id)!;
const indicator = (planId: string, id: string): Indicator =>
  template(planId).indicators.find((i) => i.id === id)!;
/** The 1-based line of the plan's source text that holds the quote. */
const lineOf = (planId: string, quote: string): number => {
  const lines = readFileSync(
    join(seedsDir, "sources", template(planId).plan.sourceFile),
    "utf8",
  ).split("\n");
  return lines.findIndex((l) => foldForQuote(l).includes(foldForQuote(quote))) + 1;
};

describe("targets judged every year (hàng năm)", () => {
  it("marks exactly QĐ 2256 KT-12, Cà Mau KT-05 and Bình Dương KT-03, each quoting 'hàng năm'", () => {
    expect(problems).toEqual([]);
    const yearly = templates.flatMap((t) =>
      t.indicators.filter((i) => i.target?.yearly).map((i) => `${t.id} ${i.id}`),
    );
    expect(yearly.sort()).toEqual([
      "binh-duong-2025 KT-03",
      "ca-mau-1929 KT-05",
      "can-tho-2256 KT-12",
    ]);
    expect(lineOf("can-tho-2256", indicator("can-tho-2256", "KT-12").source)).toBe(147);
    expect(lineOf("ca-mau-1929", indicator("ca-mau-1929", "KT-05").source)).toBe(15);
    expect(lineOf("binh-duong-2025", indicator("binh-duong-2025", "KT-03").source)).toBe(5);
    for (const id of yearly) {
      const [planId, indId] = id.split(" ") as [string, string];
      expect(indicator(planId, indId).source).toMatch(/hàng năm/u);
    }
  });
});

describe("corrections from the sources", () => {
  it("can-tho-2256 KT-01: the Khu CNTT milestone belongs to 2025, as its task's deadline (line 125)", () => {
    const kt01 = indicator("can-tho-2256", "KT-01");
    expect(kt01.target?.year).toBe(2025);
    expect(kt01.target?.yearSource).toBeDefined();
    expect(kt01.target!.yearSource).toContain("Trong tháng 12 năm 2025");
    expect(lineOf("can-tho-2256", kt01.target!.yearSource!)).toBe(125);
  });

  it("ca-mau-1929 CQ-04 and CQ-05 claim no baseline line 13 does not state", () => {
    for (const id of ["CQ-04", "CQ-05"]) {
      const ind = indicator("ca-mau-1929", id);
      expect(lineOf("ca-mau-1929", ind.source), id).toBe(13);
      expect(ind.baselineLabel, id).toBeUndefined();
    }
  });

  it("ca-mau-1929 KT-02 'đạt 20 DN' is one province-wide figure, never a sum (line 15)", () => {
    const kt02 = indicator("ca-mau-1929", "KT-02");
    expect(lineOf("ca-mau-1929", kt02.source)).toBe(15);
    expect(kt02.provinceWide).toBe(true);
    expect(kt02.aggregation).not.toBe("sum");

    // Three units each report the province's count as they know it: the province has 20, not 58.
    const units: Unit[] = [
      { code: "SKHCN", name: "Sở Khoa học và Công nghệ", kind: "department", level: "province" },
      { code: "STC", name: "Sở Tài chính", kind: "department", level: "province" },
      { code: "SCT", name: "Sở Công thương", kind: "department", level: "province" },
    ];
    const plan = template("ca-mau-1929");
    const submissions = units.map((u, i) => ({
      submission: Submission.parse({
        submissionId: `00000000-0000-4000-8000-00000000000${i + 1}`,
        planId: plan.id,
        templateVersion: plan.version,
        unit: u.code,
        period: "2025",
        submittedAt: `2025-12-0${i + 1}T09:00:00+07:00`,
        indicators: [{ indicatorId: "KT-02", value: [20, 18, 20][i] }],
      }),
      revision: 1,
      receivedAt: `2025-12-0${i + 1}T09:00:01+07:00`,
    }));
    const c = consolidate({
      template: plan,
      units,
      period: "2025",
      submissions,
      now: new Date("2025-12-20T00:00:00Z"),
    });
    const row = c.indicators.find((x) => x.id === "KT-02")!;
    expect(row.aggregate).toBe(20);
    expect(row.aggregateFrom).toBe("SCT");
    expect(row.note).toContain("toàn tỉnh");
  });

  it.each([
    ["can-tho-kh-2025", 3],
    ["hau-giang-190", 6],
  ])("%s KT-01 keeps the source's 'GDP' and explains GRDP in its note", (planId, line) => {
    const kt01 = indicator(planId, "KT-01");
    expect(kt01.source).toContain("trên GDP");
    expect(lineOf(planId, kt01.source)).toBe(line);
    expect(kt01.name).toContain("GRDP");
    expect(kt01.note).toMatch(/GDP/u);
    expect(kt01.note).toMatch(/GRDP/u);
  });
});
