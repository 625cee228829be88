// The client side of chitieu/1: what it makes of each kind of answer. An answer that is not chitieu/1
// (Google's sign-in or error page, with status 200) is no receipt and no reason to retry forever:
// the report stays queued, held for the officer, with what to check.
import { describe, expect, it } from "vitest";
import { errorAnswer } from "../../../src/core/wire/protocol.js";
import {
  SUBMIT_TIMEOUT_MS,
  SubmitQueue,
  type QueuedSubmission,
  type QueueStorage,
} from "../../../src/core/wire/submit-client.js";

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

const receipt = JSON.stringify({
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
    const transport = answering({ status: 200, text: page }, { status: 200, text: receipt });
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
