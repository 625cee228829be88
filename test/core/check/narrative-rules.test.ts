// The checks of a unit's narrative: each section within what a cell holds, and difficulties stated
// where a target was missed.
import { describe, expect, it } from "vitest";
import type { IssueLocation } from "../../../src/core/check/issues.js";
import type { FieldName } from "../../../src/core/check/messages.js";
import { narrativeIssues } from "../../../src/core/check/narrative-rules.js";

const locate = (field: FieldName): IssueLocation => ({ sheet: "Báo cáo", cell: "B90", field });

describe("narrativeIssues", () => {
  it("asks nothing of a report from a form without a narrative", () => {
    expect(narrativeIssues(undefined, ["CQ-01"], locate)).toEqual([]);
  });

  it("a section of 30,000 characters fits; one more is refused, naming both lengths", () => {
    expect(narrativeIssues({ assessment: "a".repeat(30_000) }, [], locate)).toEqual([]);
    const [issue, ...rest] = narrativeIssues({ proposals: "a".repeat(30_001) }, [], locate);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: "text-too-long",
      severity: "error",
      location: { cell: "B90", field: "proposals" },
    });
    expect(issue?.message.vi).toBe(
      "Văn bản dài 30.001 ký tự, quá giới hạn 30.000 ký tự: hãy rút gọn.",
    );
  });

  it("warns when targets were missed and no difficulties are stated, naming five ids then …", () => {
    const missed = ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7"];
    const [issue] = narrativeIssues({ difficulties: "   " }, missed, locate);
    expect(issue).toMatchObject({
      code: "difficulties-missing",
      severity: "warning",
      location: { field: "difficulties" },
    });
    expect(issue?.message.vi).toContain("chưa đạt 7 chỉ tiêu (A-1, A-2, A-3, A-4, A-5, …)");
  });

  it("names every id when five or fewer were missed", () => {
    const [issue] = narrativeIssues({}, ["KT-01", "XH-01"], locate);
    expect(issue?.message.vi).toContain("chưa đạt 2 chỉ tiêu (KT-01, XH-01)");
  });

  it("names exactly five missed ids without an ellipsis", () => {
    const [issue] = narrativeIssues({}, ["A-1", "A-2", "A-3", "A-4", "A-5"], locate);
    expect(issue?.message.en).toContain("missed 5 target(s) (A-1, A-2, A-3, A-4, A-5) but");
  });

  it("asks nothing when difficulties are stated, or when no target was missed", () => {
    expect(narrativeIssues({ difficulties: "Thiếu nhân lực" }, ["KT-01"], locate)).toEqual([]);
    expect(narrativeIssues({}, [], locate)).toEqual([]);
  });
});
