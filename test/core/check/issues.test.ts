// Issues: a code becomes a located message with its severity, and one line a person can act on.
import { describe, expect, it } from "vitest";
import { formatIssue, hasErrors, makeIssue } from "../../../src/core/check/issues.js";

describe("makeIssue", () => {
  it("carries the code, the catalogue's severity and message, and the location as given", () => {
    const location = {
      sheet: "Báo cáo",
      cell: "I12",
      indicatorId: "CQ-01",
      field: "value",
    } as const;
    expect(makeIssue("not-a-number", location, { input: "khoảng 80" })).toEqual({
      code: "not-a-number",
      severity: "error",
      location,
      message: { vi: '"khoảng 80" không phải là số.', en: '"khoảng 80" is not a number.' },
    });
    expect(
      makeIssue("task-overdue", { taskId: "NV-01", field: "status" }, { deadline: "12/2025" }),
    ).toMatchObject({ severity: "warning" });
  });
});

describe("hasErrors", () => {
  const warning = makeIssue("date-without-done", { taskId: "NV-01", field: "completedOn" });
  const error = makeIssue("required", { indicatorId: "CQ-01", field: "value" });

  it("is true only when an issue is an error", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
  });
});

describe("formatIssue", () => {
  it.each([
    [
      "sheet, cell, indicator and field",
      makeIssue("required", {
        sheet: "Báo cáo",
        cell: "I12",
        indicatorId: "CQ-01",
        field: "value",
      }),
      "Lỗi Báo cáo!I12 · CQ-01 · Giá trị: Chưa nhập: đơn vị phải báo cáo chỉ tiêu này. / Missing: this unit must report this indicator.",
    ],
    [
      "a cell without a sheet",
      makeIssue("required", { cell: "I12", indicatorId: "CQ-01", field: "value" }),
      "Lỗi I12 · CQ-01 · Giá trị: Chưa nhập: đơn vị phải báo cáo chỉ tiêu này. / Missing: this unit must report this indicator.",
    ],
    [
      "a sheet without a cell, a task",
      makeIssue("date-without-done", { sheet: "Báo cáo", taskId: "NV-02", field: "completedOn" }),
      "Cảnh báo Báo cáo · NV-02 · Ngày hoàn thành: Có ngày hoàn thành nhưng trạng thái chưa là Hoàn thành. / A completion date is given but the status is not done.",
    ],
    [
      "only a budget line",
      makeIssue(
        "unknown-budget-line",
        { budgetLineId: "KP-X", field: "allocated" },
        { id: "KP-X" },
      ),
      'Lỗi KP-X · Kinh phí đã bố trí: Biểu mẫu không có dòng kinh phí "KP-X". / The template has no budget line "KP-X".',
    ],
  ])("%s", (_, issue, line) => {
    expect(formatIssue(issue)).toBe(line);
  });
});

describe("formatIssue in one language", () => {
  const issue = makeIssue("date-without-done", {
    sheet: "Báo cáo",
    cell: "K20",
    taskId: "NV-02",
    field: "completedOn",
  });

  it("in English names the severity, field and message in English, the sheet as it is named", () => {
    expect(formatIssue(issue, "en")).toBe(
      "Warning Báo cáo!K20 · NV-02 · completion date: A completion date is given but the status is not done.",
    );
  });

  it("in Vietnamese says it in Vietnamese only", () => {
    expect(formatIssue(issue, "vi")).toBe(
      "Cảnh báo Báo cáo!K20 · NV-02 · Ngày hoàn thành: Có ngày hoàn thành nhưng trạng thái chưa là Hoàn thành.",
    );
  });

  it("in both is the line the CLI and the sheet show", () => {
    expect(formatIssue(issue, "both")).toBe(formatIssue(issue));
  });
});
