// What the chitieu/1 answers say to the officer, in the catalogue's shape; on the wire each is one
// line, Vietnamese then English, so clients that predate a message still show it whole.
import type { Words } from "../check/messages.js";

/** The message of each error answer, by its code. */
export const answerMessages = {
  "bad-request": {
    vi: "Yêu cầu không đúng định dạng chitieu/1",
    en: "The request is not a chitieu/1 envelope",
  },
  "unsupported-protocol": {
    vi: "Phiên bản giao thức không được hỗ trợ",
    en: "Unsupported protocol version",
  },
  "payload-too-large": { vi: "Báo cáo quá lớn", en: "The report is too large" },
  "unknown-unit": {
    vi: "Đơn vị không có trong danh sách của hệ thống",
    en: "The unit is not on this tracker",
  },
  "bad-signature": {
    vi: "Chữ ký không hợp lệ: kiểm tra mã truy cập của đơn vị",
    en: "Invalid signature: check the unit access code",
  },
  "invalid-submission": {
    vi: "Nội dung báo cáo không hợp lệ",
    en: "The submission is malformed",
  },
  "unit-mismatch": {
    vi: "Đơn vị trong báo cáo khác đơn vị gửi",
    en: "The submission names another unit than its sender",
  },
  "unknown-template": {
    vi: "Hệ thống không có biểu mẫu này",
    en: "The tracker has no such template",
  },
  "template-version": {
    vi: "Phiên bản biểu mẫu không còn được chấp nhận",
    en: "The template version is no longer accepted",
  },
  "validation-failed": {
    vi: "Báo cáo còn lỗi, chưa được lưu",
    en: "The report has errors and was not stored",
  },
  conflict: {
    vi: "Mã báo cáo đã dùng cho nội dung khác",
    en: "This submission id was already used for other content",
  },
  "tracker-full": {
    vi: "Bảng tính của tracker đã gần hết chỗ (Google Sheets giữ tối đa 10 triệu ô): báo cáo chưa được lưu, vẫn nằm trong hàng đợi. Hãy báo đơn vị tổng hợp.",
    en: "The tracker spreadsheet is nearly full (Google Sheets holds at most 10 million cells): the report was not stored and stays queued. Tell the consolidator.",
  },
  "server-error": {
    vi: "Lỗi máy chủ, báo cáo chưa được lưu",
    en: "Server error, the report was not stored",
  },
  unauthorized: {
    vi: "Cần mã của người tổng hợp để xem báo cáo",
    en: "A consolidator credential is required to read reports",
  },
} satisfies Record<string, Words>;

/** The other words of the protocol: a receipt's notice and the details of a refusal. */
export const protocolWords = {
  olderThanCurrent: {
    vi: "Báo cáo này được lập trước báo cáo đơn vị đã gửi: đã lưu nhưng không thay thế báo cáo đó",
    en: "This report is older than the report you already sent: it was stored but does not replace it",
  },
  signatureFormat: { vi: "chữ ký dạng 64 chữ số hex", en: "signature as 64 hex digits" },
  malformedJson: { vi: "JSON không hợp lệ", en: "malformed JSON" },
  payloadNotJson: { vi: "payload không phải JSON", en: "payload is not JSON" },
} satisfies Record<string, Words>;
