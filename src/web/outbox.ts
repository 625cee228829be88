// Sending a checked report: sign it in the browser, queue it in this browser's storage first, then
// post it as chitieu/1; what could not be sent stays queued, visible, and goes when the network
// returns. The queue holds envelopes (payload and signature), never the key.
import type { AccessCode } from "../core/wire/access-code.js";
import { isoInVietnam } from "../core/plan/period.js";
import type { SubmissionDraft } from "../core/check/submission-schema.js";
import type {
  QueuedSubmission,
  QueueStorage,
  SendOutcome,
  Transport,
} from "../core/wire/submit-client.js";
import { signedEnvelope, SubmitQueue } from "../core/wire/submit-client.js";
import type { Submission } from "../core/check/submission-schema.js";
import { toSubmission } from "../core/check/submission-schema.js";
import { signPayload } from "./signing.js";

const OUTBOX = "chitieu-nop:outbox";

export function storageQueue(storage: Pick<Storage, "getItem" | "setItem">): QueueStorage {
  return {
    load: () => {
      try {
        const items: unknown = JSON.parse(storage.getItem(OUTBOX) ?? "[]");
        return Array.isArray(items) ? (items as QueuedSubmission[]) : [];
      } catch {
        return [];
      }
    },
    save: (items) => storage.setItem(OUTBOX, JSON.stringify(items)),
  };
}

export const fetchTransport: Transport = {
  async post(url, body) {
    // text/plain: a "simple" request, so no CORS preflight (Apps Script cannot answer one).
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "text/plain;charset=utf-8" },
    });
    return { status: response.status, text: await response.text() };
  },
};

/** What a queued envelope is about, for its line in the visible queue. */
export function aboutQueued(item: QueuedSubmission): {
  unit: string;
  planId: string;
  period: string;
} {
  try {
    const envelope = JSON.parse(item.body) as { unit?: string; payload?: string };
    const payload = JSON.parse(envelope.payload ?? "{}") as { planId?: string; period?: string };
    return {
      unit: envelope.unit ?? "",
      planId: payload.planId ?? "",
      period: payload.period ?? "",
    };
  } catch {
    return { unit: "", planId: "", period: "" };
  }
}

export interface Sent {
  submission: Submission;
  payload: string;
  outcome: SendOutcome;
}

export async function sendReport(
  queue: SubmitQueue,
  draft: SubmissionDraft,
  code: AccessCode,
  now: Date,
  newId: () => string,
): Promise<Sent> {
  const submission = toSubmission(draft, {
    submissionId: newId(),
    submittedAt: isoInVietnam(now),
  });
  const payload = JSON.stringify(submission);
  const signature = await signPayload(payload, code.key);
  const outcome = await queue.submit(
    signedEnvelope(submission, code, payload, signature),
    now.getTime(),
  );
  return { submission, payload, outcome };
}

export function newQueue(
  storage: Pick<Storage, "getItem" | "setItem">,
  transport = fetchTransport,
) {
  return new SubmitQueue(storageQueue(storage), transport);
}
