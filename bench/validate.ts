// Benchmark: validate 100,000 indicator entries (zod parse of the wire form + every rule), and
// compare with JSON.parse of the same bytes. Budget (DESIGN.md): under 1 s on this machine.
import { randomUUID } from "node:crypto";
import { Submission } from "../src/core/check/submission-schema.js";
import { Template, type TemplateInput } from "../src/core/plan/template-schema.js";
import { validateDraft } from "../src/core/check/validate.js";
import { medianMs, syntheticPlan } from "./measure.js";

const timed = (fn: () => unknown) => medianMs(fn, 7);

const ENTRIES = Number(process.env.ENTRIES ?? 100_000);
const kinds = ["percent", "count", "yes-no", "growth"] as const;

function syntheticTemplate(n: number) {
  const indicators: TemplateInput["indicators"] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length]!;
    const id = `CQ-${String(i).padStart(6, "0")}`;
    const base = { id, group: "CQ-1", name: `Chỉ tiêu ${i}`, source: "Tối thiểu 80% hồ sơ" };
    if (kind === "percent") {
      indicators.push({
        ...base,
        unit: "%",
        kind,
        numeratorLabel: "Tử",
        denominatorLabel: "Mẫu",
        target: { op: ">=", value: 80, year: 2030 },
        aggregation: "ratio-of-sums",
      });
    } else if (kind === "count") {
      indicators.push({
        ...base,
        unit: "doanh nghiệp",
        kind,
        target: { op: ">=", value: 20, year: 2030 },
        aggregation: "sum",
      });
    } else if (kind === "yes-no") {
      indicators.push({
        ...base,
        unit: "có/không",
        kind,
        target: { op: "=", value: 1, year: 2030 },
        aggregation: "every-unit",
        evidenceRequired: true,
      });
    } else {
      indicators.push({
        ...base,
        unit: "%/năm",
        kind,
        target: { op: ">=", value: 8, year: 2030 },
        aggregation: "mean",
      });
    }
  }
  return Template.parse({
    id: "bench",
    version: 1,
    plan: syntheticPlan,
    pillars: [{ id: "CQ", name: "Chính quyền số", groups: [{ id: "CQ-1", name: "G" }] }],
    indicators,
  });
}

const template = syntheticTemplate(ENTRIES);
const submission = {
  submissionId: randomUUID(),
  planId: "bench",
  templateVersion: 1,
  unit: "STTTT",
  period: "2025",
  submittedAt: "2025-12-01T10:00:00.000+07:00",
  indicators: template.indicators.map((ind, i) =>
    ind.kind === "percent"
      ? {
          indicatorId: ind.id,
          numerator: 70 + (i % 30),
          denominator: 100,
          note: i % 30 < 10 ? "Giải trình" : undefined,
        }
      : ind.kind === "yes-no"
        ? { indicatorId: ind.id, value: 1, evidence: "QĐ 1/QĐ-UBND" }
        : { indicatorId: ind.id, value: 25 },
  ),
  tasks: [],
  budget: [],
};
const bytes = JSON.stringify(submission);
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;
const now = new Date("2025-12-01T03:00:00Z");

let issues = 0;
const jsonMs = timed(() => JSON.parse(bytes));
const validateMs = timed(() => {
  const parsed = Submission.parse(JSON.parse(bytes));
  issues = validateDraft(parsed, { template, unit, now }).length;
});
const rulesMs = timed(() => validateDraft(submission as never, { template, unit, now }));

console.log(
  `entries                    ${ENTRIES.toLocaleString("en")}  (${(bytes.length / 1e6).toFixed(1)} MB of JSON, ${issues} issues found)`,
);
console.log(`JSON.parse                 ${jsonMs.toFixed(1)} ms (median of 7)`);
console.log(
  `parse + zod + validate     ${validateMs.toFixed(1)} ms  → ${Math.round(ENTRIES / (validateMs / 1000)).toLocaleString("en")} entries/s`,
);
console.log(`validate rules only        ${rulesMs.toFixed(1)} ms`);
console.log(`ratio to JSON.parse        ${(validateMs / jsonMs).toFixed(1)}×`);
console.log(`budget (< 1000 ms)         ${validateMs < 1000 ? "within" : "OVER"}`);
