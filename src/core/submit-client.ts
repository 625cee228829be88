// The client side of chitieu/1, shared by the add-in and the CLI: sign, send, and keep what could not
// be sent in a queue that retries with backoff. Storage and transport are the shell's.
import type { AccessCode } from "./access-code.js";
import type { Answer } from "./protocol.js";
import { Answer as AnswerSchema, PROTOCOL } from "./protocol.js";
import { sign } from "./signature.js";
import type { Submission } from "./submission-schema.js";

export interface QueuedSubmission {
  submissionId: string;
  url: string;
  /** The envelope exactly as it will be posted: payload and signature, never the key. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

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
  | { kind: "queued"; submissionId: string; error: string; nextAttemptAt: number };

export function envelopeFor(submission: Submission, code: AccessCode): QueuedSubmission {
  const payload = JSON.stringify(submission);
  const body = JSON.stringify({
    protocol: PROTOCOL,
    unit: code.unit,
    payload,
    signature: sign(payload, code.key),
  });
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

  /** Sends every queued report whose time has come; answers what became of each. */
  async flush(now: number, options: { force?: boolean } = {}): Promise<SendOutcome[]> {
    const due = this.storage.load().filter((q) => options.force || q.nextAttemptAt <= now);
    const outcomes: SendOutcome[] = [];
    for (const item of due) outcomes.push(await this.attempt(item, now));
    return outcomes;
  }

  private async attempt(item: QueuedSubmission, now: number): Promise<SendOutcome> {
    let problem: string;
    try {
      const response = await this.transport.post(item.url, item.body);
      const answer = parseAnswer(response.text);
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
    this.storage.save(
      this.storage.load().map((q) => (q.submissionId === item.submissionId ? next : q)),
    );
    return {
      kind: "queued",
      submissionId: item.submissionId,
      error: problem,
      nextAttemptAt: next.nextAttemptAt,
    };
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
