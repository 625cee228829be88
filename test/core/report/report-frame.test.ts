// The report's fixed parts per Nghị định 30/2020/NĐ-CP, from the plan's issuer and lead department.
import { describe, expect, it } from "vitest";
import { periodPhrase, planName, reportFrame } from "../../../src/core/report/report-frame.js";
import type { Template } from "../../../src/core/plan/template-schema.js";
import { template } from "../../fixtures/template.js";

const withPlan = (plan: Partial<Template["plan"]>): Template => ({
  ...template,
  plan: { ...template.plan, ...plan },
});
const at = new Date("2025-12-14T08:00:00+07:00");

describe("reportFrame", () => {
  it("heads the report with the issuer above the lead department, both in capitals", () => {
    const f = reportFrame(template, "2025", at);
    expect(f.parentAgency).toBe("ỦY BAN NHÂN DÂN TỈNH MẪU");
    expect(f.agency).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(f.nationalTitle).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(f.motto).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(f.documentType).toBe("BÁO CÁO");
  });

  it("dates it at the locality, without 'Tỉnh' or 'Thành phố'", () => {
    expect(reportFrame(template, "2025", at).placeDate).toBe("Mẫu, ngày 14 tháng 12 năm 2025");
    const city = withPlan({ province: "Thành phố Cần Thơ" });
    expect(reportFrame(city, "2025", at).placeDate).toBe("Cần Thơ, ngày 14 tháng 12 năm 2025");
  });

  it("names the plan and the period in its subject, and the issuer among its recipients", () => {
    const f = reportFrame(template, "2025-Q4", at);
    expect(f.subject).toBe("Kết quả thực hiện Đề án chuyển đổi số tỉnh Mẫu quý IV năm 2025");
    expect(f.recipients[0]).toBe("- Ủy ban nhân dân tỉnh Mẫu (để báo cáo);");
  });

  it("a department's director signs; without a lead department, a placeholder and the head of agency", () => {
    expect(reportFrame(template, "2025", at).signerAuthority).toBe("GIÁM ĐỐC");
    const { reporting, ...noReporting } = template;
    expect(reporting?.leadUnit).toBe("Sở Thông tin và Truyền thông");
    const f = reportFrame(noReporting as Template, "2025", at);
    expect(f.agency).toBe("CƠ QUAN TỔNG HỢP");
    expect(f.signerAuthority).toBe("THỦ TRƯỞNG CƠ QUAN");
  });
});

describe("reportFrame's fixed lines", () => {
  it("leaves the number for the register, lists every recipient and the signing note", () => {
    const f = reportFrame(template, "2025", at);
    expect(f.numberLine).toBe("Số:        /BC-…………");
    expect(f.recipients).toEqual([
      "- Ủy ban nhân dân tỉnh Mẫu (để báo cáo);",
      "- Các đơn vị báo cáo;",
      "- Lưu: VT.",
    ]);
    expect(f.signerNote).toBe("(Ký, ghi rõ họ tên, đóng dấu)");
  });

  it("only a lead unit whose name begins with 'Sở' is signed by a director", () => {
    const lead = (leadUnit: string): Template => ({
      ...template,
      reporting: { ...template.reporting!, leadUnit },
    });
    expect(reportFrame(lead("Trung tâm thuộc Sở Y tế"), "2025", at).signerAuthority).toBe(
      "THỦ TRƯỞNG CƠ QUAN",
    );
  });

  it("drops 'Tỉnh' however many spaces follow it", () => {
    expect(reportFrame(withPlan({ province: "Tỉnh  Mẫu" }), "2025", at).placeDate).toBe(
      "Mẫu, ngày 14 tháng 12 năm 2025",
    );
  });

  it("writes a locality that does not begin with 'Tỉnh' or 'Thành phố' as the plan gives it", () => {
    const given = withPlan({ province: "Cần Thơ (Thành phố trực thuộc Trung ương)" });
    expect(reportFrame(given, "2025", at).placeDate).toBe(
      "Cần Thơ (Thành phố trực thuộc Trung ương), ngày 14 tháng 12 năm 2025",
    );
  });

  it("quotes a title that names a plan only after its first words", () => {
    expect(planName(withPlan({ title: "Triển khai Kế hoạch số 5" }))).toBe(
      "Đề án “Triển khai Kế hoạch số 5”",
    );
  });
});

describe("planName", () => {
  it("keeps a title that already says what the plan is", () => {
    expect(planName(template)).toBe("Đề án chuyển đổi số tỉnh Mẫu");
  });

  it("quotes a bare title after the plan's kind", () => {
    expect(planName(withPlan({ title: "Chuyển đổi số thành phố Cần Thơ" }))).toBe(
      "Đề án “Chuyển đổi số thành phố Cần Thơ”",
    );
    expect(planName(withPlan({ title: "Chuyển đổi số năm 2025", kind: "ke-hoach" }))).toBe(
      "Kế hoạch “Chuyển đổi số năm 2025”",
    );
  });
});

describe("periodPhrase", () => {
  it.each([
    ["2025", "năm 2025"],
    ["2025-Q4", "quý IV năm 2025"],
    ["2025-H1", "6 tháng đầu năm 2025"],
  ])("%s reads as %s inside a sentence", (period, phrase) => {
    expect(periodPhrase(period)).toBe(phrase);
  });
});
