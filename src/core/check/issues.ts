// An issue found in a report: its code, severity, message and where it is (sheet, cell, item, field).
import type { FieldName, IssueCode, Params, Severity } from "./messages.js";
import { fieldLabels, messageFor, severityOf } from "./messages.js";

export interface IssueLocation {
  sheet?: string;
  /** A1 address in the sheet, when the report came from one. */
  cell?: string;
  indicatorId?: string;
  taskId?: string;
  budgetLineId?: string;
  field: FieldName;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  location: IssueLocation;
  message: { vi: string; en: string };
}

export function makeIssue(code: IssueCode, location: IssueLocation, params: Params = {}): Issue {
  return { code, severity: severityOf(code), location, message: messageFor(code, params) };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** "Báo cáo!I12 · CQ-01 · Giá trị: <vi> / <en>" — one line a person can act on. */
export function formatIssue(issue: Issue): string {
  const { location: loc } = issue;
  const where = [
    loc.cell ? `${loc.sheet ? `${loc.sheet}!` : ""}${loc.cell}` : loc.sheet,
    loc.indicatorId ?? loc.taskId ?? loc.budgetLineId,
    fieldLabels[loc.field].vi,
  ]
    .filter(Boolean)
    .join(" · ");
  const tag = issue.severity === "error" ? "Lỗi" : "Cảnh báo";
  return `${tag} ${where}: ${issue.message.vi} / ${issue.message.en}`;
}
