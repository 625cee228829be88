// chitieu/1 on the wire: the envelope a client posts, the answers, their HTTP statuses and messages.
import { describe, expect, it } from "vitest";
import {
  Answer,
  Envelope,
  ErrorCode,
  errorAnswer,
  httpStatus,
  MAX_BODY_BYTES,
  PROTOCOL,
  StaleNotice,
  staleNotice,
} from "../../../src/core/wire/protocol.js";

const envelope = {
  protocol: "chitieu/1",
  unit: "STTTT",
  payload: '{"a":1}',
  signature: "ab".repeat(32),
};

describe("constants", () => {
  it("names the protocol and the body limit (1 MB)", () => {
    expect(PROTOCOL).toBe("chitieu/1");
    expect(MAX_BODY_BYTES).toBe(1_000_000);
  });
});

describe("Envelope", () => {
  it("accepts the four fields, a signature in either case", () => {
    expect(Envelope.parse(envelope)).toEqual(envelope);
    expect(Envelope.safeParse({ ...envelope, signature: "AB".repeat(32) }).success).toBe(true);
    expect(Envelope.safeParse({ ...envelope, unit: "X".repeat(64) }).success).toBe(true);
  });

  it.each([
    ["a signature of 63 digits", { signature: "a".repeat(63) }],
    ["a signature of 65 digits", { signature: "a".repeat(65) }],
    ["a signature that is not hex", { signature: "g".repeat(64) }],
    ["a signature with a newline", { signature: `${"a".repeat(64)}\n` }],
  ])("refuses %s, saying what a signature is", (_, over) => {
    const r = Envelope.safeParse({ ...envelope, ...over });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "chữ ký dạng 64 chữ số hex / signature as 64 hex digits",
    ]);
  });

  it.each([
    ["an empty unit", { unit: "" }],
    ["a unit of 65 characters", { unit: "X".repeat(65) }],
    ["a payload that is not a string", { payload: { a: 1 } }],
    ["a protocol that is not a string", { protocol: 1 }],
    ["a field more", { extra: 1 }],
    ["no signature", { signature: undefined }],
  ])("refuses %s", (_, over) => {
    expect(Envelope.safeParse({ ...envelope, ...over }).success).toBe(false);
  });
});

describe("Answer", () => {
  const receipt = { submissionId: "s", revision: 1, receivedAt: "t", duplicate: false };

  it("is a receipt or an error with a known code", () => {
    expect(Answer.parse({ ok: true, receipt })).toEqual({ ok: true, receipt });
    const refused = { ok: false, error: { code: "conflict", message: "m", details: { x: 1 } } };
    expect(Answer.parse(refused)).toEqual(refused);
    expect(Answer.safeParse({ ok: false, error: { code: "conflict", message: "m" } }).success).toBe(
      true,
    );
  });

  it.each([
    ["revision 0", { ok: true, receipt: { ...receipt, revision: 0 } }],
    ["a fractional revision", { ok: true, receipt: { ...receipt, revision: 1.5 } }],
    ["no duplicate flag", { ok: true, receipt: { ...receipt, duplicate: undefined } }],
    ["an unknown error code", { ok: false, error: { code: "teapot", message: "m" } }],
    ["an error without a message", { ok: false, error: { code: "conflict" } }],
    ["ok true with an error", { ok: true, error: { code: "conflict", message: "m" } }],
    ["ok as text", { ok: "true", receipt }],
  ])("refuses %s", (_, answer) => {
    expect(Answer.safeParse(answer).success).toBe(false);
  });
});

describe("httpStatus", () => {
  it("gives each refusal the status the self-hosted tracker sets", () => {
    expect(httpStatus).toEqual({
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
      // A Google Sheet tracker near its 10 million cells: Insufficient Storage.
      "tracker-full": 507,
      "server-error": 500,
      // A read of the figures without a consolidator credential.
      unauthorized: 401,
    });
    expect(Object.keys(httpStatus).sort()).toEqual([...ErrorCode.options].sort());
  });
});

describe("errorAnswer", () => {
  it("answers the code with its message in Vietnamese and English, and no details key without details", () => {
    const a = errorAnswer("bad-signature");
    expect(a).toEqual({
      ok: false,
      error: {
        code: "bad-signature",
        message:
          "Chữ ký không hợp lệ: kiểm tra mã truy cập của đơn vị / Invalid signature: check the unit access code",
      },
    });
    expect(Object.keys(a.ok ? {} : a.error)).toEqual(["code", "message"]);
    expect(errorAnswer("server-error")).toMatchObject({
      error: {
        message: "Lỗi máy chủ, báo cáo chưa được lưu / Server error, the report was not stored",
      },
    });
  });

  it("has a message for every code, Vietnamese then English", () => {
    const messages = ErrorCode.options.map((code) => {
      const a = errorAnswer(code);
      return a.ok ? "" : a.error.message;
    });
    for (const m of messages) expect(m).toMatch(/^\S.* \/ [A-Z].*\S$/u);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it("carries details and a message given in place of the catalogue's", () => {
    expect(errorAnswer("conflict", { submissionId: "x" }, "khác / other")).toEqual({
      ok: false,
      error: { code: "conflict", message: "khác / other", details: { submissionId: "x" } },
    });
    // A falsy detail is still a detail.
    expect(errorAnswer("bad-request", 0)).toMatchObject({ error: { details: 0 } });
  });
});

describe("staleNotice", () => {
  it("tells in Vietnamese and English that the report was stored but does not count, naming the one that does", () => {
    const current = {
      submissionId: "00000000-0000-4000-8000-00000000000a",
      revision: 3,
      submittedAt: "2025-12-01T09:00:00.000+07:00",
    };
    const notice = staleNotice(current);
    expect(StaleNotice.parse(notice)).toEqual(notice);
    expect(notice).toMatchObject({ code: "older-than-current", current });
    const [vi, en] = notice.message.split(" / ");
    expect(vi).toBe(
      "Báo cáo này được lập trước báo cáo đơn vị đã gửi: đã lưu nhưng không thay thế báo cáo đó",
    );
    expect(en).toBe(
      "This report is older than the report you already sent: it was stored but does not replace it",
    );
    // A copy: the notice does not change with the store's record.
    current.revision = 4;
    expect(notice.current.revision).toBe(3);
  });
});
