// The chitieu/1 wire protocol: the envelope a client posts, and the answers both trackers give.
import { z } from "zod";
import type { Issue } from "../check/issues.js";
import type { Words } from "../check/messages.js";
import { bilingual } from "../check/messages.js";
import { answerMessages, protocolWords } from "./protocol-messages.js";

export const PROTOCOL = "chitieu/1";
/** Larger than any real report (a plan has under 100 indicators); refused before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

export const Envelope = z
  .object({
    protocol: z.string(),
    unit: z.string().min(1).max(64),
    /** The submission as a JSON string, so the signature covers exact bytes. */
    payload: z.string(),
    signature: z.string().regex(/^[0-9a-fA-F]{64}$/u, bilingual(protocolWords.signatureFormat)),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

/**
 * On a receipt whose report is stored but does not count: the unit already sent a report for the
 * same plan and period signed later (`submittedAt`), and that one stays current. The answer is
 * `ok: true` because the report is kept (nothing is lost, a resend is a duplicate, a queue may drop
 * it); a client tells the officer which report counts instead. Clients that predate this field
 * read an ordinary receipt, as they should: resending would change nothing.
 */
export const StaleNotice = z.object({
  code: z.literal("older-than-current"),
  message: z.string(),
  /** The report that counts. */
  current: z.object({
    submissionId: z.string(),
    revision: z.number().int().positive(),
    submittedAt: z.string(),
  }),
});
export type StaleNotice = z.infer<typeof StaleNotice>;

export const Receipt = z.object({
  submissionId: z.string(),
  /** The order of arrival for the unit, plan and period: 1, 2, 3 … */
  revision: z.number().int().positive(),
  receivedAt: z.string(),
  duplicate: z.boolean(),
  /** Present when the report is older than the one the tracker counts (see StaleNotice). */
  stale: StaleNotice.optional(),
});
export type Receipt = z.infer<typeof Receipt>;

export function staleNotice(current: StaleNotice["current"]): StaleNotice {
  return {
    code: "older-than-current",
    message: bilingual(protocolWords.olderThanCurrent),
    current: { ...current },
  };
}

export const ErrorCode = z.enum([
  "bad-request",
  "unsupported-protocol",
  "payload-too-large",
  "unknown-unit",
  "bad-signature",
  "invalid-submission",
  "unit-mismatch",
  "unknown-template",
  "template-version",
  "validation-failed",
  "conflict",
  "tracker-full",
  "server-error",
  "unauthorized",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Answer = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), receipt: Receipt }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type Answer = z.infer<typeof Answer>;

/** The HTTP status the self-hosted tracker sets; Apps Script cannot set one and answers 200. */
export const httpStatus: Record<ErrorCode, number> = {
  "bad-request": 400,
  "unsupported-protocol": 400,
  "payload-too-large": 413,
  "unknown-unit": 403,
  "bad-signature": 401,
  "invalid-submission": 400,
  "unit-mismatch": 400,
  "unknown-template": 422,
  "template-version": 409,
  "validation-failed": 422,
  conflict: 409,
  "tracker-full": 507,
  "server-error": 500,
  unauthorized: 401,
};

// Every code has its message: a code added without one does not compile.
const errorMessages: Record<ErrorCode, Words> = answerMessages;

export function errorAnswer(
  code: ErrorCode,
  details?: unknown,
  message = bilingual(errorMessages[code]),
): Answer {
  return { ok: false, error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export type ValidationDetails = { issues: Issue[] };
