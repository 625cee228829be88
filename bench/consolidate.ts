// Benchmark: consolidate 3,321 units × 80 indicators and build the tracker tabs from the result.
// Budget (DESIGN.md): consolidation under 2 s on this machine.
import type { ReceivedSubmission } from "../src/core/tracker/consolidate.js";
import { consolidate } from "../src/core/tracker/consolidate.js";
import type { Submission } from "../src/core/check/submission-schema.js";
import { Template, type TemplateInput } from "../src/core/plan/template-schema.js";
import { trackerTabs } from "../src/core/tracker/tracker-tabs.js";
import type { Unit } from "../src/core/plan/unit-schema.js";
import { medianMs, syntheticPlan } from "./measure.js";

const UNITS = Number(process.env.UNITS ?? 3321);
const INDICATORS = Number(process.env.INDICATORS ?? 80);
const RUNS = 5;
const timed = (fn: () => unknown) => medianMs(fn, RUNS);

// Roughly the shares of a real plan (see the seeds): mostly ratios, a few lead-only figures.
const mix = [
  "ratio-of-sums",
  "ratio-of-sums",
  "ratio-of-sums",
  "ratio-of-sums",
  "sum",
  "mean",
  "min",
  "max",
  "every-unit",
  "single-reporter",
] as const;

function syntheticTemplate(): Template {
  const indicators: TemplateInput["indicators"] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const aggregation = mix[i % mix.length]!;
    const base = {
      id: `CT-${String(i).padStart(3, "0")}`,
      group: "G-1",
      name: `Chỉ tiêu ${i}`,
      unit: "%",
      kind: "percent" as const,
      aggregation,
      source: "Tối thiểu 80% hồ sơ",
      target: { op: ">=" as const, value: 80, year: 2030 },
    };
    if (aggregation === "ratio-of-sums") {
      indicators.push({ ...base, numeratorLabel: "Tử", denominatorLabel: "Mẫu" });
    } else if (aggregation === "every-unit") {
      indicators.push({
        ...base,
        target: undefined,
        levelTargets: {
          province: { op: ">=", value: 90, year: 2030 },
          district: { op: ">=", value: 80, year: 2030 },
          commune: { op: ">=", value: 60, year: 2030 },
        },
      });
    } else if (aggregation === "single-reporter" && i % 20 === 9) {
      indicators.push({ ...base, reporters: "lead", lead: ["Sở Y tế"] });
    } else {
      indicators.push(base);
    }
  }
  const tasks: TemplateInput["tasks"] = Array.from({ length: 40 }, (_, i) => ({
    id: `NV-${String(i).padStart(2, "0")}`,
    text: `Nhiệm vụ ${i}`,
    lead: [
      ["Các Sở, ban, ngành"],
      ["UBND quận, huyện"],
      ["Sở Y tế"],
      ["UBND xã, phường, thị trấn"],
    ][i % 4]!,
    deadline: i % 3 === 0 ? "recurring" : "2025-06",
    source: "Nhiệm vụ trích từ kế hoạch",
  }));
  return Template.parse({
    id: "bench",
    version: 1,
    plan: syntheticPlan,
    pillars: [{ id: "CQ", name: "Chính quyền số", groups: [{ id: "G-1", name: "G" }] }],
    indicators,
    tasks,
    budget: {
      total: { id: "KP", label: "Tổng", amount: 3_000_000, source: "Tổng kinh phí 3.000.000" },
      parts: [
        { id: "KP-1", label: "ĐTPT", amount: 1_000_000, source: "Đầu tư phát triển 1.000.000" },
        { id: "KP-2", label: "SN", amount: 2_000_000, source: "Sự nghiệp 2.000.000 đồng" },
      ],
    },
    reporting: {
      frequency: "yearly",
      unitDeadline: { month: 12, day: 10 },
      leadUnit: "Sở Thông tin và Truyền thông",
      source: ["trước ngày 10 tháng 12 hàng năm"],
    },
  });
}

function syntheticUnits(): Unit[] {
  return Array.from({ length: UNITS }, (_, i): Unit => {
    if (i === 0) return { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" };
    if (i < 40) return { code: `S${i}`, name: `Sở ${i}`, kind: "department", level: "province" };
    if (i < 140)
      return { code: `H${i}`, name: `UBND huyện ${i}`, kind: "district", level: "district" };
    return { code: `${30000 + i}`, name: `UBND xã ${i}`, kind: "commune", level: "commune" };
  });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function syntheticSubmissions(template: Template, units: Unit[]): ReceivedSubmission[] {
  const out: ReceivedSubmission[] = [];
  let n = 0;
  units.forEach((unit, u) => {
    const revisions = u % 10 === 0 ? 2 : 1;
    for (let revision = 1; revision <= revisions; revision++) {
      const indicators: Submission["indicators"] = template.indicators.flatMap(
        (ind, i): Submission["indicators"] => {
          // Only the first few units report the province-wide figures nobody is bound to.
          if (ind.aggregation === "single-reporter" && u > 3) return [];
          const v = 50 + ((u * 7 + i * 13 + revision) % 50);
          return ind.numeratorLabel
            ? [{ indicatorId: ind.id, numerator: v, denominator: 100 }]
            : [{ indicatorId: ind.id, value: v, note: v < 60 ? "Giải trình" : undefined }];
        },
      );
      const submission: Submission = {
        submissionId: uuid(++n),
        planId: template.id,
        templateVersion: 1,
        unit: unit.code,
        period: "2025",
        submittedAt: "2025-12-01T09:00:00.000+07:00",
        indicators,
        tasks: template.tasks.map((t, i) => ({
          taskId: t.id,
          status: (["done", "in-progress", "not-started"] as const)[(u + i) % 3]!,
        })),
        budget: [{ lineId: "KP", allocated: 1000, disbursed: 500 + (u % 500) }],
      };
      const day = 1 + ((u + revision * 5) % 14);
      out.push({
        submission,
        revision,
        receivedAt: `2025-12-${String(day).padStart(2, "0")}T09:00:00.000+07:00`,
      });
    }
  });
  return out;
}

const template = syntheticTemplate();
const units = syntheticUnits();
const submissions = syntheticSubmissions(template, units);
const now = new Date("2025-12-20T03:00:00Z");
const input = { template, units, period: "2025", submissions, now };
const entries = submissions.reduce((s, r) => s + r.submission.indicators.length, 0);
const currentEntries = new Map(submissions.map((r) => [r.submission.unit, r])).size;

let consolidation = consolidate(input);
const consolidateMs = timed(() => (consolidation = consolidate(input)));
let tabs: ReturnType<typeof trackerTabs> = [];
const tabsMs = timed(() => (tabs = trackerTabs({ template, consolidation, submissions })));
const cells = tabs.reduce((s, t) => s + t.rows.length * t.header.length, 0);
const shape = tabs.map((t) => `${t.name} ${t.rows.length}×${t.header.length}`).join(", ");
const jsonMs = timed(() => JSON.stringify(consolidation));

const rate = (ms: number) => Math.round(entries / (ms / 1000)).toLocaleString("en");
console.log(
  `units                      ${units.length.toLocaleString("en")} (${currentEntries} reporting, ${submissions.length.toLocaleString("en")} revisions)`,
);
console.log(`indicators                 ${template.indicators.length}`);
console.log(`entries                    ${entries.toLocaleString("en")} (all revisions)`);
console.log(
  `consolidate                ${consolidateMs.toFixed(1)} ms (median of ${RUNS})  → ${rate(consolidateMs)} entries/s`,
);
console.log(
  `tracker tabs               ${tabsMs.toFixed(1)} ms (median of ${RUNS}), ${cells.toLocaleString("en")} cells`,
);
console.log(`tab rows × columns         ${shape}`);
console.log(
  `JSON.stringify of result   ${jsonMs.toFixed(1)} ms, ${(JSON.stringify(consolidation).length / 1e6).toFixed(1)} MB`,
);
console.log(`summary                    ${JSON.stringify(consolidation.summary)}`);
console.log(`budget (< 2000 ms)         ${consolidateMs < 2000 ? "within" : "OVER"}`);
