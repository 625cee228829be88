// The notes beside a consolidated figure, filled in with counts and names, written out by hand.
import { describe, expect, it } from "vitest";
import { consolidationNotes as n } from "../../../src/core/tracker/consolidation-notes.js";

describe("consolidation notes", () => {
  it("count the units left out, and why", () => {
    expect(n.notAssigned.vi({ count: 2 })).toBe(
      "2 đơn vị không được giao cũng báo cáo: không tính vào tổng hợp",
    );
    expect(n.outOfRange.en({ count: 1 })).toBe(
      "1 unit(s) reported figures outside the allowed range: left out of the consolidation",
    );
    expect(n.rateOnly.vi({ count: 3 })).toBe(
      "3 đơn vị chỉ báo tỷ lệ, không có tử số và mẫu số: không tính vào tỷ lệ chung",
    );
    expect(n.noFigures.vi({ count: 4 })).toBe("4 đơn vị chưa có số liệu");
  });

  it("say how many units met their own level's target", () => {
    expect(n.levelTargetsMet.vi({ met: 5, judged: 7 })).toBe(
      "5/7 đơn vị đạt mục tiêu của cấp mình",
    );
    expect(n.levelTargetsMet.en({ met: 5, judged: 7 })).toBe(
      "5/7 units meet their own level's target",
    );
  });

  it("name whose figure a single reporter's indicator takes, and say when it is the latest", () => {
    expect(n.figureTaken.vi({ count: 2, unit: "Sở Y tế", latest: true })).toBe(
      "2 đơn vị báo cáo; lấy số của Sở Y tế (báo cáo nhận sau cùng)",
    );
    expect(n.figureTaken.en({ count: 1, unit: "Sở Y tế", latest: false })).toBe(
      "1 unit(s) reported; the figure of Sở Y tế is taken",
    );
    expect(n.figureTaken.en({ count: 3, unit: "Sở Y tế", latest: true })).toBe(
      "3 unit(s) reported; the figure of Sở Y tế is taken (the report received last)",
    );
    expect(n.figureTaken.vi({ count: 1, unit: "Sở Y tế", latest: false })).toBe(
      "1 đơn vị báo cáo; lấy số của Sở Y tế",
    );
  });

  it("name the lead that has not reported, and a province-wide figure", () => {
    expect(n.leadMissing.vi({ leads: "Sở Khoa học và Công nghệ" })).toBe(
      "Đơn vị chủ trì (Sở Khoa học và Công nghệ) chưa báo cáo",
    );
    expect(n.provinceWide.vi()).toBe(
      "Chỉ tiêu toàn tỉnh: một số liệu chung, không cộng số của các đơn vị",
    );
  });
});
