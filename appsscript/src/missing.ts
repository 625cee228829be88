// "Đơn vị chưa nộp / nộp trễ": the units core's consolidation finds missing or late for the period.
import { timelinessNames } from "../../src/core/tracker/tracker-tab-layout.js";
import { paragraph, showDialog, table } from "./dialogs.js";
import { activeSpreadsheet } from "./sheets.js";
import { consolidationOf, loadTracker, NOT_SET_UP } from "./tracker-data.js";

export function showMissingAndLate(): void {
  const data = loadTracker(activeSpreadsheet());
  if (!data) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  const c = consolidationOf(data, new Date());
  const behind = c.units.filter((u) => u.timeliness === "missing" || u.timeliness === "late");
  const due = c.dueAt
    ? `hạn nộp / due ${c.dueAt.slice(0, 10)}`
    : "kỳ này không có hạn nộp / no deadline this period";
  showDialog("Đơn vị chưa nộp / nộp trễ — Missing or late units", [
    paragraph(
      `${c.periodLabel} (${due}): ${c.summary.unitsMissing} chưa nộp, ${c.summary.unitsLate} nộp trễ / missing, late.`,
    ),
    table(
      ["Mã đơn vị", "Tên đơn vị", "Tình trạng", "Nhận lần đầu", "Số ngày trễ"],
      behind.map((u) => [
        u.code,
        u.name,
        timelinessNames[u.timeliness],
        u.firstReceivedAt ?? "",
        u.daysLate ?? "",
      ]),
    ),
  ]);
}
