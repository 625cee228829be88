// "Thiết lập tracker…": choose the plan and the period, then lay out every tracker tab of core's
// TRACKER_TABS with its header, formats and status colours, filled from what is already stored.
import { Period, TIME_ZONE, todayInVietnam } from "../../src/core/plan/period.js";
import { indicatorCatalogueTab, submissionLogTab } from "../../src/core/tracker/tracker-tabs.js";
import {
  tabName,
  TRACKER_TAB_ORDER,
  TRACKER_TABS,
} from "../../src/core/tracker/tracker-tab-layout.js";
import { capacityWarning, NO_ROOM } from "./capacity.js";
import { readConfig, saveConfig } from "./config.js";
import { upgradeLayout } from "./layout-upgrade.js";
import { summaryText, writeConsolidation } from "./consolidation.js";
import { renderTab, styleHeader } from "./render-tab.js";
import { activeSpreadsheet, sheetNamed, SUBMISSIONS_SHEET } from "./sheets.js";
import { colourLog, logSheet, submissionsSheet, unitsSheet } from "./sheet-store.js";
import { allTemplates } from "./templates.js";
import { consolidationOf, loadTracker } from "./tracker-data.js";
import { BUSY, withScriptLock } from "./lock.js";

type Ui = GoogleAppsScript.Base.Ui;

// In the order that works: an access code holds the web app's address, so the web app is
// deployed before codes are issued.
const NEXT_STEPS =
  "Bước tiếp theo / next: 1. Chỉ tiêu › Nhập đơn vị…; 2. Triển khai web app: Triển khai › Tùy chọn triển khai mới › Ứng dụng web, Thực thi với tư cách: Tôi, Người có quyền truy cập: Bất kỳ ai (Deploy › New deployment › Web app, Execute as: Me, Who has access: Anyone), chép địa chỉ …/exec; 3. Chỉ tiêu › Cấp mã truy cập… (dán địa chỉ đó).";

function ask(ui: Ui, title: string, prompt: string): string | undefined {
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : undefined;
}

export function setupTracker(): void {
  const ui = SpreadsheetApp.getUi();
  const templates = allTemplates();
  const current = readConfig();
  const choices = templates.map((t, i) => `${i + 1}. ${t.id} — ${t.plan.title}`).join("\n");
  const planText = ask(
    ui,
    "Thiết lập tracker (1/2) / Set up (1/2)",
    `Kế hoạch theo dõi: gõ số thứ tự hoặc mã / the plan: its number or id` +
      (current ? ` (hiện tại / now: ${current.planId})` : "") +
      `\n${choices}`,
  );
  if (planText === undefined) return;
  const template =
    templates.find((t) => t.id === planText) ??
    (/^\d+$/u.test(planText) ? templates[Number(planText) - 1] : undefined) ??
    (planText === "" && current ? templates.find((t) => t.id === current.planId) : undefined);
  if (!template) {
    ui.alert(`Không có kế hoạch "${planText}" / no plan "${planText}"`);
    return;
  }
  const thisYear = todayInVietnam(new Date()).slice(0, 4);
  const periodText = ask(
    ui,
    "Thiết lập tracker (2/2) / Set up (2/2)",
    `Kỳ báo cáo: 2025, 2025-H1 hoặc 2025-Q4; để trống là ${thisYear} / reporting period; blank for ${thisYear}`,
  );
  if (periodText === undefined) return;
  const period = Period.safeParse(periodText === "" ? thisYear : periodText);
  if (!period.success) {
    ui.alert(
      `Kỳ báo cáo không hợp lệ / invalid period: "${periodText}". ${period.error.issues[0]?.message ?? ""}`,
    );
    return;
  }

  const ss = activeSpreadsheet();
  const done = withScriptLock(() => {
    const stored = Math.max(0, (ss.getSheetByName(SUBMISSIONS_SHEET)?.getLastRow() ?? 1) - 1);
    if (current && current.planId !== template.id && stored > 0) {
      return {
        ok: false,
        message: `Bảng này đã nhận ${stored} báo cáo của kế hoạch ${current.planId}: không đổi sang kế hoạch khác được; hãy dùng một bảng tính mới. / This sheet holds ${stored} submissions for ${current.planId}; use a new spreadsheet for another plan.`,
      };
    }
    saveConfig({ planId: template.id, period: period.data });
    ss.setSpreadsheetTimeZone(TIME_ZONE);
    unitsSheet(ss);
    submissionsSheet(ss);
    const hadLog = ss.getSheetByName(TRACKER_TABS.submissions.name) !== null;
    // Tabs in TRACKER_TAB_ORDER first, a missing one (a new period's table) after its predecessor.
    let position = 0;
    for (const key of TRACKER_TAB_ORDER) {
      const sheet =
        key === "submissions"
          ? logSheet(ss, position)
          : sheetNamed(ss, tabName(key, period.data), position);
      position = sheet.getIndex();
    }
    renderTab(ss, indicatorCatalogueTab(template));
    const data = loadTracker(ss)!;
    const log = logSheet(ss);
    // The log only grows as posts arrive; it is written whole only when it is missing.
    if (!hadLog && data.received.length > 0)
      renderTab(ss, submissionLogTab(template, data.received));
    styleHeader(log, TRACKER_TABS.submissions.columns.length);
    colourLog(log);
    const now = new Date();
    upgradeLayout(ss, data, now);
    const c = consolidationOf(data, now);
    const written = writeConsolidation(ss, c, data, now);
    return { ok: true, message: (written ? summaryText(c) : NO_ROOM) + capacityWarning(ss) };
  });
  if (!done || !done.ok) {
    ui.alert(done?.message ?? BUSY);
    return;
  }
  // The manifest (appsscript.json) sets the script's zone; another zone means it was not installed.
  const zone = Session.getScriptTimeZone();
  const manifestNote =
    zone === TIME_ZONE
      ? ""
      : `\n\nMúi giờ của script là ${zone}, không phải ${TIME_ZONE}: hãy dán cả appsscript.json (Project Settings › Show "appsscript.json" manifest file). / The script's time zone is not ${TIME_ZONE}: install appsscript.json too.`;
  ui.alert(
    "Đã thiết lập tracker / Tracker set up",
    `${template.plan.title}\n${done.message}${manifestNote}\n\n${NEXT_STEPS}`,
    ui.ButtonSet.OK,
  );
}
