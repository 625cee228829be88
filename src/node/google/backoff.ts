// Staying within Google's quotas: retries with exponential backoff and jitter on 429 and 5xx, and a
// pacer that spaces requests so a long push never passes the per-minute limit.
import { backoffDelay } from "../../core/wire/submit-client.js";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const ATTEMPTS = 6;
// Per-minute quotas refill within a minute (Google's own advice caps backoff near 64 s), so a
// longer Retry-After is shortened rather than leaving the command hanging.
const MAX_WAIT_MS = 64_000;

// Failures of the connection itself, where the request may never have reached Google.
const NETWORK_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED"]);

/** The HTTP status of a googleapis (gaxios) error, when the server answered. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { status?: unknown; response?: { status?: unknown } } | null;
  const status = e?.status ?? e?.response?.status;
  return typeof status === "number" ? status : undefined;
}

function retryAfterMs(err: unknown, now: number): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers as
    { get?: (name: string) => string | null } | Record<string, string> | undefined;
  // gaxios answers fetch Headers, possibly of another realm than ours; older versions a plain object.
  const value =
    typeof headers?.get === "function"
      ? headers.get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function isRetryable(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return status === 429 || status >= 500;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && NETWORK_CODES.has(code);
}

/** How long to wait before attempt `attempt + 1`: the server's Retry-After, else 1 s, 2 s, 4 s … with jitter. */
export function retryDelay(err: unknown, attempt: number, clock: Clock): number {
  const asked = retryAfterMs(err, clock.now());
  return Math.min(MAX_WAIT_MS, asked ?? backoffDelay(attempt, clock.random));
}

export interface RetryNotice {
  attempt: number;
  status: number | undefined;
  waitMs: number;
}

export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  clock: Clock,
  onRetry: (notice: RetryNotice) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isRetryable(err)) throw err;
      const waitMs = retryDelay(err, attempt, clock);
      onRetry({ attempt, status: statusOf(err), waitMs });
      await clock.sleep(waitMs);
    }
  }
}

/**
 * At most `limit` requests in any `windowMs`: the Sheets API allows 60 writes a minute per user,
 * counted by Google over windows that need not line up with ours, hence a limit below it.
 */
export class Pacer {
  private readonly sent: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Waits until one more request fits, then counts it; answers how long it waited. */
  async take(): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length && this.sent[0]! <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return waited;
      }
      const wait = this.sent[0]! + this.windowMs - now;
      waited += wait;
      await this.clock.sleep(wait);
    }
  }
}
