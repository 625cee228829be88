// A unit's report for one plan and period, as it travels on the wire (chitieu/1) and is stored.
import { z } from "zod";
import { Period } from "../plan/period.js";
import { Id, Level } from "../plan/template-schema.js";

const FreeText = z.string().max(4000);
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
