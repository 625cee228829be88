// A unit's report for one plan and period, as it travels on the wire (chitieu/1) and is stored.
import { bilingual } from "./messages.js";
import { nfcWords } from "../plan/plan-messages.js";
import { z } from "zod";
import { Period } from "../plan/period.js";
import { Id, Level } from "../plan/template-schema.js";
import { NARRATIVE_MAX_CHARS, TEXT_MAX_CHARS } from "../plan/value-limits.js";

const FreeText = z.string().max(TEXT_MAX_CHARS);
const Quantity = z.number().finite();
const Dong = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const IndicatorEntry = z
  .object({
    indicatorId: Id,
    value: Quantity.nullable().optional(),
    numerator: Quantity.nullable().optional(),
    denominator: Quantity.nullable().optional(),
    /** The level whose target the unit reports against; defaults to the unit's own level. */
    level: Level.optional(),
    evidence: FreeText.optional(),
    note: FreeText.optional(),
  })
  .strict();
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

export const TaskState = z.enum(["not-started", "in-progress", "done"]);
export type TaskState = z.infer<typeof TaskState>;

export const TaskStatus = z
  .object({
    taskId: Id,
    status: TaskState.nullable(),
    completedOn: z.iso.date().nullable().optional(),
    note: FreeText.optional(),
  })
  .strict();
export type TaskStatus = z.infer<typeof TaskStatus>;

export const BudgetEntry = z
  .object({
    lineId: Id,
    /** Funds allocated to the unit for this line in the period (đồng). */
    allocated: Dong.nullable().optional(),
    /** Funds disbursed (đồng). */
    disbursed: Dong.nullable().optional(),
    note: FreeText.optional(),
  })
  .strict();
export type BudgetEntry = z.infer<typeof BudgetEntry>;

const NarrativeText = z
  .string()
  .max(NARRATIVE_MAX_CHARS)
  .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords));

/**
 * The yearly account QĐ 2256 asks of each unit besides its figures (V.2: "đánh giá kết quả thực
 * hiện …, những khó khăn, vướng mắc cần tháo gỡ và đề xuất, kiến nghị"). Optional throughout, so
 * a submission from a client that predates it stays valid.
 */
export const Narrative = z
  .object({
    /** Đánh giá kết quả thực hiện. */
    assessment: NarrativeText.optional(),
    /** Khó khăn, vướng mắc. */
    difficulties: NarrativeText.optional(),
    /** Đề xuất, kiến nghị. */
    proposals: NarrativeText.optional(),
  })
  .strict();
export type Narrative = z.infer<typeof Narrative>;
export const NARRATIVE_SECTIONS = ["assessment", "difficulties", "proposals"] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export const Submission = z
  .object({
    submissionId: z.uuid(),
    planId: Id,
    templateVersion: z.number().int().positive(),
    unit: Id,
    period: Period,
    submittedAt: z.iso.datetime({ offset: true }),
    indicators: z.array(IndicatorEntry),
    tasks: z.array(TaskStatus).default([]),
    budget: z.array(BudgetEntry).default([]),
    narrative: Narrative.optional(),
  })
  .strict();
export type Submission = z.infer<typeof Submission>;
export type SubmissionInput = z.input<typeof Submission>;

/** A checked draft becomes a submission once the client gives it an id and a time. */
export function toSubmission(
  draft: Omit<SubmissionInput, "submissionId" | "submittedAt">,
  stamp: { submissionId: string; submittedAt: string },
): Submission {
  return Submission.parse({ ...draft, ...stamp });
}

/** What a sheet holds, before a submissionId and a time are put on it. */
export type SubmissionDraft = Omit<Submission, "submissionId" | "submittedAt">;
