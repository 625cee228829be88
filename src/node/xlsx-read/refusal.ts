// Why a report file is not read, in Vietnamese with English alongside, and the limits that decide
// it. No Node API here: the same reading will run in a web page.

export const workbookLimits = {
  /** The file: a report is some 30 KB; room for pasted pictures, none for a disk image. */
  fileBytes: 20 << 20,
  /** Parts in the zip: a report has about ten, a workbook with charts and pictures some hundreds. */
  parts: 5000,
  /** One part inflated: the report sheet, its shared strings (4,000-character notes) or styles. */
  partBytes: 32 << 20,
  /** Every part read, together. */
  totalBytes: 64 << 20,
};
export type WorkbookLimits = typeof workbookLimits;

export type RefusalCode =
  | "not-a-file"
  | "unreadable"
  | "too-large"
  | "too-many-parts"
  | "part-too-large"
  | "password"
  | "old-format"
  | "not-xlsx"
  | "damaged"
  | "no-sheet";

const mb = (bytes: number) => `${Math.ceil(bytes / (1 << 20))} MB`;

/** Each refusal's text, as the message catalogue shapes it. */
export const refusals = {
  "not-a-file": (what: { vi: string; en: string }) => ({
    vi: `Không phải tệp thông thường mà là ${what.vi}: hãy chọn tệp .xlsx`,
    en: `not a regular file but ${what.en}: choose an .xlsx file`,
  }),
  unreadable: (reason: string) => ({
    vi: `không mở được tệp (${reason})`,
    en: `cannot open the file (${reason})`,
  }),
  "too-large": (size: number, limit: number) => ({
    vi: `Tệp quá lớn (${mb(size)}, tối đa ${mb(limit)}): báo cáo chỉ cần vài chục KB`,
    en: `the file is too large (${mb(size)}, at most ${mb(limit)}): a report takes some tens of KB`,
  }),
  "too-many-parts": (count: number, limit: number) => ({
    vi: `Tệp .xlsx có ${count} phần, nhiều hơn ${limit}: không phải báo cáo`,
    en: `the .xlsx holds ${count} parts, more than ${limit}: not a report`,
  }),
  "part-too-large": (part: string, size: number, limit: number) => ({
    vi: `Phần ${part} của tệp .xlsx quá lớn khi giải nén (${mb(size)}, tối đa ${mb(limit)})`,
    en: `part ${part} of the .xlsx is too large unpacked (${mb(size)}, at most ${mb(limit)})`,
  }),
  "total-too-large": (size: number, limit: number) => ({
    vi: `Các phần cần đọc của tệp .xlsx quá lớn khi giải nén (${mb(size)}, tối đa ${mb(limit)})`,
    en: `the parts of the .xlsx to read are too large unpacked (${mb(size)}, at most ${mb(limit)})`,
  }),
  password: () => ({
    vi: "Tệp có mật khẩu: hãy gỡ mật khẩu và lưu lại",
    en: "this file is password-protected: remove the password and save again",
  }),
  "old-format": (kind: string) => ({
    vi: `Đây là tệp ${kind}, không phải .xlsx: hãy mở và lưu thành .xlsx (Sổ làm việc Excel)`,
    en: `this is an ${kind} file, not .xlsx: open it and save as .xlsx (Excel Workbook)`,
  }),
  "not-xlsx": (reason: { vi: string; en: string }) => ({
    vi: `không đọc được tệp .xlsx: ${reason.vi}`,
    en: `cannot read the .xlsx: ${reason.en}`,
  }),
  damaged: (reason: string) => ({
    vi: `Tệp .xlsx bị hỏng (${reason}): hãy mở trong Excel và lưu lại`,
    en: `the .xlsx is damaged (${reason}): open it in Excel and save it again`,
  }),
  "no-sheet": () => ({
    vi: "Tệp .xlsx không có trang tính nào",
    en: "the workbook has no sheet",
  }),
};

/** A file refused as a report; `message` is "vi / en", ready to print. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly text: { vi: string; en: string },
  ) {
    super(`${text.vi} / ${text.en}`);
  }
}
