// Consolidation never answers NaN or ±Infinity, and a figure no unit can mean does not poison a total,
// even when the stored reports predate the value limits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consolidation, ReceivedSubmission } from "../../../src/core/tracker/consolidate.js";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import type { IndicatorEntry, SubmissionInput } from "../../../src/core/check/submission-schema.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { indicator, testPlan } from "../../fixtures/test-plan.js";

const units: Unit[] = [
  { code: "STTTT", name: "Sở Thông tin và Truyền thông", kind: "department", level: "province" },
  { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" },
  { code: "Q-NK", name: "UBND quận Ninh Kiều", kind: "district", level: "district" },
  { code: "X-AB", name: "UBND phường An Bình", kind: "commune", level: "commune" },
];

/** Every aggregation, over every kind that can carry it. */
const template = Template.parse({
  ...testPlan,
  indicators: [
    indicator("R-1", {
      aggregation: "ratio-of-sums",
      numeratorLabel: "Số hồ sơ trực tuyến",
      denominatorLabel: "Tổng số hồ sơ",
    }),
    indicator("M-1", { aggregation: "mean", numeratorLabel: "Tử", denominatorLabel: "Mẫu" }),
    indicator("S-1", {
      kind: "count",
      unit: "doanh nghiệp",
      aggregation: "sum",
      target: { op: ">=", value: 20, year: 2030 },
    }),
    indicator("S-2", {
      kind: "money",
      unit: "đồng",
      aggregation: "sum",
      target: { op: ">=", value: 1000, year: 2030 },
    }),
    indicator("GR-1", { kind: "growth", unit: "%/năm", aggregation: "mean" }),
    indicator("GR-2", { kind: "reduction", aggregation: "min" }),
    indicator("GR-3", { kind: "growth", aggregation: "max" }),
    indicator("E-1", { aggregation: "every-unit" }),
    indicator("K-1", {
      kind: "rank",
      unit: "hạng",
      aggregation: "single-reporter",
      target: { op: "<=", value: 10, year: 2030 },
    }),
    indicator("Y-1", {
      kind: "yes-no",
      unit: "có/không",
      aggregation: "single-reporter",
      target: { op: "=", value: 1, year: 2030 },
    }),
  ],
  budget: {
    total: { id: "KP", label: "Tổng kinh phí", amount: 300_000, source: "Tổng kinh phí 300.000" },
    parts: [
      { id: "KP-1", label: "Vốn sự nghiệp", amount: 300_000, source: "Vốn sự nghiệp 300.000" },
    ],
  },
});

const now = new Date("2025-12-05T03:00:00Z");
let serial = 0;

function received(unit: string, input: Partial<SubmissionInput>, revision = 1): ReceivedSubmission {
  serial++;
  const submission = Submission.parse({
    submissionId: `00000000-0000-4000-8000-${String(serial).padStart(12, "0")}`,
    planId: template.id,
    templateVersion: template.version,
    unit,
    period: "2025",
    submittedAt: "2025-12-01T10:00:00+07:00",
    indicators: [],
    ...input,
  });
  return { submission, revision, receivedAt: "2025-12-01T10:00:00.000+07:00" };
}

const run = (submissions: ReceivedSubmission[]): Consolidation =>
  consolidate({ template, units, period: "2025", submissions, now });

/** Every number anywhere in the consolidation, with where it is. */
function numbersIn(value: unknown, path = "$"): { path: string; n: number }[] {
  if (typeof value === "number") return [{ path, n: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

describe("consolidation with extreme stored figures", () => {
  it("two units sending 1.7e308 over 1.7e308 make no NaN: the figures are left out, with a note", () => {
    const c = run([
      received("STTTT", {
        indicators: [{ indicatorId: "R-1", numerator: 1.7e308, denominator: 1.7e308 }],
      }),
      received("SYT", {
        indicators: [{ indicatorId: "R-1", numerator: 1.7e308, denominator: 1.7e308 }],
      }),
    ]);
    const r = c.indicators.find((i) => i.id === "R-1")!;
    expect(r.aggregate).toBeNull();
    expect(r.status).toBe("no-data");
    expect(r.note).toContain("2 đơn vị báo số liệu ngoài khoảng cho phép");
    expect(JSON.stringify(c)).not.toContain("NaN");
  });

  it("one unit's 0 over 1e300 does not force the province's ratio to 0%", () => {
    const c = run([
      received("STTTT", { indicators: [{ indicatorId: "R-1", numerator: 80, denominator: 100 }] }),
      received("SYT", { indicators: [{ indicatorId: "R-1", numerator: 0, denominator: 1e300 }] }),
    ]);
    const r = c.indicators.find((i) => i.id === "R-1")!;
    expect(r.aggregate).toBe(80);
    expect(r.contributing).toBe(1);
    expect(r.note).toContain("1 đơn vị báo số liệu ngoài khoảng cho phép");
    // The unit's own row still shows what it sent.
    expect(r.byUnit.SYT).toMatchObject({ numerator: 0, denominator: 1e300, status: "no-data" });
  });

  it("a ratio of 1e308 over 1e-308 is no unit value of Infinity", () => {
    const c = run([
      received("STTTT", {
        indicators: [{ indicatorId: "M-1", numerator: 1e308, denominator: 1e-308 }],
      }),
    ]);
    const m = c.indicators.find((i) => i.id === "M-1")!;
    expect(m.byUnit.STTTT!.value).toBeNull();
    expect(m.aggregate).toBeNull();
  });

  it("a value of 0 beside 1 over 1e-308 does not make the ratio of sums infinite", () => {
    const c = run([
      received("STTTT", {
        indicators: [{ indicatorId: "R-1", value: 0, numerator: 1, denominator: 1e-308 }],
      }),
    ]);
    expect(c.indicators.find((i) => i.id === "R-1")!.aggregate).toBeNull();
  });

  it("sums of values within their limits stay exact and finite", () => {
    const c = run([
      received("STTTT", { indicators: [{ indicatorId: "S-1", value: 1e9 }] }),
      received("SYT", { indicators: [{ indicatorId: "S-1", value: 1e9 }] }),
      received("Q-NK", { indicators: [{ indicatorId: "S-1", value: 1.7e308 }] }),
    ]);
    expect(c.indicators.find((i) => i.id === "S-1")!.aggregate).toBe(2e9);
  });

  const extreme = fc.oneof(
    fc.constantFrom(
      0,
      -0,
      1,
      100,
      1e9,
      1e15,
      1e300,
      -1e300,
      1.7e308,
      -1.7e308,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      1e-308,
      Number.MAX_SAFE_INTEGER,
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1000, max: 1000 }),
  );
  const entryOf = (id: string): fc.Arbitrary<IndicatorEntry> =>
    fc.record(
      {
        indicatorId: fc.constant(id),
        value: fc.option(extreme, { nil: undefined }),
        numerator: fc.option(extreme, { nil: undefined }),
        denominator: fc.option(extreme, { nil: undefined }),
      },
      { requiredKeys: ["indicatorId"] },
    );
  const reportOf = fc.record({
    indicators: fc
      .subarray(template.indicators.map((i) => i.id))
      .chain((ids) => fc.tuple(...ids.map(entryOf))),
    budget: fc.array(
      fc.record({
        lineId: fc.constant("KP"),
        allocated: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
        disbursed: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
      }),
      { maxLength: 1 },
    ),
  });

  it("every number of the consolidation is finite, whatever the units stored (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...units.map((u) => u.code)), reportOf), {
          maxLength: 8,
        }),
        (reports) => {
          const c = run(reports.map(([unit, report], i) => received(unit, report, i + 1)));
          const bad = numbersIn(c).filter(({ n }) => !Number.isFinite(n));
          expect(bad).toEqual([]);
          expect(JSON.stringify(c)).not.toMatch(/NaN|Infinity/u);
        },
      ),
      { numRuns: 600 },
    );
  });
});
