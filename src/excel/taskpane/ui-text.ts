// The task pane's own words, Vietnamese first with an English switch. Issue messages come from core.
export type Lang = "vi" | "en";

export const uiText = {
  vi: {
    title: "Chỉ tiêu chuyển đổi số",
    codeHeading: "Mã truy cập của đơn vị",
    codeHelp:
      "Dán mã do đơn vị tổng hợp cấp (bắt đầu bằng chitieu1.). Mã được lưu trong add-in, không lưu vào sổ tính.",
    saveCode: "Lưu mã",
    storedCodeUnreadable: (why: string) =>
      `Mã truy cập đã lưu trong add-in không còn đọc được, nên chưa dùng: ${why}`,
    unreachable:
      "Không kết nối được hệ thống theo dõi để xác nhận đơn vị. Kiểm tra mạng rồi thử lại.",
    changeCode: "Đổi mã",
    plan: "Kế hoạch",
    period: "Kỳ báo cáo",
    loadTemplate: "Tải biểu mẫu",
    check: "Kiểm tra",
    submit: "Gửi báo cáo",
    working: "Đang xử lý…",
    loaded: (carried: number) =>
      carried
        ? `Đã tải biểu mẫu, giữ lại ${carried} ô đã nhập.`
        : "Đã tải biểu mẫu. Nhập số liệu vào các ô nền vàng.",
    clean: "Không có lỗi. Có thể gửi báo cáo.",
    found: (e: number, w: number) => `${e} lỗi, ${w} cảnh báo. Bấm vào từng mục để đến ô cần sửa.`,
    accepted: (rev: number, at: string) => `Đã gửi thành công: lần nộp ${rev}, nhận lúc ${at}.`,
    duplicate: "Báo cáo này đã được nhận trước đó.",
    refused: (msg: string) => `Hệ thống từ chối báo cáo: ${msg}`,
    queued: "Chưa gửi được (mất mạng?). Báo cáo đã được xếp hàng và sẽ tự gửi lại.",
    pending: (n: number) => `${n} báo cáo đang chờ gửi.`,
    retry: "Gửi lại ngay",
    receipt: "Biên nhận",
    language: "English",
    failed: (msg: string) => `Có lỗi: ${msg}`,
    needTemplates: "Chưa tải được danh sách biểu mẫu (cần mạng lần đầu).",
    unit: "Đơn vị",
  },
  en: {
    title: "Digital-transformation indicators",
    codeHeading: "Unit access code",
    codeHelp:
      "Paste the code the consolidating department gave you (it starts with chitieu1.). It is kept in the add-in, never in the workbook.",
    saveCode: "Save code",
    storedCodeUnreadable: (why: string) =>
      `The access code kept in the add-in no longer reads, so it is not used: ${why}`,
    unreachable: "Cannot reach the tracker to confirm the unit. Check the network and try again.",
    changeCode: "Change code",
    plan: "Plan",
    period: "Period",
    loadTemplate: "Load template",
    check: "Check",
    submit: "Submit report",
    working: "Working…",
    loaded: (carried: number) =>
      carried
        ? `Template loaded; ${carried} entered cells kept.`
        : "Template loaded. Fill the yellow cells.",
    clean: "No problems. The report can be submitted.",
    found: (e: number, w: number) =>
      `${e} error(s), ${w} warning(s). Click an item to go to its cell.`,
    accepted: (rev: number, at: string) => `Submitted: revision ${rev}, received at ${at}.`,
    duplicate: "This report had already been received.",
    refused: (msg: string) => `The tracker refused the report: ${msg}`,
    queued: "Not sent (offline?). The report is queued and will be retried.",
    pending: (n: number) => `${n} report(s) waiting to be sent.`,
    retry: "Retry now",
    receipt: "Receipt",
    language: "Tiếng Việt",
    failed: (msg: string) => `Something went wrong: ${msg}`,
    needTemplates: "The template list could not be loaded (the first time needs the network).",
    unit: "Unit",
  },
} as const;

export type UiText = (typeof uiText)[Lang];
