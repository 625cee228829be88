// The chitieu/1 wire protocol: the envelope a client posts, and the answers both trackers give.
import { z } from "zod";
import type { Issue } from "../check/issues.js";

export const PROTOCOL = "chitieu/1";
/** Larger than any real report (a plan has under 100 indicators); refused before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

export const Envelope = z
  .object({
    protocol: z.string(),
    unit: z.string().min(1).max(64),
    /** The submission as a JSON string, so the signature covers exact bytes. */
    payload: z.string(),
    signature: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/u, "chữ ký dạng 64 chữ số hex / signature as 64 hex digits"),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

/**
 * On a receipt whose report is stored but does not count: the unit already sent a report for the
 * same plan and period signed later (`submittedAt`), and that one stays current. The answer is
 * `ok: true` because the report is kept (nothing is lost, a resend is a duplicate, a queue may drop
 * it); a client tells the officer which report counts instead. Clients that predate this field
 * read an ordinary receipt, as they should: resending would change nothing.
 */
export const StaleNotice = z.object({
  code: z.literal("older-than-current"),
  message: z.string(),
  /** The report that counts. */
  current: z.object({
    submissionId: z.string(),
    revision: z.number().int().positive(),
    submittedAt: z.string(),
  }),
});
export type StaleNotice = z.infer<typeof StaleNotice>;

export const Receipt = z.object({
  submissionId: z.string(),
  /** The order of arrival for the unit, plan and period: 1, 2, 3 … */
  revision: z.number().int().positive(),
  receivedAt: z.string(),
  duplicate: z.boolean(),
  /** Present when the report is older than the one the tracker counts (see StaleNotice). */
  stale: StaleNotice.optional(),
});
export type Receipt = z.infer<typeof Receipt>;

export function staleNotice(current: StaleNotice["current"]): StaleNotice {
  return {
    code: "older-than-current",
    message:
      "Báo cáo này được lập trước báo cáo đơn vị đã gửi: đã lưu nhưng không thay thế báo cáo đó / " +
      "This report is older than the report you already sent: it was stored but does not replace it",
    current: { ...current },
  };
}

export const ErrorCode = z.enum([
  "bad-request",
  "unsupported-protocol",
  "payload-too-large",
  "unknown-unit",
  "bad-signature",
  "invalid-submission",
  "unit-mismatch",
  "unknown-template",
  "template-version",
  "validation-failed",
  "conflict",
  "tracker-full",
  "server-error",
  "unauthorized",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Answer = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), receipt: Receipt }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type Answer = z.infer<typeof Answer>;

/** The HTTP status the self-hosted tracker sets; Apps Script cannot set one and answers 200. */
export const httpStatus: Record<ErrorCode, number> = {
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
  "tracker-full": 507,
  "server-error": 500,
  unauthorized: 401,
};

const errorMessages: Record<ErrorCode, string> = {
  "bad-request": "Yêu cầu không đúng định dạng chitieu/1 / The request is not a chitieu/1 envelope",
  "unsupported-protocol": "Phiên bản giao thức không được hỗ trợ / Unsupported protocol version",
  "payload-too-large": "Báo cáo quá lớn / The report is too large",
  "unknown-unit": "Đơn vị không có trong danh sách của hệ thống / The unit is not on this tracker",
  "bad-signature":
    "Chữ ký không hợp lệ: kiểm tra mã truy cập của đơn vị / Invalid signature: check the unit access code",
  "invalid-submission": "Nội dung báo cáo không hợp lệ / The submission is malformed",
  "unit-mismatch":
    "Đơn vị trong báo cáo khác đơn vị gửi / The submission names another unit than its sender",
  "unknown-template": "Hệ thống không có biểu mẫu này / The tracker has no such template",
  "template-version":
    "Phiên bản biểu mẫu không còn được chấp nhận / The template version is no longer accepted",
  "validation-failed": "Báo cáo còn lỗi, chưa được lưu / The report has errors and was not stored",
  conflict:
    "Mã báo cáo đã dùng cho nội dung khác / This submission id was already used for other content",
  "tracker-full":
    "Bảng tính của tracker đã gần hết chỗ (Google Sheets giữ tối đa 10 triệu ô): báo cáo chưa được lưu, vẫn nằm trong hàng đợi. Hãy báo đơn vị tổng hợp. / The tracker spreadsheet is nearly full (Google Sheets holds at most 10 million cells): the report was not stored and stays queued. Tell the consolidator.",
  "server-error": "Lỗi máy chủ, báo cáo chưa được lưu / Server error, the report was not stored",
  unauthorized:
    "Cần mã của người tổng hợp để xem báo cáo / A consolidator credential is required to read reports",
};

export function errorAnswer(
  code: ErrorCode,
  details?: unknown,
  message = errorMessages[code],
): Answer {
  return { ok: false, error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export type ValidationDetails = { issues: Issue[] };
