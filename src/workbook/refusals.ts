// Why a workbook file cannot be checked at all, in Vietnamese with English alongside: what it is, and
// what the officer does about it. The page and the CLI show these texts; they never write their own.
import type { Params } from "../core/check/messages.js";

interface RefusalSpec {
  vi: (p: Params) => string;
  en: (p: Params) => string;
}

export const refusalCatalogue = {
  empty: {
    vi: () => "Tệp rỗng (0 byte). Hãy chọn tệp báo cáo .xlsx đã điền.",
    en: () => "The file is empty (0 bytes). Choose the filled .xlsx report.",
  },
  "too-large": {
    vi: (p) =>
      `Tệp quá lớn (${p.size} MB, tối đa ${p.max} MB). Một báo cáo chỉ nặng vài chục KB: hãy kiểm tra lại đã chọn đúng tệp.`,
    en: (p) =>
      `The file is too large (${p.size} MB, at most ${p.max} MB). A report weighs a few tens of KB: check that this is the right file.`,
  },
  "too-large-unzipped": {
    vi: (p) =>
      `Nội dung tệp quá lớn khi giải nén (${p.size} MB, tối đa ${p.max} MB). Hãy dùng lại biểu mẫu gốc và chỉ điền vào các ô nền vàng.`,
    en: (p) =>
      `The file unpacks to too much (${p.size} MB, at most ${p.max} MB). Start again from the template and fill only the yellow cells.`,
  },
  xls: {
    vi: () =>
      "Đây là tệp .xls (Excel 97–2003), không phải .xlsx. Hãy mở tệp, chọn Lưu thành (Save As) › Excel Workbook (.xlsx), rồi chọn lại tệp mới.",
    en: () =>
      "This is an .xls file (Excel 97–2003), not an .xlsx. Open it, Save As › Excel Workbook (.xlsx), then choose the new file.",
  },
  ods: {
    vi: () =>
      "Đây là tệp .ods (LibreOffice, OpenOffice), không phải .xlsx. Hãy mở tệp, chọn Lưu thành (Save As) › Excel 2007-365 (.xlsx) và giữ định dạng này, rồi chọn lại tệp mới.",
    en: () =>
      "This is an .ods file (LibreOffice, OpenOffice), not an .xlsx. Open it, Save As › Excel 2007-365 (.xlsx), keep that format, then choose the new file.",
  },
  encrypted: {
    vi: () =>
      "Tệp được đặt mật khẩu mở nên không đọc được. Hãy mở tệp, bỏ mật khẩu (Excel: Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chọn lại.",
    en: () =>
      "The file is protected with a password to open, so it cannot be read. Open it, remove the password (Excel: File › Info › Protect Workbook › Encrypt with Password, clear it), save, and choose it again.",
  },
  "not-xlsx": {
    vi: () =>
      "Không phải tệp Excel .xlsx. Hãy chọn tệp báo cáo .xlsx đã điền (nếu tệp ở định dạng khác, mở tệp và Lưu thành .xlsx).",
    en: () =>
      "Not an Excel .xlsx file. Choose the filled .xlsx report (if it is in another format, open it and save it as .xlsx).",
  },
  unreadable: {
    vi: (p) =>
      `Tệp .xlsx bị hỏng, không đọc được (${p.reason}). Hãy mở và lưu lại tệp trong Excel.`,
    en: (p) =>
      `The .xlsx file is damaged and cannot be read (${p.reason}). Open it and save it again in Excel.`,
  },
  "no-sheet": {
    vi: () => "Tệp không có trang tính nào.",
    en: () => "The workbook has no sheet.",
  },
  "unknown-template": {
    vi: (p) =>
      `Hệ thống không có biểu mẫu "${p.id}" của tệp này. Hãy tải biểu mẫu đúng kế hoạch từ đơn vị tổng hợp.`,
    en: (p) =>
      `The tracker has no template "${p.id}", the one this file was made from. Get the template of the right plan from the consolidating department.`,
  },
} satisfies Record<string, RefusalSpec>;

export type RefusalCode = keyof typeof refusalCatalogue;

export interface Refusal {
  code: RefusalCode;
  message: { vi: string; en: string };
}

export function refusal(code: RefusalCode, params: Params = {}): Refusal {
  const spec: RefusalSpec = refusalCatalogue[code];
  return { code, message: { vi: spec.vi(params), en: spec.en(params) } };
}
