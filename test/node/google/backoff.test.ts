// Retries and pacing against a virtual clock: which failures are retried, how long each wait is,
// and how many requests fit in a minute.
import { describe, expect, it } from "vitest";
import type { Clock } from "../../../src/node/google/backoff.js";
import {
  ATTEMPTS,
  isRetryable,
  Pacer,
  retryDelay,
  withRetry,
} from "../../../src/node/google/backoff.js";

function virtualClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0,
  };
  return { clock, sleeps };
}

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers: new Headers(headers) },
  });

describe("retries", () => {
  it("retries 429, 5xx and a dropped connection, never a refusal", () => {
    expect([429, 500, 502, 503].map((s) => isRetryable(httpError(s)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 413].some((s) => isRetryable(httpError(s)))).toBe(false);
    expect(isRetryable(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(true);
    expect(isRetryable(new TypeError("a bug"))).toBe(false);
  });

  it("waits what Retry-After asks, in seconds or as a date, else doubles with jitter", () => {
    const { clock } = virtualClock();
    expect(retryDelay(httpError(429, { "retry-after": "7" }), 1, clock)).toBe(7000);
    const at = new Date(clock.now() + 12_000).toUTCString();
    expect(retryDelay(httpError(503, { "retry-after": at }), 1, clock)).toBe(12_000);
    // random() = 0: half of 1 s, 2 s, 4 s.
    expect([1, 2, 3].map((n) => retryDelay(httpError(500), n, clock))).toEqual([500, 1000, 2000]);
    expect(retryDelay(httpError(429, { "retry-after": "3600" }), 1, clock)).toBe(64_000);
  });

  it("gives up after a bounded number of attempts", async () => {
    const { clock, sleeps } = virtualClock();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw httpError(503);
        },
        clock,
        () => {},
      ),
    ).rejects.toThrow("HTTP 503");
    expect(calls).toBe(ATTEMPTS);
    expect(sleeps).toHaveLength(ATTEMPTS - 1);
  });
});

describe("Pacer", () => {
  it("lets `limit` requests through a window, then waits for the oldest to leave it", async () => {
    const { clock, sleeps } = virtualClock();
    const pacer = new Pacer(3, 60_000, clock);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await pacer.take());
    expect(waits).toEqual([0, 0, 0, 60_000, 0, 0, 60_000]);
    expect(sleeps).toEqual([60_000, 60_000]);
  });
});
