// What the add-in tells the officer about Excel, the network and its own state (not about the
// figures: those are core's issues), in the catalogue's shape: Vietnamese with English alongside.
import type { Words, WordsOf } from "../core/check/messages.js";

export type Notice = Words;

export const notices = {
  cellEdit: {
    vi: "Excel đang ở chế độ sửa ô: hãy bấm Enter (hoặc Esc) để rời ô đang gõ, rồi thử lại.",
    en: "Excel is editing a cell: press Enter (or Esc) to leave the cell you are typing in, then try again.",
  },
  noAccessCode: {
    vi: "Chưa có mã truy cập: bấm “Mở bảng chỉ tiêu” và dán mã do đơn vị tổng hợp cấp, rồi kiểm tra lại.",
    en: "No access code yet: select “Open indicators pane”, paste the code the consolidating department gave you, then check again.",
  },
  noTemplate: {
    vi: "Chưa tải được biểu mẫu của trang này (không kết nối được hệ thống theo dõi và máy chưa lưu sẵn biểu mẫu). Kiểm tra mạng rồi thử lại.",
    en: "The template of this sheet could not be loaded (the tracker cannot be reached and it was never stored on this computer). Check the network and try again.",
  },
  notAReport: {
    vi: "Trang tính đang mở không phải trang báo cáo chỉ tiêu. Hãy chọn trang báo cáo (tên có dạng “2025 can-tho-2256”) hoặc tải biểu mẫu trong “Mở bảng chỉ tiêu”.",
    en: "The open sheet is not an indicator report. Select the report sheet (named like “2025 can-tho-2256”) or load the template from “Open indicators pane”.",
  },
  receiptKept: {
    vi: "Biên nhận đã được lưu trong add-in và sẽ được ghi vào trang “Nhật ký gửi” ở lần kết nối sau.",
    en: "The receipt is kept in the add-in and will be written to the “Nhật ký gửi” sheet next time.",
  },
  insecureTracker: {
    vi: "Mã này trỏ tới hệ thống theo dõi qua http:// (không mã hoá). Add-in chạy qua https nên Excel sẽ chặn mọi kết nối tới địa chỉ đó. Hãy xin đơn vị tổng hợp mã mới có địa chỉ https://.",
    en: "This code points at a tracker over http:// (unencrypted). The add-in runs over https, so Excel blocks every request to that address. Ask the consolidating department for a new code with an https:// address.",
  },
  trackerSilent: {
    vi: "Hệ thống theo dõi không trả lời kịp (mạng chậm hoặc mất kết nối).",
    en: "The tracker did not answer in time (slow or broken network).",
  },
} satisfies Record<string, Notice>;

/** The one-line summary a check writes into the sheet (in Vietnamese, the sheet's language). */
export const summaryWords = {
  checkedAt: {
    vi: (p) => `Kiểm tra lúc ${p.time}`,
    en: (p) => `Checked at ${p.time}`,
  } satisfies WordsOf<{ time: string }>,
  clean: { vi: () => "không có lỗi", en: () => "no errors" } satisfies WordsOf<object>,
  counted: {
    vi: (p) => `${p.errors} lỗi, ${p.warnings} cảnh báo`,
    en: (p) => `${p.errors} error(s), ${p.warnings} warning(s)`,
  } satisfies WordsOf<{ errors: number; warnings: number }>,
  sent: {
    vi: (p) => `Đã gửi, lần nộp ${p.revision}`,
    en: (p) => `Sent, submission ${p.revision}`,
  } satisfies WordsOf<{ revision: number }>,
  refused: {
    vi: (p) => `Bị từ chối (${p.code})`,
    en: (p) => `Refused (${p.code})`,
  } satisfies WordsOf<{ code: string }>,
  queued: {
    vi: () => "Chưa gửi được, đang chờ gửi lại",
    en: () => "Not sent yet, queued to be sent again",
  } satisfies WordsOf<object>,
};

/** An error that carries its notice, so whoever catches it can show both languages or one. */
export class NoticeError extends Error {
  constructor(readonly notice: Notice) {
    super(`${notice.vi} / ${notice.en}`);
    this.name = "NoticeError";
  }
}

/** The notice of any thrown value: a NoticeError's own, or the error's text in both places. */
export function noticeOf(err: unknown): Notice {
  if (err instanceof NoticeError) return err.notice;
  const text = err instanceof Error ? err.message : String(err);
  return { vi: text, en: text };
}
