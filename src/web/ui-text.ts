// The page's own words, each as {vi, en}: Vietnamese first, English on the switch. Issue messages
// and file refusals come from core's and the workbook reader's catalogues, never from here.
export type Lang = "vi" | "en";

type Text = { vi: string; en: string };
type TextOf<A extends unknown[]> = { vi: (...a: A) => string; en: (...a: A) => string };

export const text = {
  title: { vi: "Kiểm tra và nộp báo cáo chỉ tiêu", en: "Check and submit an indicator report" },
  language: { vi: "English", en: "Tiếng Việt" },
  offline: { vi: "Đang ngoại tuyến", en: "Offline" },
  codeHeading: { vi: "Mã truy cập của đơn vị", en: "Unit access code" },
  codeHelp: {
    vi: "Dán mã do đơn vị tổng hợp cấp (bắt đầu bằng chitieu1.). Mã chỉ được lưu trong trình duyệt này.",
    en: "Paste the code the consolidating department gave you (it starts with chitieu1.). It is kept in this browser only.",
  },
  saveCode: { vi: "Lưu mã", en: "Save code" },
  storedCodeUnreadable: {
    vi: (why: string) =>
      `Mã truy cập đã lưu trong trình duyệt này không còn đọc được, nên chưa dùng: ${why}`,
    en: (why: string) =>
      `The access code kept in this browser no longer reads, so it is not used: ${why}`,
  },
  unit: { vi: "Đơn vị", en: "Unit" },
  changeCode: { vi: "Đổi mã", en: "Change code" },
  fileHeading: { vi: "Tệp báo cáo", en: "Report file" },
  drop: {
    vi: "Kéo thả tệp .xlsx đã điền vào đây, hoặc bấm để chọn tệp",
    en: "Drop the filled .xlsx here, or click to choose it",
  },
  fileStays: {
    vi: "Tệp được kiểm tra ngay trên máy này, không gửi đi đâu; chỉ báo cáo đã ký được gửi.",
    en: "The file is checked on this computer and goes nowhere; only the signed report is sent.",
  },
  reading: { vi: "Đang đọc và kiểm tra tệp…", en: "Reading and checking the file…" },
  sending: { vi: "Đang gửi…", en: "Sending…" },
  plan: { vi: "Kế hoạch", en: "Plan" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  clean: {
    vi: "Không có lỗi. Có thể gửi báo cáo.",
    en: "No problems. The report can be submitted.",
  },
  found: {
    vi: (e: number, w: number) => `${e} lỗi, ${w} cảnh báo. Bấm vào từng mục để xem ô cần sửa.`,
    en: (e: number, w: number) => `${e} error(s), ${w} warning(s). Click an item to see its cell.`,
  },
  onlyWarnings: {
    vi: (w: number) => `${w} cảnh báo, không có lỗi. Có thể gửi báo cáo.`,
    en: (w: number) => `${w} warning(s), no errors. The report can be submitted.`,
  },
  fixAndReload: {
    vi: "Sửa trong Excel, lưu tệp, rồi chọn lại tệp để kiểm tra lại.",
    en: "Fix it in Excel, save the file, and choose it again to check again.",
  },
  otherUnit: {
    vi: (file: string, code: string) =>
      `Tệp là báo cáo của đơn vị ${file}, nhưng mã truy cập là của đơn vị ${code}. Hãy chọn đúng tệp của đơn vị mình.`,
    en: (file: string, code: string) =>
      `The file is the report of unit ${file}, but the access code is unit ${code}'s. Choose your own unit's file.`,
  },
  otherPeriod: {
    vi: (file: string, wanted: string) =>
      `Tệp là báo cáo kỳ ${file}, nhưng đơn vị tổng hợp đang thu kỳ ${wanted}. Hãy tải biểu mẫu kỳ ${wanted}.`,
    en: (file: string, wanted: string) =>
      `The file reports period ${file}, but the consolidating department is collecting ${wanted}. Get the ${wanted} template.`,
  },
  otherPlan: {
    vi: (file: string, wanted: string) =>
      `Tệp thuộc kế hoạch "${file}", nhưng đơn vị tổng hợp đang thu kế hoạch "${wanted}".`,
    en: (file: string, wanted: string) =>
      `The file belongs to plan "${file}", but the consolidating department is collecting plan "${wanted}".`,
  },
  needCode: {
    vi: "Dán mã truy cập của đơn vị để gửi báo cáo.",
    en: "Paste the unit's access code to submit the report.",
  },
  noTemplateOffline: {
    vi: "Chưa có biểu mẫu của tệp này trên máy (lần đầu cần có mạng). Hãy kết nối mạng rồi chọn lại tệp.",
    en: "This file's template is not on this computer yet (the first time needs the network). Connect and choose the file again.",
  },
  tooSlow: {
    vi: "Tệp quá phức tạp để kiểm tra trong trình duyệt (quá thời gian). Hãy dùng lại biểu mẫu gốc và chỉ điền vào các ô nền vàng.",
    en: "The file is too complex to check in the browser (it took too long). Start again from the template and fill only the yellow cells.",
  },
  workerFailed: {
    vi: (reason: string) => `Không kiểm tra được tệp: ${reason}`,
    en: (reason: string) => `The file could not be checked: ${reason}`,
  },
  submit: { vi: "Gửi báo cáo", en: "Submit report" },
  accepted: {
    vi: (rev: number) => `Đã gửi thành công (lần nộp ${rev}).`,
    en: (rev: number) => `Submitted (revision ${rev}).`,
  },
  duplicate: {
    vi: "Báo cáo này đã được nhận trước đó; biên nhận bên dưới là biên nhận lần đầu.",
    en: "This report had already been received; the receipt below is the first one.",
  },
  refused: {
    vi: (msg: string) => `Hệ thống từ chối báo cáo, chưa lưu gì: ${msg}`,
    en: (msg: string) => `The tracker refused the report and stored nothing: ${msg}`,
  },
  queued: {
    vi: "Chưa gửi được (mất mạng?). Báo cáo đã được xếp hàng trong trình duyệt này và sẽ tự gửi khi có mạng.",
    en: "Not sent (offline?). The report is queued in this browser and will be sent when the connection returns.",
  },
  outboxHeading: { vi: "Báo cáo chờ gửi", en: "Reports waiting to be sent" },
  outboxItem: {
    vi: (unit: string, plan: string, period: string, tries: number) =>
      `${unit} · ${plan} · kỳ ${period} · đã thử ${tries} lần`,
    en: (unit: string, plan: string, period: string, tries: number) =>
      `${unit} · ${plan} · period ${period} · ${tries} attempt(s)`,
  },
  retry: { vi: "Gửi lại ngay", en: "Retry now" },
  receiptHeading: { vi: "Biên nhận nộp báo cáo", en: "Submission receipt" },
  receiptSubmission: { vi: "Mã báo cáo", en: "Submission id" },
  receiptRevision: { vi: "Lần nộp", en: "Revision" },
  receiptReceivedAt: { vi: "Hệ thống nhận lúc", en: "Received at" },
  receiptFingerprint: { vi: "Dấu vân nội dung (SHA-256)", en: "Content fingerprint (SHA-256)" },
  receiptTracker: { vi: "Hệ thống theo dõi", en: "Tracker" },
  print: { vi: "In / lưu PDF", en: "Print / save as PDF" },
  sheetHeading: { vi: "Trang báo cáo (chỉ xem)", en: "Report sheet (read-only)" },
} satisfies Record<string, Text | TextOf<never[]>>;

export type PageText = typeof text;
