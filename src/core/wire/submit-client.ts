// The client side of chitieu/1, shared by the add-in and the CLI: sign, send, and keep what could not
// be sent in a queue that retries with backoff. Storage and transport are the shell's.
import type { AccessCode } from "./access-code.js";
import { foreignAnswer } from "../check/foreign-answer.js";
import { bilingual } from "../check/messages.js";
import type { Answer } from "./protocol.js";
import { Answer as AnswerSchema, PROTOCOL } from "./protocol.js";
import { sign } from "./signature.js";
import type { Submission } from "../check/submission-schema.js";

export interface QueuedSubmission {
  submissionId: string;
  url: string;
  /** The envelope exactly as it will be posted: payload and signature, never the key. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  /** Waiting for a person (the consolidator, the officer): sent again only when asked, not on a timer. */
  held?: boolean;
}

/**
 * How long a client waits for an answer. Longer than a tracker may hold a post: the Apps Script web
 * app waits up to 12 s for its lock, then writes; a client that gave up sooner would queue a report
 * the tracker went on to store (harmless on resend, but the officer is told it failed).
 */
export const SUBMIT_TIMEOUT_MS = 60_000;

export interface Transport {
  /** Rejects on a network failure; resolves with whatever the server answered otherwise. */
  post(url: string, body: string): Promise<{ status: number; text: string }>;
}

export interface QueueStorage {
  load(): QueuedSubmission[];
  save(items: QueuedSubmission[]): void;
}

export type SendOutcome =
  | { kind: "accepted"; submissionId: string; answer: Extract<Answer, { ok: true }> }
  | { kind: "refused"; submissionId: string; answer: Extract<Answer, { ok: false }> }
  | { kind: "queued"; submissionId: string; error: string; nextAttemptAt: number }
  | { kind: "held"; submissionId: string; error: string };

export function envelopeFor(submission: Submission, code: AccessCode): QueuedSubmission {
  const payload = JSON.stringify(submission);
  return signedEnvelope(submission, code, payload, sign(payload, code.key));
}

/**
 * The envelope for a payload signed elsewhere (the browser page signs with Web Crypto): `payload`
 * must be `JSON.stringify(submission)` and `signature` its HMAC with the unit's key.
 */
export function signedEnvelope(
  submission: Submission,
  code: AccessCode,
  payload: string,
  signature: string,
): QueuedSubmission {
  const body = JSON.stringify({ protocol: PROTOCOL, unit: code.unit, payload, signature });
  return {
    submissionId: submission.submissionId,
    url: code.url,
    body,
    attempts: 0,
    nextAttemptAt: 0,
  };
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 min, times a random in [0.5, 1). */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() / 2));
}

/** A server that is down, overloaded or answering nonsense means "try again", never "lost". */
function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export class SubmitQueue {
  constructor(
    private readonly storage: QueueStorage,
    private readonly transport: Transport,
    private readonly random: () => number = Math.random,
  ) {}

  pending(): QueuedSubmission[] {
    return this.storage.load();
  }

  /** Queues first, then tries: a crash between the two still leaves the report queued. */
  async submit(item: QueuedSubmission, now: number): Promise<SendOutcome> {
    const items = this.storage.load().filter((q) => q.submissionId !== item.submissionId);
    this.storage.save([...items, item]);
    return this.attempt(item, now);
  }

  /**
   * Queues the report after those already waiting, then sends the whole queue in its order, so a
   * report made earlier reaches the tracker before one made later. Answers what became of each,
   * this report's outcome last.
   */
  async sendInOrder(item: QueuedSubmission, now: number): Promise<SendOutcome[]> {
    const items = this.storage.load().filter((q) => q.submissionId !== item.submissionId);
    this.storage.save([...items, item]);
    return this.flush(now, { force: true });
  }

  /** Sends every queued report whose time has come (held ones only when forced); answers what became of each. */
  async flush(now: number, options: { force?: boolean } = {}): Promise<SendOutcome[]> {
    const due = this.storage
      .load()
      .filter((q) => options.force || (!q.held && q.nextAttemptAt <= now));
    const outcomes: SendOutcome[] = [];
    for (const item of due) outcomes.push(await this.attempt(item, now));
    return outcomes;
  }

  private async attempt(item: QueuedSubmission, now: number): Promise<SendOutcome> {
    let problem: string;
    try {
      const response = await this.transport.post(item.url, item.body);
      const answer = parseAnswer(response.text);
      if (answer?.ok === false && answer.error.code === "tracker-full")
        return this.hold(item, now, answer.error.message);
      if (
        answer &&
        !isRetryable(response.status) &&
        !(answer.ok === false && answer.error.code === "server-error")
      ) {
        this.remove(item.submissionId);
        return answer.ok
          ? { kind: "accepted", submissionId: item.submissionId, answer }
          : { kind: "refused", submissionId: item.submissionId, answer };
      }
      // Something else answered, and not a busy or failing server that may recover by itself.
      if (!answer && !isRetryable(response.status))
        return this.hold(item, now, bilingual(foreignAnswer(response.status, response.text)));
      problem = `HTTP ${response.status}${answer && !answer.ok ? `: ${answer.error.message}` : ""}`;
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    const attempts = item.attempts + 1;
    const next: QueuedSubmission = {
      ...item,
      attempts,
      nextAttemptAt: now + backoffDelay(attempts, this.random),
      lastError: problem,
    };
    delete next.held;
    this.replace(next);
    return {
      kind: "queued",
      submissionId: item.submissionId,
      error: problem,
      nextAttemptAt: next.nextAttemptAt,
    };
  }

  /** Kept in the queue, out of the timer's retries, with what the officer should know. */
  private hold(item: QueuedSubmission, now: number, error: string): SendOutcome {
    this.replace({
      ...item,
      attempts: item.attempts + 1,
      nextAttemptAt: now,
      lastError: error,
      held: true,
    });
    return { kind: "held", submissionId: item.submissionId, error };
  }

  private replace(next: QueuedSubmission) {
    this.storage.save(
      this.storage.load().map((q) => (q.submissionId === next.submissionId ? next : q)),
    );
  }

  private remove(submissionId: string) {
    this.storage.save(this.storage.load().filter((q) => q.submissionId !== submissionId));
  }
}

function parseAnswer(text: string): Answer | undefined {
  try {
    const parsed = AnswerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
