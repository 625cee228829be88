// "Kiểm tra tất cả báo cáo": each stored row read back intact, and every unit's current revision run
// through core's validation again, against today's template, unit list and date.
import { isCurrentOver, type ReceivedSubmission } from "../../src/core/tracker/consolidate.js";
import { formatIssue } from "../../src/core/check/issues.js";
import { payloadHash } from "../../src/core/wire/signature.js";
import { validateDraft } from "../../src/core/check/validate.js";
import { list, paragraph, showDialog, type Html } from "./dialogs.js";
import { activeSpreadsheet, SUBMISSIONS_SHEET } from "./sheets.js";
import { loadTracker, NOT_SET_UP, type TrackerData } from "./tracker-data.js";

export interface CheckReport {
  checked: number;
  withErrors: number;
  withWarnings: number;
  /** Problems with the stored rows themselves: damaged, or unreadable. */
  storage: string[];
  /** Per current revision with issues: a heading and its issues, one line each. */
  reports: { heading: string; lines: string[] }[];
}

export function checkStored(data: TrackerData, now: Date): CheckReport {
  const storage = [...data.unitProblems];
  data.rows.forEach((row, i) => {
    const where = `${SUBMISSIONS_SHEET} dòng/row ${i + 2} (${row.index.unit}, ${row.index.period}, lần/rev ${row.index.revision})`;
    if (payloadHash(row.payload) !== row.index.payloadHash)
      storage.push(`${where}: nội dung lưu đã bị thay đổi / stored payload changed since receipt`);
    if (!row.ok) storage.push(`${where}: ${row.reason}`);
  });
  const current = new Map<string, ReceivedSubmission>();
  for (const r of data.received) {
    const key = `${r.submission.planId}\u0000${r.submission.unit}\u0000${r.submission.period}`;
    const seen = current.get(key);
    if (!seen || isCurrentOver(r, seen)) current.set(key, r);
  }
  const units = new Map(data.units.map((u) => [u.code, u]));
  const report: CheckReport = { checked: 0, withErrors: 0, withWarnings: 0, storage, reports: [] };
  for (const r of current.values()) {
    const s = r.submission;
    const heading = `${s.unit} · ${s.period} · lần nộp/revision ${r.revision} · ${r.receivedAt}`;
    report.checked++;
    const unit = units.get(s.unit);
    if (!unit) {
      report.withErrors++;
      report.reports.push({
        heading,
        lines: ["Đơn vị không còn trong danh sách / the unit is no longer on the list"],
      });
      continue;
    }
    const template = data.templates.find((t) => t.id === s.planId);
    if (!template) {
      report.withErrors++;
      report.reports.push({
        heading,
        lines: [`Kế hoạch ${s.planId} không còn được theo dõi / the plan is no longer followed`],
      });
      continue;
    }
    const issues = validateDraft(s, { template, unit, now });
    if (issues.length === 0) continue;
    if (issues.some((i) => i.severity === "error")) report.withErrors++;
    else report.withWarnings++;
    report.reports.push({ heading, lines: issues.map((issue) => formatIssue(issue)) });
  }
  return report;
}

export function checkAllSubmissions(): void {
  const data = loadTracker(activeSpreadsheet());
  if (!data) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  const r = checkStored(data, new Date());
  const parts: Html[] = [
    paragraph(
      `Đã kiểm tra ${r.checked} báo cáo hiện hành: ${r.withErrors} có lỗi, ${r.withWarnings} chỉ có cảnh báo. / Checked ${r.checked} current reports: ${r.withErrors} with errors, ${r.withWarnings} with warnings only.`,
    ),
  ];
  if (r.storage.length > 0) parts.push(paragraph("Dữ liệu lưu / Storage:"), list(r.storage));
  for (const { heading, lines } of r.reports) parts.push(paragraph(heading), list(lines));
  showDialog("Kiểm tra báo cáo / Check submissions", parts, 560);
}
