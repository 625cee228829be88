// The client half of chitieu/1: the signed envelope, the backoff, and a queue that forgets a report
// only once the tracker has answered for it (accepted or refused), never on a failure. An answer
// that is not chitieu/1 (Google's sign-in or error page, with status 200) is no receipt and no
// reason to retry forever: the report stays queued, held for the officer, with what to check.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorAnswer } from "../../../src/core/wire/protocol.js";
import type {
  QueuedSubmission,
  QueueStorage,
  Transport,
} from "../../../src/core/wire/submit-client.js";
import {
  backoffDelay,
  envelopeFor,
  SUBMIT_TIMEOUT_MS,
  SubmitQueue,
} from "../../../src/core/wire/submit-client.js";
import { validReport } from "../../fixtures/reports.js";
import { suitePlan } from "../../protocol/servers.js";

const KEY = "7c".repeat(32);
const code = { url: "https://tracker.example.vn/api/submit", unit: "STTTT", key: KEY };
const report = (n: number) =>
  validReport(suitePlan(), `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`);

class MemoryStorage implements QueueStorage {
  items: QueuedSubmission[] = [];
  saves = 0;
  load() {
    return this.items.map((i) => ({ ...i }));
  }
  save(items: QueuedSubmission[]) {
    this.saves++;
    this.items = items.map((i) => ({ ...i }));
  }
}

type Reply = { status: number; text: string } | Error | string;
/** Answers each post with the next reply; records what was posted and what was queued then. */
function scripted(storage: MemoryStorage, ...replies: Reply[]) {
  const posts: { url: string; body: string; queued: string[] }[] = [];
  const transport: Transport = {
    post(url, body) {
      posts.push({ url, body, queued: storage.items.map((i) => i.submissionId) });
      const reply = replies.shift();
      if (reply === undefined) throw new Error("no more replies");
      if (reply instanceof Error) return Promise.reject(reply);
      if (typeof reply === "string") return Promise.reject(reply);
      return Promise.resolve(reply);
    },
  };
  return { transport, posts };
}
const json = (status: number, body: unknown) => ({ status, text: JSON.stringify(body) });
const receipt = (id: string) => ({
  ok: true,
  receipt: {
    submissionId: id,
    revision: 1,
    receivedAt: "2025-12-05T10:00:00.000+07:00",
    duplicate: false,
  },
});

describe("envelopeFor", () => {
  it("signs the payload's exact bytes with the unit's key and starts with no attempt", () => {
    const s = report(1);
    const q = envelopeFor(s, code);
    const body = JSON.parse(q.body) as Record<string, string>;
    expect(Object.keys(body)).toEqual(["protocol", "unit", "payload", "signature"]);
    expect(body.protocol).toBe("chitieu/1");
    expect(body.unit).toBe("STTTT");
    expect(body.payload).toBe(JSON.stringify(s));
    expect(body.signature).toBe(
      createHmac("sha256", Buffer.from(KEY, "hex")).update(body.payload!, "utf8").digest("hex"),
    );
    expect(q).toMatchObject({
      submissionId: s.submissionId,
      url: code.url,
      attempts: 0,
      nextAttemptAt: 0,
    });
    expect(q.body).not.toContain(KEY);
  });
});

describe("backoffDelay", () => {
  it.each([
    // attempt, random, delay: 1 s, 2 s, 4 s … times 0.5 to 1.
    [1, 0, 500],
    [1, 0.5, 750],
    [1, 0.999, 1000],
    [0, 0, 500],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [9, 0, 128_000],
    // 2^9 s is past the five-minute cap.
    [10, 0, 150_000],
    [10, 0.999, 299_850],
    [30, 0.5, 225_000],
  ])("attempt %d with random %d waits %d ms", (attempt, random, ms) => {
    expect(backoffDelay(attempt, () => random)).toBe(ms);
  });

  it("rounds to whole milliseconds", () => {
    expect(backoffDelay(1, () => 0.3333)).toBe(667);
  });
});

describe("SubmitQueue", () => {
  const NOW = 1_000_000;

  it("queues the report before sending it, and forgets it once accepted", async () => {
    const storage = new MemoryStorage();
    const item = envelopeFor(report(1), code);
    const { transport, posts } = scripted(storage, json(200, receipt(item.submissionId)));
    const outcome = await new SubmitQueue(storage, transport).submit(item, NOW);
    expect(posts).toEqual([{ url: code.url, body: item.body, queued: [item.submissionId] }]);
    expect(outcome).toMatchObject({
      kind: "accepted",
      submissionId: item.submissionId,
      answer: receipt(item.submissionId),
    });
    expect(storage.items).toEqual([]);
  });

  it("forgets a refused report too: the tracker has answered, and sending it again cannot help", async () => {
    const storage = new MemoryStorage();
    const item = envelopeFor(report(1), code);
    const refusal = errorAnswer("validation-failed", { issues: [] });
    const { transport } = scripted(storage, json(422, refusal));
    const outcome = await new SubmitQueue(storage, transport).submit(item, NOW);
    expect(outcome).toEqual({ kind: "refused", submissionId: item.submissionId, answer: refusal });
    expect(storage.items).toEqual([]);
  });

  it.each([
    [
      "a 500 with the server-error answer",
      json(500, errorAnswer("server-error")),
      "HTTP 500: Lỗi máy chủ, báo cáo chưa được lưu / Server error, the report was not stored",
    ],
    [
      "a 200 with the server-error answer (Apps Script)",
      json(200, errorAnswer("server-error")),
      "HTTP 200: Lỗi máy chủ, báo cáo chưa được lưu / Server error, the report was not stored",
    ],
    ["a 429 with a receipt", json(429, receipt("x")), "HTTP 429"],
    [
      "a 408",
      json(408, errorAnswer("bad-request")),
      "HTTP 408: Yêu cầu không đúng định dạng chitieu/1 / The request is not a chitieu/1 envelope",
    ],
    [
      "a 503 that is not JSON",
      { status: 503, text: "<html>Service Unavailable</html>" },
      "HTTP 503",
    ],
    [
      "a network failure",
      new Error("connect ECONNREFUSED 127.0.0.1:8787"),
      "connect ECONNREFUSED 127.0.0.1:8787",
    ],
    ["a failure that is not an Error", "offline", "offline"],
  ] as const)(
    "keeps the report queued after %s, to retry after a backoff",
    async (_, reply, error) => {
      const storage = new MemoryStorage();
      const item = envelopeFor(report(1), code);
      const { transport } = scripted(storage, reply);
      const outcome = await new SubmitQueue(storage, transport, () => 0).submit(item, NOW);
      expect(outcome).toEqual({
        kind: "queued",
        submissionId: item.submissionId,
        error,
        nextAttemptAt: NOW + 500,
      });
      expect(storage.items).toEqual([
        { ...item, attempts: 1, nextAttemptAt: NOW + 500, lastError: error },
      ]);
    },
  );

  it("holds the report after a 200 that is not a chitieu/1 answer, saying what to check", async () => {
    // An address that answers 200 with something else (a proxy's page, another service) will not
    // answer differently on a timer: the report waits for the officer, with what to check.
    const storage = new MemoryStorage();
    const item = envelopeFor(report(1), code);
    const { transport } = scripted(storage, json(200, { ok: "yes" }));
    const queue = new SubmitQueue(storage, transport, () => 0);
    const outcome = await queue.submit(item, NOW);
    const error =
      'Địa chỉ trong mã truy cập không trả lời theo chitieu/1 (nhận được: "HTTP 200: {"ok":"yes"}"). ' +
      "Kiểm tra: mã truy cập đúng địa chỉ …/exec của lần triển khai hiện tại; web app mở cho Bất kỳ ai; " +
      "hạn mức Apps Script của đơn vị tổng hợp. / " +
      'The access code\'s address does not answer chitieu/1 (got: "HTTP 200: {"ok":"yes"}"). ' +
      "Check: the code holds the current deployment's …/exec address; the web app is open to Anyone; " +
      "the consolidator's Apps Script quotas.";
    expect(outcome).toEqual({ kind: "held", submissionId: item.submissionId, error });
    expect(storage.items).toEqual([
      { ...item, attempts: 1, nextAttemptAt: NOW, lastError: error, held: true },
    ]);
    expect(await queue.flush(NOW + 3_600_000)).toEqual([]);
  });

  it("backs off longer on each failed attempt", async () => {
    const storage = new MemoryStorage();
    const item = envelopeFor(report(1), code);
    const down = new Error("offline");
    const { transport } = scripted(storage, down, down, down);
    const queue = new SubmitQueue(storage, transport, () => 0);
    await queue.submit(item, NOW);
    await queue.flush(NOW + 500);
    await queue.flush(NOW + 2000);
    expect(storage.items.map((i) => [i.attempts, i.nextAttemptAt])).toEqual([[3, NOW + 4000]]);
  });

  it("submitting the same report again replaces its queued copy, never doubles it", async () => {
    const storage = new MemoryStorage();
    const item = envelopeFor(report(1), code);
    const { transport } = scripted(storage, new Error("offline"), new Error("offline"));
    const queue = new SubmitQueue(storage, transport, () => 0);
    await queue.submit(item, NOW);
    await queue.submit(item, NOW + 10);
    expect(queue.pending().map((i) => [i.submissionId, i.attempts, i.nextAttemptAt])).toEqual([
      [item.submissionId, 1, NOW + 10 + 500],
    ]);
  });

  it("flushes the reports whose time has come, in order, and leaves the others", async () => {
    const storage = new MemoryStorage();
    const [a, b, c] = [1, 2, 3].map((n) => envelopeFor(report(n), code));
    storage.items = [
      { ...a!, nextAttemptAt: NOW - 1 },
      { ...b!, nextAttemptAt: NOW + 1 },
      { ...c!, nextAttemptAt: NOW },
    ];
    const { transport, posts } = scripted(
      storage,
      json(200, receipt(a!.submissionId)),
      json(200, receipt(c!.submissionId)),
    );
    const outcomes = await new SubmitQueue(storage, transport).flush(NOW);
    expect(posts.map((p) => p.body)).toEqual([a!.body, c!.body]);
    expect(outcomes.map((o) => [o.kind, o.submissionId])).toEqual([
      ["accepted", a!.submissionId],
      ["accepted", c!.submissionId],
    ]);
    expect(storage.items.map((i) => i.submissionId)).toEqual([b!.submissionId]);
  });

  it("sends every queued report when forced, whatever its time", async () => {
    const storage = new MemoryStorage();
    const a = envelopeFor(report(1), code);
    storage.items = [{ ...a, nextAttemptAt: NOW + 60_000 }];
    const { transport } = scripted(storage, json(200, receipt(a.submissionId)));
    const queue = new SubmitQueue(storage, transport);
    expect(await queue.flush(NOW)).toEqual([]);
    expect(await queue.flush(NOW, { force: true })).toMatchObject([{ kind: "accepted" }]);
    expect(queue.pending()).toEqual([]);
  });
});

describe("SubmitQueue keeps the other reports", () => {
  const NOW = 1_000_000;
  const [a, b, c] = [1, 2, 3].map((n) => envelopeFor(report(n), code)) as [
    QueuedSubmission,
    QueuedSubmission,
    QueuedSubmission,
  ];

  it("retries a bare 500 page on the timer, as any 5xx, rather than holding it", async () => {
    const storage = new MemoryStorage();
    const page = { status: 500, text: "<html>Internal Server Error</html>" };
    const { transport } = scripted(storage, page);
    const outcome = await new SubmitQueue(storage, transport, () => 0).submit(a, NOW);
    expect(outcome).toEqual({
      kind: "queued",
      submissionId: a.submissionId,
      error: "HTTP 500",
      nextAttemptAt: NOW + 500,
    });
    expect(storage.items[0]!.held).toBeUndefined();
  });

  it("retries a 500 whatever chitieu/1 refusal it carries: the server may recover", async () => {
    const storage = new MemoryStorage();
    const { transport } = scripted(storage, json(500, errorAnswer("bad-request")));
    const outcome = await new SubmitQueue(storage, transport, () => 0).submit(a, NOW);
    expect(outcome).toMatchObject({ kind: "queued", nextAttemptAt: NOW + 500 });
    expect(storage.items.map((i) => i.submissionId)).toEqual([a.submissionId]);
  });

  it("submitting a report leaves the reports already waiting in the queue", async () => {
    const storage = new MemoryStorage();
    storage.items = [{ ...a, attempts: 2, nextAttemptAt: NOW + 60_000, lastError: "offline" }];
    const { transport, posts } = scripted(storage, json(200, receipt(b.submissionId)));
    const outcome = await new SubmitQueue(storage, transport).submit(b, NOW);
    expect(outcome.kind).toBe("accepted");
    expect(posts.map((p) => p.queued)).toEqual([[a.submissionId, b.submissionId]]);
    expect(storage.items).toEqual([
      { ...a, attempts: 2, nextAttemptAt: NOW + 60_000, lastError: "offline" },
    ]);
  });

  it("a failed attempt updates only its own report's place in the queue", async () => {
    const storage = new MemoryStorage();
    storage.items = [a, b];
    const { transport } = scripted(storage, new Error("offline"), json(200, { ok: "yes" }));
    await new SubmitQueue(storage, transport, () => 0).flush(NOW);
    expect(storage.items.map((i) => [i.submissionId, i.attempts, i.held ?? false])).toEqual([
      [a.submissionId, 1, false],
      [b.submissionId, 1, true],
    ]);
    expect(storage.items[0]).toMatchObject({ nextAttemptAt: NOW + 500, lastError: "offline" });
  });

  it("sendInOrder sends the reports already waiting first, held or not due, this one's outcome last", async () => {
    const storage = new MemoryStorage();
    storage.items = [
      { ...a, attempts: 1, nextAttemptAt: NOW + 60_000, lastError: "offline" },
      { ...b, attempts: 1, nextAttemptAt: NOW, lastError: "HTTP 200", held: true },
    ];
    const { transport, posts } = scripted(
      storage,
      json(200, receipt(a.submissionId)),
      json(200, receipt(b.submissionId)),
      json(200, receipt(c.submissionId)),
    );
    const outcomes = await new SubmitQueue(storage, transport).sendInOrder(c, NOW);
    expect(posts.map((p) => p.body)).toEqual([a.body, b.body, c.body]);
    // The new report was queued before anything was sent.
    expect(posts[0]!.queued).toEqual([a.submissionId, b.submissionId, c.submissionId]);
    expect(outcomes.map((o) => [o.kind, o.submissionId])).toEqual([
      ["accepted", a.submissionId],
      ["accepted", b.submissionId],
      ["accepted", c.submissionId],
    ]);
    expect(storage.items).toEqual([]);
  });

  it("sendInOrder replaces a queued copy of the same report and sends it once, after the others", async () => {
    const storage = new MemoryStorage();
    storage.items = [{ ...c, attempts: 3, nextAttemptAt: NOW + 8000, lastError: "offline" }, a];
    const down = new Error("offline");
    const { transport, posts } = scripted(storage, down, down);
    const outcomes = await new SubmitQueue(storage, transport, () => 0).sendInOrder(c, NOW);
    expect(posts.map((p) => p.body)).toEqual([a.body, c.body]);
    expect(outcomes.map((o) => [o.kind, o.submissionId])).toEqual([
      ["queued", a.submissionId],
      ["queued", c.submissionId],
    ]);
    // The fresh copy started again from no attempt: one failure, the first backoff.
    expect(storage.items.map((i) => [i.submissionId, i.attempts, i.nextAttemptAt])).toEqual([
      [a.submissionId, 1, NOW + 500],
      [c.submissionId, 1, NOW + 500],
    ]);
  });
});

function memory(): QueueStorage & { items: QueuedSubmission[] } {
  const store = {
    items: [] as QueuedSubmission[],
    load: () => store.items.map((i) => ({ ...i })),
    save: (items: QueuedSubmission[]) => void (store.items = items.map((i) => ({ ...i }))),
  };
  return store;
}

const item = (id = "11111111-1111-4111-8111-111111111111"): QueuedSubmission => ({
  submissionId: id,
  url: "https://script.google.com/macros/s/X/exec",
  body: "{}",
  attempts: 0,
  nextAttemptAt: 0,
});

/** A transport that answers each post with the next of `answers`, counting the posts. */
function answering(...answers: { status: number; text: string }[]) {
  const transport = {
    posts: 0,
    post: async () => {
      transport.posts++;
      return answers[Math.min(transport.posts, answers.length) - 1]!;
    },
  };
  return transport;
}

const receiptText = JSON.stringify({
  ok: true,
  receipt: { submissionId: item().submissionId, revision: 1, receivedAt: "x", duplicate: false },
});
const SIGN_IN = `<!DOCTYPE html><html><head><title>Google Accounts</title></head><body><form action="https://accounts.google.com/v3/signin/identifier"><h1>Sign in</h1></form></body></html>`;
const errorPage = (message: string) =>
  `<!DOCTYPE html><html><head><title>Error</title></head><body><div><img alt="Google Apps Script"></div><div style="font-family:monospace">${message}</div></body></html>`;

describe("SubmitQueue and answers that are not chitieu/1", () => {
  it.each([
    ["Google's sign-in page", SIGN_IN, /Anyone/u, /Bất kỳ ai/u],
    [
      "Google's error page for the time limit",
      errorPage("Exceeded maximum execution time"),
      /Exceeded maximum execution time/u,
      /hạn mức|giới hạn/u,
    ],
    [
      "Google's error page for a missing doPost",
      errorPage("Script function not found: doPost"),
      /new version|current version/u,
      /phiên bản/u,
    ],
    ["any other page", "<html><body>Xin chào</body></html>", /\/exec/u, /mã truy cập/u],
  ])("holds the report on %s with status 200, saying what to check", async (_, page, en, vi) => {
    const storage = memory();
    const transport = answering({ status: 200, text: page }, { status: 200, text: receiptText });
    const queue = new SubmitQueue(storage, transport, () => 0.5);
    const outcome = await queue.submit(item(), 1000);
    expect(outcome.kind).toBe("held");
    if (outcome.kind !== "held") return;
    expect(outcome.error).not.toMatch(/^HTTP 200$/u);
    expect(outcome.error).toMatch(en);
    expect(outcome.error).toMatch(vi);
    expect(storage.items).toMatchObject([{ held: true, attempts: 1 }]);
    // Not retried on a timer, however late it is.
    expect(await queue.flush(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(transport.posts).toBe(1);
    // The officer sends it again once it is fixed.
    expect((await queue.flush(2000, { force: true }))[0]!.kind).toBe("accepted");
    expect(storage.items).toEqual([]);
  });

  it("holds the report when the tracker is full, with the tracker's own words", async () => {
    const storage = memory();
    const full = JSON.stringify(errorAnswer("tracker-full"));
    const queue = new SubmitQueue(storage, answering({ status: 200, text: full }));
    const outcome = await queue.submit(item(), 0);
    expect(outcome).toMatchObject({ kind: "held", error: expect.stringMatching(/10 triệu ô/u) });
    expect(await queue.flush(Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it("retries what may pass by itself: a 5xx page, a server-error answer, no answer", async () => {
    for (const answer of [
      { status: 503, text: "<html>Service Unavailable</html>" },
      { status: 200, text: JSON.stringify(errorAnswer("server-error")) },
    ]) {
      const storage = memory();
      const outcome = await new SubmitQueue(storage, answering(answer)).submit(item(), 0);
      expect(outcome.kind).toBe("queued");
      expect(storage.items[0]!.held).toBeUndefined();
    }
    const offline = { post: () => Promise.reject(new Error("fetch failed")) };
    expect((await new SubmitQueue(memory(), offline).submit(item(), 0)).kind).toBe("queued");
  });

  it("waits at least a minute for an answer, longer than the web app holds a post", () => {
    expect(SUBMIT_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
  });
});
