// chitieu/1 as the core tracker service answers it: every refusal leaves the store unchanged.
import { describe, expect, it } from "vitest";
import { formatAccessCode, readAccessCode } from "../../../src/core/wire/access-code.js";
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from "../../../src/core/text/bytes.js";
import {
  MAX_BODY_BYTES,
  PROTOCOL,
  Receipt as ReceiptSchema,
} from "../../../src/core/wire/protocol.js";
import { constantTimeEqual, sign, verify } from "../../../src/core/wire/signature.js";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import { toSubmission } from "../../../src/core/check/submission-schema.js";
import { processPost } from "../../../src/core/wire/tracker-service.js";
import { UnitHistory } from "../../../src/core/plan/unit-history.js";
import { MemoryStore } from "../../fakes/memory-store.js";
import { department, now, template, validDraft } from "../../fixtures/template.js";

const KEY = "a".repeat(64);
const code = { url: "http://127.0.0.1:8787/api/submit", unit: "STTTT", key: KEY };
const stamp = (
  id = "00000000-0000-4000-8000-000000000001",
  submittedAt = "2025-12-01T10:00:00.000+07:00",
) => ({ submissionId: id, submittedAt });
const clock = { date: now, iso: "2025-12-01T10:00:00.000+07:00" };

function setup() {
  return new MemoryStore(new Map([["STTTT", { unit: department, key: KEY }]]), [template]);
}
const post = (store: MemoryStore, body: string) => processPost(body, store, clock);
const body = (
  id?: string,
  mutate?: (d: ReturnType<typeof validDraft>) => void,
  submittedAt?: string,
) => {
  const draft = validDraft();
  mutate?.(draft);
  return envelopeFor(toSubmission(draft, stamp(id, submittedAt)), code).body;
};

/** STTTT's envelope around any payload, signed with its key: what a client of any version sends. */
const signed = (payload: object | string) => {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  return JSON.stringify({
    protocol: PROTOCOL,
    unit: "STTTT",
    payload: text,
    signature: sign(text, KEY),
  });
};
const submission = () => toSubmission(validDraft(), stamp());

describe("signatures", () => {
  it("is the HMAC-SHA256 of the exact payload bytes (RFC 4231 test case 2)", () => {
    const key = Array.from(utf8Bytes("Jefe"), (b) => b.toString(16).padStart(2, "0")).join("");
    expect(sign("what do ya want for nothing?", key)).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("verifies only the matching signature, compared in constant time", () => {
    const sig = sign("payload", KEY);
    expect(verify("payload", sig, KEY)).toBe(true);
    expect(verify("payload ", sig, KEY)).toBe(false);
    expect(verify("payload", sig.toUpperCase(), KEY)).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
    expect(constantTimeEqual("abc", "abc")).toBe(true);
  });
});

describe("bytes and access codes", () => {
  it("encodes UTF-8 and base64url without platform helpers", () => {
    const text = "Sở Thông tin và Truyền thông 🇻🇳";
    expect(utf8Text(utf8Bytes(text))).toBe(text);
    expect(Array.from(utf8Bytes("ờ"))).toEqual(Array.from(new TextEncoder().encode("ờ")));
    for (const s of ["", "a", "ab", "abc", "abcd", text]) {
      const b = utf8Bytes(s);
      expect(toBase64Url(b)).toBe(Buffer.from(b).toString("base64url"));
      expect(fromBase64Url(toBase64Url(b))).toEqual(b);
    }
  });

  it("round-trips an access code and refuses a damaged one", () => {
    const text = formatAccessCode(code);
    expect(text.startsWith("chitieu1.")).toBe(true);
    expect(readAccessCode(` ${text}\n`)).toEqual({ ok: true, value: code });
    expect(readAccessCode(text.slice(0, -3))).toMatchObject({
      ok: false,
      error: { kind: "damaged" },
    });
    expect(readAccessCode("chitieu1.!!!")).toMatchObject({ ok: false, error: { kind: "damaged" } });
    expect(readAccessCode(formatAccessCode({ ...code, key: "short" }))).toMatchObject({
      ok: false,
      error: { kind: "bad-key" },
    });
  });
});

describe("processPost", () => {
  it("stores a valid submission and answers its receipt", () => {
    const store = setup();
    const r = post(store, body());
    expect(r).toEqual({
      status: 200,
      answer: {
        ok: true,
        receipt: {
          submissionId: stamp().submissionId,
          revision: 1,
          receivedAt: clock.iso,
          duplicate: false,
        },
      },
    });
    expect(store.records).toHaveLength(1);
  });

  it("is idempotent: the same id and bytes answer the first receipt and store nothing", () => {
    const store = setup();
    const first = post(store, body());
    const again = post(store, body());
    expect(again.answer).toEqual({
      ok: true,
      receipt: { ...(first.answer as { receipt: object }).receipt, duplicate: true },
    });
    expect(store.records).toHaveLength(1);
  });

  it("refuses the same id with other bytes", () => {
    const store = setup();
    post(store, body());
    const r = post(
      store,
      body(undefined, (d) => (d.indicators[2]!.value = 26)),
    );
    expect(r.status).toBe(409);
    expect(r.answer).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(store.records).toHaveLength(1);
  });

  it("a new submission for the same unit and period is a new revision", () => {
    const store = setup();
    post(store, body());
    const r = post(store, body("00000000-0000-4000-8000-000000000002"));
    expect(r.answer).toMatchObject({ ok: true, receipt: { revision: 2 } });
    expect(store.records.map((x) => x.revision)).toEqual([1, 2]);
  });

  it("stores a report signed before the current one, answers that it is older, and keeps the newer current", () => {
    const store = setup();
    const newer = "00000000-0000-4000-8000-00000000000a";
    const older = "00000000-0000-4000-8000-00000000000b";
    post(store, body(newer, undefined, "2025-12-01T09:00:00.000+07:00"));
    const r = post(store, body(older, undefined, "2025-11-30T09:00:00.000+07:00"));
    const stale = {
      code: "older-than-current",
      message: expect.stringContaining("older than the report"),
      current: { submissionId: newer, revision: 1, submittedAt: "2025-12-01T09:00:00.000+07:00" },
    };
    expect(r).toEqual({
      status: 200,
      answer: {
        ok: true,
        receipt: {
          submissionId: older,
          revision: 2,
          receivedAt: clock.iso,
          duplicate: false,
          stale,
        },
      },
    });
    expect(ReceiptSchema.parse((r.answer as { receipt: unknown }).receipt)).toMatchObject({
      stale,
    });
    expect(store.records.map((x) => [x.submission.submissionId, x.revision])).toEqual([
      [newer, 1],
      [older, 2],
    ]);
    // Sent again (the answer was lost): the same receipt, still not current.
    const again = post(store, body(older, undefined, "2025-11-30T09:00:00.000+07:00"));
    expect(again.answer).toMatchObject({
      ok: true,
      receipt: { revision: 2, duplicate: true, stale },
    });
    expect(store.records).toHaveLength(2);
    // A third report signed between the two is older than the current one too.
    const between = post(
      store,
      body("00000000-0000-4000-8000-00000000000c", undefined, "2025-12-01T08:00:00.000+07:00"),
    );
    expect(between.answer).toMatchObject({ ok: true, receipt: { revision: 3, stale } });
  });

  it("a report signed at the same moment as the current one, or later, replaces it", () => {
    const store = setup();
    post(store, body());
    const same = post(store, body("00000000-0000-4000-8000-000000000002"));
    expect(same.answer).toEqual({
      ok: true,
      receipt: expect.not.objectContaining({ stale: expect.anything() }),
    });
    const later = post(
      store,
      body("00000000-0000-4000-8000-000000000003", undefined, "2025-12-01T10:00:01.000+07:00"),
    );
    expect(later.answer).toMatchObject({ ok: true, receipt: { revision: 3 } });
    expect((later.answer as { receipt: object }).receipt).not.toHaveProperty("stale");
    // The first one, resent, is now older than the current report.
    expect(post(store, body()).answer).toMatchObject({
      receipt: {
        duplicate: true,
        stale: { current: { submissionId: "00000000-0000-4000-8000-000000000003", revision: 3 } },
      },
    });
  });

  it("refuses a report signed more than a day ahead of the tracker's clock, which would never be replaced", () => {
    const store = setup();
    const r = post(store, body(undefined, undefined, "2025-12-02T10:00:01.000+07:00"));
    expect(r.status).toBe(422);
    expect(r.answer).toMatchObject({
      ok: false,
      error: {
        code: "validation-failed",
        details: { issues: [expect.objectContaining({ code: "submitted-in-future" })] },
      },
    });
    expect(store.records).toEqual([]);
    // A clock a few hours fast is accepted.
    expect(post(store, body(undefined, undefined, "2025-12-01T16:00:00.000+07:00")).answer.ok).toBe(
      true,
    );
  });

  const refusals: [string, (b: string) => string, string, number][] = [
    ["malformed JSON", (b) => b.slice(0, -1), "bad-request", 400],
    [
      "a missing signature",
      (b) => JSON.stringify({ ...JSON.parse(b), signature: undefined }),
      "bad-request",
      400,
    ],
    [
      "another protocol",
      (b) => JSON.stringify({ ...JSON.parse(b), protocol: "chitieu/2" }),
      "unsupported-protocol",
      400,
    ],
    [
      "an unknown unit",
      (b) => JSON.stringify({ ...JSON.parse(b), unit: "XYZ" }),
      "unknown-unit",
      403,
    ],
    [
      "a forged signature",
      (b) =>
        JSON.stringify({
          ...JSON.parse(b),
          signature: sign(JSON.parse(b).payload, "b".repeat(64)),
        }),
      "bad-signature",
      401,
    ],
    [
      "a payload changed after signing",
      (b) => {
        const e = JSON.parse(b);
        return JSON.stringify({ ...e, payload: e.payload.replace('"value":25', '"value":99') });
      },
      "bad-signature",
      401,
    ],
  ];
  it.each(refusals)(
    "refuses %s with its code and status, store unchanged",
    (_name, damage, errorCode, status) => {
      const store = setup();
      const r = post(store, damage(body()));
      expect(r.status).toBe(status);
      expect(r.answer).toMatchObject({ ok: false, error: { code: errorCode } });
      expect(store.records).toEqual([]);
    },
  );

  it.each([
    ["a payload that is not JSON", () => signed("{not json"), "invalid-submission", 400],
    [
      "a payload missing fields",
      () => signed({ ...submission(), period: undefined }),
      "invalid-submission",
      400,
    ],
    [
      "a payload for another unit",
      () => signed({ ...submission(), unit: "SYT" }),
      "unit-mismatch",
      400,
    ],
    ["an unknown plan", () => signed({ ...submission(), planId: "khac" }), "unknown-template", 422],
    [
      "a template version no longer accepted",
      () => signed({ ...submission(), templateVersion: 2 }),
      "template-version",
      409,
    ],
  ] as const)("refuses %s, store unchanged", (_name, make, errorCode, status) => {
    const store = setup();
    const r = post(store, make());
    expect([r.status, r.answer.ok ? "" : r.answer.error.code]).toEqual([status, errorCode]);
    expect(store.records).toEqual([]);
  });

  it("refuses a report with validation errors, naming each issue", () => {
    const store = setup();
    const r = post(
      store,
      body(undefined, (d) => (d.indicators[0]!.numerator = 150)),
    );
    expect(r.status).toBe(422);
    const details = (
      r.answer as { error: { details: { issues: { code: string; location: object }[] } } }
    ).error.details;
    expect(details.issues[0]).toMatchObject({
      code: "numerator-exceeds-denominator",
      location: { indicatorId: "CQ-01", field: "numerator" },
    });
    expect(store.records).toEqual([]);
  });

  it("accepts a report whose only issues are warnings", () => {
    const store = setup();
    // NV-01 is past its June deadline and still in progress: a warning, not an error.
    const r = post(
      store,
      body(undefined, (d) => (d.tasks[0] = { taskId: "NV-01", status: "in-progress" })),
    );
    expect(r.answer.ok).toBe(true);
  });

  it("refuses an oversized body before parsing it", () => {
    const store = setup();
    const r = post(store, `{"protocol":"chitieu/1","pad":"${"x".repeat(MAX_BODY_BYTES)}"}`);
    expect([r.status, r.answer.ok ? "" : r.answer.error.code]).toEqual([413, "payload-too-large"]);
    // Multi-byte characters count as the bytes they are.
    const r2 = post(store, `"${"ờ".repeat(MAX_BODY_BYTES / 3 + 10)}"`);
    expect(r2.status).toBe(413);
  });
});

describe("processPost at its limits", () => {
  /** The body padded with JSON whitespace to exactly `bytes` UTF-8 bytes. */
  const padTo = (b: string, bytes: number) => b + " ".repeat(bytes - utf8Bytes(b).length);

  it("accepts a body of exactly MAX_BODY_BYTES bytes, counted as characters or as UTF-8", () => {
    const ascii = padTo(
      body(undefined, (d) => (d.indicators[3]!.evidence = "QD 123/QD-UBND")),
      MAX_BODY_BYTES,
    );
    expect([ascii.length, utf8Bytes(ascii).length]).toEqual([MAX_BODY_BYTES, MAX_BODY_BYTES]);
    expect(post(setup(), ascii).answer).toMatchObject({ ok: true, receipt: { revision: 1 } });
    // "QĐ 123/QĐ-UBND": each Đ is one character and two bytes, so the text is two characters short.
    const vietnamese = padTo(body(), MAX_BODY_BYTES);
    expect(vietnamese.length).toBe(MAX_BODY_BYTES - 2);
    expect(post(setup(), vietnamese).answer).toMatchObject({ ok: true, receipt: { revision: 1 } });
    // One byte more is too large.
    expect(post(setup(), `${vietnamese} `).status).toBe(413);
  });

  it("accepts a report signed exactly one day ahead of the tracker's clock", () => {
    const r = post(setup(), body(undefined, undefined, "2025-12-02T10:00:00.000+07:00"));
    expect(r.answer).toMatchObject({ ok: true, receipt: { revision: 1, duplicate: false } });
  });

  it("names the stamp and both times when a report is signed too far ahead", () => {
    const r = post(setup(), body(undefined, undefined, "2025-12-02T10:00:01.000+07:00"));
    expect(r.answer).toMatchObject({
      ok: false,
      error: {
        code: "validation-failed",
        details: {
          issues: [
            {
              code: "submitted-in-future",
              severity: "error",
              location: { field: "submittedAt" },
              message: {
                vi: expect.stringContaining("2025-12-02T10:00:01.000+07:00"),
                en: expect.stringContaining("2025-12-01T10:00:00.000+07:00"),
              },
            },
          ],
        },
      },
    });
  });

  it("lists only the report's own issues when its stamp is in time", () => {
    const r = post(
      setup(),
      body(undefined, (d) => (d.indicators[0]!.numerator = 150)),
    );
    const details = (r.answer as { error: { details: { issues: { code: string }[] } } }).error
      .details;
    expect(details.issues.map((i) => i.code)).toEqual(["numerator-exceeds-denominator"]);
  });
});

describe("processPost and the unit list's history", () => {
  // STTTT merged into SKHCN on 1 July 2025, so the 2025 report is SKHCN's to make.
  const ended = { ...department, validTo: "2025-06-30" };
  const heir = {
    code: "SKHCN",
    name: "Sở Khoa học và Công nghệ",
    kind: "department",
    level: "province",
    validFrom: "2025-07-01",
  } as const;
  const merged = new UnitHistory(
    [ended, heir],
    [{ from: "STTTT", to: "SKHCN", effective: "2025-07-01", basis: "Nghị quyết 01/2025" }],
  );
  class HistoryStore extends MemoryStore {
    reads = 0;
    unitHistory() {
      this.reads++;
      return merged;
    }
  }
  const units = () => new Map([["STTTT", { unit: ended, key: KEY }]]);

  it("refuses a report from a unit that has ended, naming the unit that reports in its place", () => {
    const store = new HistoryStore(units(), [template]);
    const r = post(store, body());
    expect(r.status).toBe(422);
    expect(r.answer).toMatchObject({
      ok: false,
      error: {
        code: "validation-failed",
        details: {
          issues: [
            {
              code: "unit-succeeded",
              location: { field: "period" },
              message: { vi: expect.stringContaining("Sở Khoa học và Công nghệ (SKHCN)") },
            },
          ],
        },
      },
    });
    expect(store.reads).toBe(1);
    expect(store.records).toEqual([]);
  });

  it("refuses a report from a unit that has ended on a tracker that keeps no history", () => {
    const store = new MemoryStore(units(), [template]);
    const r = post(store, body());
    expect(r.answer).toMatchObject({
      ok: false,
      error: {
        code: "validation-failed",
        details: { issues: [{ code: "unit-ceased", location: { field: "period" } }] },
      },
    });
    expect(store.records).toEqual([]);
  });
});

describe("processPost's refusals say what was wrong", () => {
  const envelope = () => JSON.parse(body()) as Record<string, string>;

  it.each<[string, () => string, string, unknown]>([
    [
      "an oversized body",
      () => " ".repeat(MAX_BODY_BYTES + 1),
      "payload-too-large",
      { limit: 1_000_000 },
    ],
    ["malformed JSON", () => "{", "bad-request", { reason: "JSON không hợp lệ / malformed JSON" }],
    [
      "a signature that is not hex",
      () => JSON.stringify({ ...envelope(), signature: "xyz" }),
      "bad-request",
      { issues: ["signature: chữ ký dạng 64 chữ số hex / signature as 64 hex digits"] },
    ],
    [
      "another protocol",
      () => JSON.stringify({ ...envelope(), protocol: "chitieu/2" }),
      "unsupported-protocol",
      { expected: "chitieu/1", found: "chitieu/2" },
    ],
    [
      "an unknown unit",
      () => JSON.stringify({ ...envelope(), unit: "XYZ" }),
      "unknown-unit",
      { unit: "XYZ" },
    ],
    [
      "a payload that is not JSON",
      () => signed("{not json"),
      "invalid-submission",
      { reason: "payload không phải JSON / payload is not JSON" },
    ],
    [
      "a payload for another unit",
      () => signed({ ...submission(), unit: "SYT" }),
      "unit-mismatch",
      { envelope: "STTTT", payload: "SYT" },
    ],
    [
      "an unknown plan",
      () => signed({ ...submission(), planId: "khac" }),
      "unknown-template",
      { planId: "khac" },
    ],
    [
      "a template version no longer accepted",
      () => signed({ ...submission(), templateVersion: 2 }),
      "template-version",
      { accepted: 3, found: 2 },
    ],
  ])("refuses %s with details naming it", (_name, make, errorCode, details) => {
    const r = post(setup(), make());
    expect(r.answer).toEqual({
      ok: false,
      error: { code: errorCode, message: expect.any(String), details },
    });
  });

  it("names the path of each field a payload gets wrong", () => {
    const s = submission();
    const wrong = { ...s, indicators: [{ ...s.indicators[0], numerator: "85" }] };
    const r = post(setup(), signed(wrong));
    expect(r.answer).toMatchObject({ ok: false, error: { code: "invalid-submission" } });
    const issues = (r.answer as { error: { details: { issues: string[] } } }).error.details.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^indicators\.0\.numerator: \S/u);
  });

  it("names the submission id whose bytes changed", () => {
    const store = setup();
    post(store, body());
    const r = post(
      store,
      body(undefined, (d) => (d.indicators[2]!.value = 26)),
    );
    expect(r.answer).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        details: { submissionId: "00000000-0000-4000-8000-000000000001" },
      },
    });
  });
});
