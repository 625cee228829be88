// An issue found in a report: its code, severity, message and where it is (sheet, cell, item, field).
import type { FieldName, IssueCode, Language, Params, Severity, Words } from "./messages.js";
import { fieldLabels, inLanguage, messageFor, severityLabels, severityOf } from "./messages.js";

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
  message: Words;
}

export function makeIssue(code: IssueCode, location: IssueLocation, params: Params = {}): Issue {
  return { code, severity: severityOf(code), location, message: messageFor(code, params) };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * "Lỗi Báo cáo!I12 · CQ-01 · Giá trị: <vi> / <en>" — one line a person can act on. In "both" the
 * severity and the field are named in Vietnamese, the language of the sheet's own labels.
 */
export function formatIssue(issue: Issue, lang: Language = "both"): string {
  const { location: loc } = issue;
  const words = lang === "en" ? "en" : "vi";
  const where = [
    loc.cell ? `${loc.sheet ? `${loc.sheet}!` : ""}${loc.cell}` : loc.sheet,
    loc.indicatorId ?? loc.taskId ?? loc.budgetLineId,
    fieldLabels[loc.field][words],
  ]
    .filter(Boolean)
    .join(" · ");
  return `${severityLabels[issue.severity][words]} ${where}: ${inLanguage(issue.message, lang)}`;
}
