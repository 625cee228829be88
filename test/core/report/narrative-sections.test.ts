// The units' own words in the report: assessments, difficulties and proposals, each under the
// unit's name, from the report of theirs that counts.
import { describe, expect, it } from "vitest";
import {
  assessmentBlocks,
  difficultiesSection,
  narrativesOf,
  proposalsSection,
} from "../../../src/core/report/narrative-sections.js";
import { consolidated, received } from "../../fixtures/report-series.js";
import { department, district, health, template } from "../../fixtures/template.js";

const units = [department, health, district];
const superseded = received(template, department, "2025", "2025-12-01T09:00:00+07:00", {
  narrative: { assessment: "Bản cũ: chưa đầy đủ." },
});
const current = received(template, department, "2025", "2025-12-03T09:00:00+07:00", {
  narrative: { assessment: "  Hoàn thành tốt.  ", difficulties: "Thiếu nhân lực." },
});
const qnk = received(template, district, "2025", "2025-12-04T09:00:00+07:00", {
  narrative: { assessment: "Đạt một phần.", difficulties: "   " },
});
// Given in another order than the unit list: the list's order counts.
const submissions = [qnk, superseded, current];
const c = consolidated(template, units, "2025", submissions);

describe("narrativesOf", () => {
  it("takes each unit's current report, in the unit list's order, trimmed", () => {
    expect(narrativesOf(c, submissions, "assessment")).toEqual([
      { unit: "STTTT", name: "Sở Thông tin và Truyền thông", text: "Hoàn thành tốt." },
      { unit: "Q-NK", name: "UBND quận Ninh Kiều", text: "Đạt một phần." },
    ]);
  });

  it("leaves out blank texts and units without a report", () => {
    expect(narrativesOf(c, submissions, "difficulties")).toEqual([
      { unit: "STTTT", name: "Sở Thông tin và Truyền thông", text: "Thiếu nhân lực." },
    ]);
    expect(narrativesOf(c, submissions, "proposals")).toEqual([]);
  });
});

describe("narrativesOf without words", () => {
  it("a report with no narrative at all, or one not among the submissions given, says nothing", () => {
    const bare = received(template, health, "2025", "2025-12-05T09:00:00+07:00", {});
    const withBare = [...submissions, bare];
    const all = consolidated(template, units, "2025", withBare);
    expect(narrativesOf(all, withBare, "assessment").map((n) => n.unit)).toEqual(["STTTT", "Q-NK"]);
    expect(narrativesOf(c, [], "assessment")).toEqual([]);
  });
});

describe("the blocks", () => {
  const words = [{ unit: "STTTT", name: "Sở Thông tin và Truyền thông", text: "Hoàn thành tốt." }];

  it("assessments close section I under a heading, each attributed; none, nothing", () => {
    expect(assessmentBlocks(words)).toEqual([
      { kind: "heading", text: "Đánh giá của các đơn vị" },
      { kind: "item", text: "- Sở Thông tin và Truyền thông: Hoàn thành tốt." },
    ]);
    expect(assessmentBlocks([])).toEqual([]);
  });

  it("sections V and VI say so when no unit wrote anything", () => {
    expect(difficultiesSection([])).toEqual([
      { kind: "section", text: "V. KHÓ KHĂN, VƯỚNG MẮC" },
      { kind: "paragraph", text: "Các đơn vị không nêu khó khăn, vướng mắc." },
    ]);
    expect(proposalsSection([])).toEqual([
      { kind: "section", text: "VI. ĐỀ XUẤT, KIẾN NGHỊ" },
      { kind: "paragraph", text: "Các đơn vị không có đề xuất, kiến nghị." },
    ]);
  });

  it("sections V and VI list each unit's words under its name", () => {
    expect(difficultiesSection(words)[1]).toEqual({
      kind: "item",
      text: "- Sở Thông tin và Truyền thông: Hoàn thành tốt.",
    });
    expect(proposalsSection(words)).toHaveLength(2);
  });
});
