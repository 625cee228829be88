// The plan-template schema: what a province's plan (đề án, kế hoạch) says, as data.
// Every other part of chitieu reads templates through these types.
import { bilingual } from "../check/messages.js";
import { nfcWords } from "./plan-messages.js";
import { z } from "zod";
import { DistrictLevelDecision } from "./district-level.js";

/** Ids key officers' data across template versions, so they are short, stable and ASCII. */
export const Id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "chỉ dùng chữ, số, '.', '_' , '-' / letters, digits, '.', '_', '-'",
  );

/** The exact wording of the source, in NFC, so a test can find it in the seed file. */
export const SourceQuote = z
  .string()
  .min(8)
  .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords));

const VietnameseText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords));

export const Comparator = z.enum([">=", ">", "<=", "<", "=", "between"]);
export type Comparator = z.infer<typeof Comparator>;

export const Level = z.enum(["province", "district", "commune"]);
export type Level = z.infer<typeof Level>;

export const IndicatorKind = z.enum([
  "percent",
  "count",
  "money",
  "rank",
  "growth",
  "reduction",
  "yes-no",
]);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/**
 * How units' values become one figure for the province:
 * ratio-of-sums (Σ numerators / Σ denominators), sum, mean, min, max,
 * every-unit (met only when every reporting unit meets it), single-reporter (one lead unit reports).
 */
export const Aggregation = z.enum([
  "ratio-of-sums",
  "sum",
  "mean",
  "min",
  "max",
  "every-unit",
  "single-reporter",
]);
export type Aggregation = z.infer<typeof Aggregation>;

export const Target = z
  .object({
    op: Comparator,
    value: z.number().finite(),
    max: z.number().finite().optional(),
    year: z.number().int().min(2000).max(2100),
    /**
     * "hàng năm": the target holds in every year up to `year` ("năng suất lao động hàng năm tăng
     * tối thiểu 8%"), so each year is judged against it, not a line towards it.
     */
    yearly: z.literal(true).optional(),
    /** The source's sentence that sets `year`, where the indicator's own quote does not. */
    yearSource: SourceQuote.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.op === "between" && (t.max === undefined || t.max < t.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: "'between' cần max ≥ value / 'between' needs max ≥ value",
      });
    }
    if (t.op !== "between" && t.max !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: "max chỉ dùng với 'between' / max is only for 'between'",
      });
    }
  });
export type Target = z.infer<typeof Target>;

export const LevelTargets = z
  .object({ province: Target, district: Target, commune: Target })
  .partial()
  .strict()
  .refine((t) => Object.keys(t).length > 0, "cần ít nhất một cấp / needs at least one level");
export type LevelTargets = z.infer<typeof LevelTargets>;

export const Pillar = z
  .object({
    id: Id,
    name: VietnameseText,
    groups: z.array(z.object({ id: Id, name: VietnameseText }).strict()),
  })
  .strict();
export type Pillar = z.infer<typeof Pillar>;

export const Indicator = z
  .object({
    id: Id,
    group: Id,
    name: VietnameseText,
    /** Display unit: "%", "doanh nghiệp", "đồng", "hạng", ... */
    unit: VietnameseText,
    kind: IndicatorKind,
    /** Present when the value is a share a unit can count: numerator over denominator. */
    numeratorLabel: VietnameseText.optional(),
    denominatorLabel: VietnameseText.optional(),
    /** What a reduction or growth is measured against ("so với năm 2021"). */
    baselineLabel: VietnameseText.optional(),
    target: Target.optional(),
    levelTargets: LevelTargets.optional(),
    aggregation: Aggregation,
    /** Which units report it: every unit on the tracker, or only its lead units. */
    reporters: z.enum(["all", "lead"]).default("all"),
    lead: z.array(VietnameseText).default([]),
    evidenceRequired: z.boolean().default(false),
    /** What the plan leaves out of the count ("không bao gồm nội dung mật"). */
    exclusion: VietnameseText.optional(),
    /**
     * One figure for the whole province ("Số lượng DN công nghệ số đạt 20 DN"): a unit reports the
     * province's figure as it knows it, so figures are never added across units.
     */
    provinceWide: z.literal(true).optional(),
    /** A remark shown with the indicator: how its name reads against the source's wording. */
    note: VietnameseText.optional(),
    /** Where the quote sets a cấp huyện target: what periods after 1 July 2025 do with it. */
    districtLevel: DistrictLevelDecision.optional(),
    source: SourceQuote,
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (!ind.target && !ind.levelTargets) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message:
          "chỉ tiêu cần target hoặc levelTargets / an indicator needs target or levelTargets",
      });
    }
    if ((ind.numeratorLabel === undefined) !== (ind.denominatorLabel === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["denominatorLabel"],
        message:
          "tử số và mẫu số phải đi cùng nhau / numeratorLabel and denominatorLabel go together",
      });
    }
    if (ind.aggregation === "ratio-of-sums" && ind.numeratorLabel === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["aggregation"],
        message:
          "ratio-of-sums cần tử số và mẫu số / ratio-of-sums needs numerator and denominator",
      });
    }
    if (ind.reporters === "lead" && ind.lead.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["lead"],
        message:
          "reporters 'lead' cần ít nhất một đơn vị chủ trì / 'lead' reporters need a lead unit",
      });
    }
    if (ind.provinceWide && ind.aggregation !== "single-reporter") {
      ctx.addIssue({
        code: "custom",
        path: ["aggregation"],
        message:
          "chỉ tiêu toàn tỉnh là một số liệu, tổng hợp 'single-reporter' / a province-wide figure aggregates as 'single-reporter'",
      });
    }
    if (ind.kind === "yes-no" && ind.target && !(ind.target.op === "=" && ind.target.value === 1)) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: "chỉ tiêu có/không có đích '= 1' / a yes-no indicator has target '= 1'",
      });
    }
  });
export type Indicator = z.infer<typeof Indicator>;

/** A month ("2025-12") or a standing duty ("recurring"); null where the plan names no deadline. */
export const Deadline = z.union([
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "hạn dạng YYYY-MM / deadline as YYYY-MM"),
  z.literal("recurring"),
  z.null(),
]);
export type Deadline = z.infer<typeof Deadline>;

export const Task = z
  .object({
    id: Id,
    group: Id.optional(),
    text: VietnameseText,
    lead: z.array(VietnameseText).min(1),
    partners: z.array(VietnameseText).default([]),
    /** Who watches over a task led by many units ("Văn phòng UBND thành phố theo dõi, đôn đốc"). */
    monitor: VietnameseText.optional(),
    deadline: Deadline,
    source: SourceQuote,
  })
  .strict();
export type Task = z.infer<typeof Task>;

/** Money is whole đồng: integers, never floats, so parts add up exactly. */
const Dong = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const BudgetLine = z
  .object({ id: Id, label: VietnameseText, amount: Dong, source: SourceQuote })
  .strict();
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Budget = z
  .object({
    total: BudgetLine,
    parts: z.array(BudgetLine).min(1),
  })
  .strict()
  .superRefine((b, ctx) => {
    const sum = b.parts.reduce((s, p) => s + p.amount, 0);
    if (sum !== b.total.amount) {
      ctx.addIssue({
        code: "custom",
        path: ["parts"],
        message: `tổng các phần ${sum} ≠ tổng ${b.total.amount} / parts add up to ${sum}, not ${b.total.amount}`,
      });
    }
  });
export type Budget = z.infer<typeof Budget>;

/** A yearly date such as 10 December: units report before it. */
const DayOfYear = z
  .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .strict();

export const ReportingSchedule = z
  .object({
    frequency: z.literal("yearly"),
    /** Units report to the lead department before this date. */
    unitDeadline: DayOfYear,
    /** The lead department reports to the People's Committee before this date. */
    leadDeadline: DayOfYear.optional(),
    leadUnit: VietnameseText,
    source: z.array(SourceQuote).min(1),
  })
  .strict();
export type ReportingSchedule = z.infer<typeof ReportingSchedule>;

export const PlanMetadata = z
  .object({
    province: VietnameseText,
    issuer: VietnameseText,
    kind: z.enum(["de-an", "ke-hoach"]),
    title: VietnameseText,
    /** "2256/QĐ-UBND"; absent where the source does not give it. */
    documentNumber: z.string().optional(),
    /** ISO date of signing, where the source gives it. */
    documentDate: z.iso.date().optional(),
    horizon: z.number().int().min(2000).max(2100),
    sourceFile: z.string().regex(/^[0-9]{3}_[0-9a-f]{16}\.txt$/),
  })
  .strict();
export type PlanMetadata = z.infer<typeof PlanMetadata>;

export const Template = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    /** Bumped when indicators change; a tracker may refuse versions it no longer accepts. */
    version: z.number().int().positive(),
    plan: PlanMetadata,
    pillars: z.array(Pillar).min(1),
    indicators: z.array(Indicator).min(1),
    tasks: z.array(Task).default([]),
    budget: Budget.optional(),
    reporting: ReportingSchedule.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const groups = new Set(t.pillars.flatMap((p) => p.groups.map((g) => g.id)));
    const seen = new Set<string>();
    const checkId = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) {
        ctx.addIssue({ code: "custom", path, message: `mã trùng: ${id} / duplicate id: ${id}` });
      }
      seen.add(id);
    };
    t.pillars.forEach((p, i) => {
      checkId(p.id, ["pillars", i, "id"]);
      p.groups.forEach((g, j) => checkId(g.id, ["pillars", i, "groups", j, "id"]));
    });
    t.indicators.forEach((ind, i) => {
      checkId(ind.id, ["indicators", i, "id"]);
      if (!groups.has(ind.group)) {
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "group"],
          message: `nhóm không tồn tại: ${ind.group} / unknown group: ${ind.group}`,
        });
      }
    });
    t.tasks.forEach((task, i) => {
      checkId(task.id, ["tasks", i, "id"]);
      if (task.group !== undefined && !groups.has(task.group)) {
        ctx.addIssue({
          code: "custom",
          path: ["tasks", i, "group"],
          message: `nhóm không tồn tại: ${task.group} / unknown group: ${task.group}`,
        });
      }
    });
    if (t.budget) {
      [t.budget.total, ...t.budget.parts].forEach((line) => checkId(line.id, ["budget", line.id]));
    }
  });
export type Template = z.infer<typeof Template>;
/** The shape written in a seed file, before defaults are filled in. */
export type TemplateInput = z.input<typeof Template>;
