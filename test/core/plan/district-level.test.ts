// Targets a plan set for cấp huyện, after the district level ended on 1 July 2025: each is decided
// in its template from the quote, and the decision reaches the consolidator's tabs and page.
import { describe, expect, it } from "vitest";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import {
  afterDistrictLevel,
  DistrictLevelDecision,
  districtLevelNote,
} from "../../../src/core/plan/district-level.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { renderConsolidationPage } from "../../../src/node/tracker/pages.js";

const templates = loadSeedTemplates().templates;
const indicators = templates.flatMap((t) => t.indicators.map((i) => ({ plan: t.id, i })));

describe("the seed templates' cấp huyện targets", () => {
  it("each have a decision with a reason", () => {
    const withDistrictTarget = indicators.filter(({ i }) => i.levelTargets?.district);
    expect(withDistrictTarget.length).toBeGreaterThanOrEqual(3);
    for (const { plan, i } of withDistrictTarget)
      expect(i.districtLevel?.reason, `${plan} ${i.id}`).toMatch(/cấp huyện/u);
  });

  it("are decided only where the quote names the district level", () => {
    const decided = indicators.filter(({ i }) => i.districtLevel);
    expect(decided.map(({ i }) => i.districtLevel!.reportedBy)).toEqual(
      expect.arrayContaining(["commune", "none"]),
    );
    for (const { plan, i } of decided) expect(i.source, `${plan} ${i.id}`).toMatch(/cấp huyện/u);
  });
});

describe("districtLevelNote", () => {
  const decision = { reportedBy: "none" as const, reason: "lý do / reason" };

  it("applies to periods that close after 1 July 2025", () => {
    for (const p of ["2025", "2025-H2", "2025-Q3", "2026", "2026-Q1"])
      expect(afterDistrictLevel(p), p).toBe(true);
    for (const p of ["2024", "2025-H1", "2025-Q2"]) expect(afterDistrictLevel(p), p).toBe(false);
    expect(districtLevelNote(decision, "2025-H1")).toBeUndefined();
    expect(districtLevelNote(decision, "2026")).toContain("không còn báo cáo");
    expect(districtLevelNote(decision, "2026")).toContain("lý do / reason");
    expect(districtLevelNote(undefined, "2026")).toBeUndefined();
  });
});

describe("the consolidator sees the decision", () => {
  const template = templates.find((t) => t.id === "hau-giang-190")!;
  const now = new Date("2026-01-15T00:00:00+07:00");
  const of = (period: string) => consolidate({ template, units: [], period, submissions: [], now });

  it("in the indicator's note for 2025, not for 2025-H1", () => {
    const note = (period: string) => of(period).indicators.find((i) => i.id === "CQ-07")!.note;
    expect(note("2025")).toContain("Cấp huyện (từ 01/07/2025)");
    expect(note("2025")).toContain(
      template.indicators.find((i) => i.id === "CQ-07")!.districtLevel!.reason,
    );
    expect(note("2025-H1")).not.toContain("Cấp huyện");
  });

  it("on the page", () => {
    const html = renderConsolidationPage(template, of("2025"));
    expect(html).toContain("Cấp huyện (từ 01/07/2025)");
  });
});

describe("DistrictLevelDecision", () => {
  it("refuses a reason in decomposed (NFD) letters", () => {
    const r = DistrictLevelDecision.safeParse({
      reportedBy: "commune",
      reason: "cấp xã báo cáo / communes report".normalize("NFD"),
    });
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["reason"], "văn bản phải ở dạng NFC / text must be NFC"],
    ]);
    expect(
      DistrictLevelDecision.safeParse({ reportedBy: "commune", reason: "cấp xã báo cáo" }).success,
    ).toBe(true);
  });
});
