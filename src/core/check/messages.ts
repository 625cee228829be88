// The message catalogue: every issue chitieu reports, in Vietnamese with English alongside.
// Shells show these texts; they never write their own.

export type Severity = "error" | "warning";

/** Words a person reads, in both languages: the shape of every catalogue entry. */
export interface Words {
  vi: string;
  en: string;
}

/** A catalogue entry whose words take parameters, in each language. */
export interface WordsOf<P> {
  vi: (p: P) => string;
  en: (p: P) => string;
}

/** The language a message is shown in; "both" is Vietnamese then English on one line. */
export type Language = "vi" | "en" | "both";

/** One line, Vietnamese then English, as the CLI, the wire and the task pane show a message. */
export function bilingual(words: Words): string {
  return `${words.vi} / ${words.en}`;
}

/** The words in one language, or both on one line. */
export function inLanguage(words: Words, lang: Language): string {
  return lang === "both" ? bilingual(words) : words[lang];
}

/** How an issue's severity is named before its location. */
export const severityLabels = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
} satisfies Record<Severity, Words>;

export type Params = Record<string, string | number>;

interface MessageSpec {
  severity: Severity;
  vi: (p: Params) => string;
  en: (p: Params) => string;
}

export const catalogue = {
  "sheet-unrecognised": {
    severity: "error",
    vi: () =>
      "Không nhận ra trang báo cáo của chitieu: thiếu phần đầu biểu mẫu. Hãy tải lại biểu mẫu.",
    en: () =>
      "Not a chitieu report sheet: the template header is missing. Load the template again.",
  },
  "template-mismatch": {
    severity: "error",
    vi: (p) => `Trang này thuộc biểu mẫu "${p.found}", không phải "${p.expected}".`,
    en: (p) => `This sheet belongs to template "${p.found}", not "${p.expected}".`,
  },
  "template-version": {
    severity: "error",
    vi: (p) =>
      `Biểu mẫu phiên bản ${p.found} đã cũ; phiên bản hiện hành là ${p.expected}. Hãy tải biểu mẫu mới (số liệu đã nhập được giữ lại).`,
    en: (p) =>
      `Template version ${p.found} is outdated; the current version is ${p.expected}. Load the new template (entered figures are kept).`,
  },
  "sheet-edited": {
    severity: "error",
    vi: () =>
      "Nội dung cố định của biểu mẫu đã bị sửa (mã kiểm tra không khớp). Hãy tải lại biểu mẫu và chép số liệu sang.",
    en: () =>
      "The fixed content of the template was edited (check code does not match). Load the template again and copy the figures over.",
  },
  required: {
    severity: "error",
    vi: () => "Chưa nhập: đơn vị phải báo cáo chỉ tiêu này.",
    en: () => "Missing: this unit must report this indicator.",
  },
  "task-status-required": {
    severity: "error",
    vi: () => "Chưa chọn trạng thái nhiệm vụ đơn vị chủ trì.",
    en: () => "No status for a task this unit leads.",
  },
  "not-a-number": {
    severity: "error",
    vi: (p) => `"${p.input}" không phải là số.`,
    en: (p) => `"${p.input}" is not a number.`,
  },
  "ambiguous-number": {
    severity: "error",
    vi: (p) =>
      `"${p.input}" không rõ nghĩa: có thể là ${p.readings}. Hãy ghi rõ (ví dụ 1234 hoặc 1,234).`,
    en: (p) =>
      `"${p.input}" is ambiguous: it could be ${p.readings}. Write it unambiguously (e.g. 1234 or 1,234).`,
  },
  "not-a-date": {
    severity: "error",
    vi: (p) => `"${p.input}" không phải là ngày hợp lệ (dd/mm/yyyy).`,
    en: (p) => `"${p.input}" is not a valid date (dd/mm/yyyy).`,
  },
  "not-yes-no": {
    severity: "error",
    vi: (p) => `"${p.input}" không hợp lệ: chọn "Có" hoặc "Không".`,
    en: (p) => `"${p.input}" is not valid: choose "Có" (yes) or "Không" (no).`,
  },
  "unknown-task-status": {
    severity: "error",
    vi: (p) =>
      `"${p.input}" không phải là trạng thái: chọn Chưa thực hiện, Đang thực hiện hoặc Hoàn thành.`,
    en: (p) => `"${p.input}" is not a status: choose not started, in progress or done.`,
  },
  "out-of-range": {
    severity: "error",
    vi: (p) => `Giá trị ${p.value} ngoài khoảng cho phép ${p.range}.`,
    en: (p) => `Value ${p.value} is outside the allowed range ${p.range}.`,
  },
  "not-whole": {
    severity: "error",
    vi: (p) => `Giá trị ${p.value} phải là số nguyên.`,
    en: (p) => `Value ${p.value} must be a whole number.`,
  },
  "text-too-long": {
    severity: "error",
    vi: (p) => `Văn bản dài ${p.length} ký tự, quá giới hạn ${p.max} ký tự: hãy rút gọn.`,
    en: (p) => `The text is ${p.length} characters long, over the limit of ${p.max}: shorten it.`,
  },
  "numerator-exceeds-denominator": {
    severity: "error",
    vi: (p) => `Tử số (${p.numerator}) lớn hơn mẫu số (${p.denominator}).`,
    en: (p) => `Numerator (${p.numerator}) is greater than denominator (${p.denominator}).`,
  },
  "ratio-parts-required": {
    severity: "error",
    vi: () => "Chỉ tiêu tổng hợp theo tỷ lệ: cần nhập tử số và mẫu số, không chỉ tỷ lệ %.",
    en: () =>
      "This share is consolidated as a ratio of sums: enter the numerator and denominator, not only the percentage.",
  },
  "zero-denominator": {
    severity: "error",
    vi: () => "Mẫu số bằng 0 trong khi tử số đã nhập.",
    en: () => "Denominator is 0 while a numerator is given.",
  },
  "half-ratio": {
    severity: "error",
    vi: (p) => `Thiếu ${p.missing}: tử số và mẫu số phải nhập cùng nhau.`,
    en: (p) => `Missing ${p.missingEn}: numerator and denominator go together.`,
  },
  "value-mismatch": {
    severity: "error",
    vi: (p) => `Giá trị ${p.value} không khớp tử số/mẫu số (${p.computed}).`,
    en: (p) => `Value ${p.value} does not match numerator/denominator (${p.computed}).`,
  },
  "budget-parts-sum": {
    severity: "error",
    vi: (p) => `Tổng các nguồn (${p.sum} đồng) khác tổng kinh phí (${p.total} đồng).`,
    en: (p) => `The parts add up to ${p.sum} đồng, not the total of ${p.total} đồng.`,
  },
  "disbursed-exceeds-allocated": {
    severity: "warning",
    vi: (p) => `Đã giải ngân (${p.disbursed} đồng) nhiều hơn đã bố trí (${p.allocated} đồng).`,
    en: (p) => `Disbursed (${p.disbursed} đồng) exceeds allocated (${p.allocated} đồng).`,
  },
  "done-without-date": {
    severity: "error",
    vi: () => "Nhiệm vụ đã hoàn thành cần có ngày hoàn thành.",
    en: () => "A done task needs a completion date.",
  },
  "completion-in-future": {
    severity: "error",
    vi: (p) => `Ngày hoàn thành ${p.date} ở tương lai (hôm nay ${p.today}).`,
    en: (p) => `Completion date ${p.date} is in the future (today is ${p.today}).`,
  },
  "period-outside-plan": {
    severity: "error",
    vi: (p) => `Kỳ báo cáo ${p.period} nằm ngoài thời gian của kế hoạch (${p.first}–${p.last}).`,
    en: (p) => `The period ${p.period} is outside the plan's years (${p.first}–${p.last}).`,
  },
  "unit-not-yet": {
    severity: "error",
    vi: (p) =>
      `Đơn vị ${p.unit} chỉ có từ ngày ${p.from}, sau kỳ ${p.period}: không báo cáo cho kỳ này.`,
    en: (p) =>
      `The unit ${p.unit} exists only from ${p.from}, after period ${p.period}: it does not report for it.`,
  },
  "unit-ceased": {
    severity: "error",
    vi: (p) =>
      `Đơn vị ${p.unit} đã thôi hoạt động sau ngày ${p.ended}: không báo cáo cho kỳ ${p.period}.`,
    en: (p) =>
      `The unit ${p.unit} ceased after ${p.ended}: it does not report for period ${p.period}.`,
  },
  "unit-succeeded": {
    severity: "error",
    vi: (p) =>
      `Đơn vị ${p.unit} đã thôi hoạt động sau ngày ${p.ended}; kỳ ${p.period} do đơn vị kế nhiệm báo cáo: ${p.successors}.`,
    en: (p) =>
      `The unit ${p.unit} ceased after ${p.ended}; period ${p.period} is reported by its successors: ${p.successors}.`,
  },
  "submitted-in-future": {
    severity: "error",
    vi: (p) =>
      `Thời điểm lập báo cáo ${p.submittedAt} sau giờ của hệ thống (${p.now}) hơn một ngày: kiểm tra ngày, giờ và múi giờ của máy tính rồi gửi lại.`,
    en: (p) =>
      `The report's time ${p.submittedAt} is more than a day after the tracker's clock (${p.now}): check the computer's date, time and time zone, then send it again.`,
  },
  "date-without-done": {
    severity: "warning",
    vi: () => "Có ngày hoàn thành nhưng trạng thái chưa là Hoàn thành.",
    en: () => "A completion date is given but the status is not done.",
  },
  "task-overdue": {
    severity: "warning",
    vi: (p) => `Nhiệm vụ quá hạn (hạn tháng ${p.deadline}) mà chưa hoàn thành.`,
    en: (p) => `Task overdue (deadline ${p.deadline}) and not done.`,
  },
  "explanation-required": {
    severity: "error",
    vi: (p) => `Chưa đạt mục tiêu ${p.target}: cần giải trình.`,
    en: (p) => `Target ${p.target} not met: an explanation is required.`,
  },
  "evidence-required": {
    severity: "error",
    vi: () => "Chỉ tiêu này cần minh chứng (số văn bản, đường dẫn).",
    en: () => "This indicator needs evidence (document number, link).",
  },
  "difficulties-missing": {
    severity: "warning",
    vi: (p) =>
      `Đơn vị chưa đạt ${p.count} chỉ tiêu (${p.ids}) nhưng chưa nêu khó khăn, vướng mắc: hãy ghi rõ để tổng hợp báo cáo UBND.`,
    en: (p) =>
      `The unit missed ${p.count} target(s) (${p.ids}) but states no difficulties: write them down for the report to the People's Committee.`,
  },
  "unknown-indicator": {
    severity: "error",
    vi: (p) => `Biểu mẫu không có chỉ tiêu "${p.id}".`,
    en: (p) => `The template has no indicator "${p.id}".`,
  },
  "unknown-task": {
    severity: "error",
    vi: (p) => `Biểu mẫu không có nhiệm vụ "${p.id}".`,
    en: (p) => `The template has no task "${p.id}".`,
  },
  "unknown-budget-line": {
    severity: "error",
    vi: (p) => `Biểu mẫu không có dòng kinh phí "${p.id}".`,
    en: (p) => `The template has no budget line "${p.id}".`,
  },
  "duplicate-entry": {
    severity: "error",
    vi: (p) => `"${p.id}" được báo cáo hai lần.`,
    en: (p) => `"${p.id}" is reported twice.`,
  },
} satisfies Record<string, MessageSpec>;

export type IssueCode = keyof typeof catalogue;

export function severityOf(code: IssueCode): Severity {
  return catalogue[code].severity;
}

export function messageFor(code: IssueCode, params: Params = {}): Words {
  const spec: MessageSpec = catalogue[code];
  return { vi: spec.vi(params), en: spec.en(params) };
}

/** Field names as officers see them in the column headers. */
export const fieldLabels = {
  value: { vi: "Giá trị", en: "value" },
  numerator: { vi: "Tử số", en: "numerator" },
  denominator: { vi: "Mẫu số", en: "denominator" },
  evidence: { vi: "Minh chứng", en: "evidence" },
  note: { vi: "Giải trình / ghi chú", en: "explanation / note" },
  status: { vi: "Trạng thái", en: "status" },
  completedOn: { vi: "Ngày hoàn thành", en: "completion date" },
  allocated: { vi: "Kinh phí đã bố trí", en: "allocated" },
  disbursed: { vi: "Kinh phí đã giải ngân", en: "disbursed" },
  template: { vi: "Mã biểu mẫu", en: "template" },
  version: { vi: "Phiên bản", en: "version" },
  checksum: { vi: "Mã kiểm tra", en: "check code" },
  sheet: { vi: "Trang tính", en: "sheet" },
  submittedAt: { vi: "Thời điểm lập báo cáo", en: "submitted at" },
  period: { vi: "Kỳ báo cáo", en: "period" },
  assessment: { vi: "Đánh giá kết quả thực hiện", en: "assessment of results" },
  difficulties: { vi: "Khó khăn, vướng mắc", en: "difficulties and obstacles" },
  proposals: { vi: "Đề xuất, kiến nghị", en: "proposals and recommendations" },
} as const;
export type FieldName = keyof typeof fieldLabels;
