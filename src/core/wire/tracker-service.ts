// What a tracker does with a posted chitieu/1 body, whatever stores it: the self-hosted server
// (SQLite) and the Apps Script web app (a sheet) both call this, so they answer alike.
import { supersedes } from "../tracker/current-report.js";
import type { Issue } from "../check/issues.js";
import { hasErrors, makeIssue } from "../check/issues.js";
import { bilingual } from "../check/messages.js";
import { protocolWords } from "./protocol-messages.js";
import type { Answer, ErrorCode, Receipt } from "./protocol.js";
import {
  Envelope,
  errorAnswer,
  httpStatus,
  MAX_BODY_BYTES,
  PROTOCOL,
  staleNotice,
} from "./protocol.js";
import { payloadHash, verify } from "./signature.js";
import { Submission } from "../check/submission-schema.js";
import type { Template } from "../plan/template-schema.js";
import type { Unit } from "../plan/unit-schema.js";
import { validateDraft } from "../check/validate.js";
import { utf8Bytes } from "../text/bytes.js";
import type { UnitHistory } from "../plan/unit-history.js";
import { unitPeriodRefusal } from "../plan/unit-history.js";

export interface StoredReceipt {
  receipt: Pick<Receipt, "submissionId" | "revision" | "receivedAt">;
  payloadHash: string;
}

/** One stored report of a unit for a plan and period, as the current-report rule reads it. */
export interface StoredRevision {
  submissionId: string;
  revision: number;
  submittedAt: string;
}

export interface AppendRecord {
  submission: Submission;
  payload: string;
  payloadHash: string;
  receivedAt: string;
  /** Whether it becomes the current report (signed no earlier than the one that was). */
  current: boolean;
  /** The report it turns from current to superseded, if any. */
  replaces: StoredRevision | undefined;
}

/** The storage a tracker gives the service. `append` must assign the revision atomically. */
export interface TrackerStore {
  unit(code: string): { unit: Unit; key: string } | undefined;
  template(planId: string): Template | undefined;
  findSubmission(submissionId: string): StoredReceipt | undefined;
  /**
   * The unit's current report for the plan and period: the one core's rule (current-report.ts)
   * puts first, signed last, then stored last. A store may find it by any means that agrees.
   */
  current(planId: string, unit: string, period: string): StoredRevision | undefined;
  append(record: AppendRecord): StoredReceipt["receipt"];
  /** The unit list's history, where the tracker keeps one: a unit reports only for its periods. */
  unitHistory?(): UnitHistory | undefined;
}

/** A unit's clock may run a little fast; a report stamped further ahead would block every correction. */
export const CLOCK_TOLERANCE_MS = 86_400_000;

export interface ServiceAnswer {
  status: number;
  answer: Answer;
}

const refuse = (code: ErrorCode, details?: unknown, message?: string): ServiceAnswer => ({
  status: httpStatus[code],
  answer: errorAnswer(code, details, message),
});

export function processPost(
  body: string,
  store: TrackerStore,
  now: { date: Date; iso: string },
): ServiceAnswer {
  // Characters first (cheap), then the exact UTF-8 size the HTTP layer counts.
  if (body.length > MAX_BODY_BYTES || utf8Bytes(body).length > MAX_BODY_BYTES) {
    return refuse("payload-too-large", { limit: MAX_BODY_BYTES });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse("bad-request", { reason: bilingual(protocolWords.malformedJson) });
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success)
    return refuse("bad-request", {
      issues: envelope.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
  const { protocol, unit: unitCode, payload, signature } = envelope.data;
  if (protocol !== PROTOCOL)
    return refuse("unsupported-protocol", { expected: PROTOCOL, found: protocol });

  const registered = store.unit(unitCode);
  if (!registered) return refuse("unknown-unit", { unit: unitCode });
  // Nothing of the payload is looked at before its signature holds.
  if (!verify(payload, signature, registered.key)) return refuse("bad-signature");

  let submission: Submission;
  try {
    const parsed = Submission.safeParse(JSON.parse(payload));
    if (!parsed.success) {
      return refuse("invalid-submission", {
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      });
    }
    submission = parsed.data;
  } catch {
    return refuse("invalid-submission", {
      reason: bilingual(protocolWords.payloadNotJson),
    });
  }
  if (submission.unit !== unitCode)
    return refuse("unit-mismatch", { envelope: unitCode, payload: submission.unit });

  const hash = payloadHash(payload);
  const earlier = store.findSubmission(submission.submissionId);
  if (earlier) {
    if (earlier.payloadHash !== hash)
      return refuse("conflict", { submissionId: submission.submissionId });
    const current = store.current(submission.planId, unitCode, submission.period);
    const stale =
      current && current.submissionId !== submission.submissionId
        ? { stale: staleNotice(current) }
        : {};
    return {
      status: 200,
      answer: { ok: true, receipt: { ...earlier.receipt, duplicate: true, ...stale } },
    };
  }

  const template = store.template(submission.planId);
  if (!template) return refuse("unknown-template", { planId: submission.planId });
  if (template.version !== submission.templateVersion) {
    return refuse("template-version", {
      accepted: template.version,
      found: submission.templateVersion,
    });
  }
  const issues = [
    ...validateDraft(submission, { template, unit: registered.unit, now: now.date }),
    ...stampIssues(submission, now),
    ...optional(unitPeriodRefusal(registered.unit, submission.period, () => store.unitHistory?.())),
  ];
  if (hasErrors(issues)) return refuse("validation-failed", { issues });

  const previous = store.current(submission.planId, unitCode, submission.period);
  const next = { submittedAt: submission.submittedAt, revision: Infinity };
  const current = !previous || !supersedes(previous, next);
  const receipt = store.append({
    submission,
    payload,
    payloadHash: hash,
    receivedAt: now.iso,
    current,
    replaces: current ? previous : undefined,
  });
  const stale = current || !previous ? {} : { stale: staleNotice(previous) };
  return { status: 200, answer: { ok: true, receipt: { ...receipt, duplicate: false, ...stale } } };
}

const optional = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);

function stampIssues(submission: Submission, now: { date: Date; iso: string }): Issue[] {
  const signed = Date.parse(submission.submittedAt);
  if (signed - now.date.getTime() <= CLOCK_TOLERANCE_MS) return [];
  return [
    makeIssue(
      "submitted-in-future",
      { field: "submittedAt" },
      { submittedAt: submission.submittedAt, now: now.iso },
    ),
  ];
}
