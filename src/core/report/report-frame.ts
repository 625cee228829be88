// The fixed parts of the report, per Nghị định 30/2020/NĐ-CP (Phụ lục I, mẫu 1.3: Báo cáo), from
// what the plan's template says of its issuer and its lead department.
import { periodLabelVi, type Period } from "../plan/period.js";
import type { Template } from "../plan/template-schema.js";
import type { ReportFrame } from "./report-document.js";
import { upper, vietnameseDateLine } from "./report-text.js";

/** Where the plan gives no lead department, the clerk writes the agency in. */
const AGENCY_PLACEHOLDER = "CƠ QUAN TỔNG HỢP";

export function reportFrame(template: Template, period: Period, now: Date): ReportFrame {
  const agency = template.reporting?.leadUnit;
  return {
    parentAgency: upper(template.plan.issuer),
    agency: agency ? upper(agency) : AGENCY_PLACEHOLDER,
    // The number and its symbol come from the agency's register when the report is issued.
    numberLine: "Số:        /BC-…………",
    nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    placeDate: `${placeName(template.plan.province)}, ${vietnameseDateLine(now)}`,
    documentType: "BÁO CÁO",
    subject: `Kết quả thực hiện ${planName(template)} ${periodPhrase(period)}`,
    recipientsTitle: "Nơi nhận:",
    recipients: [`- ${template.plan.issuer} (để báo cáo);`, "- Các đơn vị báo cáo;", "- Lưu: VT."],
    signerAuthority: agency && /^Sở\s/u.test(agency) ? "GIÁM ĐỐC" : "THỦ TRƯỞNG CƠ QUAN",
    signerNote: "(Ký, ghi rõ họ tên, đóng dấu)",
  };
}

/** "Đề án “Chuyển đổi số thành phố Cần Thơ giai đoạn 2025 - 2030”", or the plan's own title. */
export function planName(template: Template): string {
  const title = template.plan.title;
  if (/^(Đề án|Kế hoạch)\b/iu.test(title)) return title;
  return `${template.plan.kind === "de-an" ? "Đề án" : "Kế hoạch"} “${title}”`;
}

/** "năm 2025", "quý IV năm 2025": the period as it reads inside a sentence. */
export function periodPhrase(period: Period): string {
  const label = periodLabelVi(period);
  return label.charAt(0).toLocaleLowerCase("vi") + label.slice(1);
}

// The place of a document is the locality's name alone: "Thành phố Cần Thơ" signs as "Cần Thơ".
function placeName(province: string): string {
  return province.replace(/^(Thành phố|Tỉnh)\s+/iu, "");
}
