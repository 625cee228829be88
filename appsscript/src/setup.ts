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
import { consolidationsOf, summaryText, writeConsolidation } from "./consolidation.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import { tabForPlan } from "../../src/core/tracker/plan-tabs.js";
import { renderTab, styleHeader } from "./render-tab.js";
import { activeSpreadsheet, cellText, sheetNamed } from "./sheets.js";
import {
  colourLog,
  logSheet,
  storedRows,
  submissionsSheet,
  unitsSheet,
} from "./sheet-store.js";
import { allTemplates } from "./templates.js";
import { loadTracker } from "./tracker-data.js";
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

/** The plans typed ("1, 4" or "can-tho-2256, hau-giang-190"), or the text that names none. */
function choosePlans(
  text: string,
  templates: readonly Template[],
  current: readonly string[],
): Template[] | string {
  if (text === "") return current.flatMap((id) => templates.find((t) => t.id === id) ?? []);
  const chosen: Template[] = [];
  for (const part of text.split(/[,;\s]+/u).filter((p) => p !== "")) {
    const template =
      templates.find((t) => t.id === part) ??
      (/^\d+$/u.test(part) ? templates[Number(part) - 1] : undefined);
    if (!template) return part;
    if (!chosen.includes(template)) chosen.push(template);
  }
  // The plans kept stay in their order, so the first plan's tabs keep their names.
  return [
    ...current.flatMap((id) => chosen.filter((t) => t.id === id)),
    ...chosen.filter((t) => !current.includes(t.id)),
  ];
}

export function setupTracker(): void {
  const ui = SpreadsheetApp.getUi();
  const templates = allTemplates();
  const current = readConfig();
  const choices = templates.map((t, i) => `${i + 1}. ${t.id} — ${t.plan.title}`).join("\n");
  const planText = ask(
    ui,
    "Thiết lập tracker (1/2) / Set up (1/2)",
    `Kế hoạch theo dõi: số thứ tự hoặc mã, nhiều kế hoạch cách nhau bằng dấu phẩy / the plans: numbers or ids, comma-separated` +
      (current ? ` (hiện tại / now: ${current.plans.join(", ")})` : "") +
      `\n${choices}`,
  );
  if (planText === undefined) return;
  const chosen = choosePlans(planText, templates, current?.plans ?? []);
  if (typeof chosen === "string" || chosen.length === 0) {
    const named = typeof chosen === "string" ? chosen : planText;
    ui.alert(`Không có kế hoạch "${named}" / no plan "${named}"`);
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
    // A plan that holds reports stays followed: its reports would otherwise drop out of sight.
    const held = new Map<string, number>();
    for (const row of storedRows(ss)) {
      const id = cellText(row[2]);
      held.set(id, (held.get(id) ?? 0) + 1);
    }
    const dropped = [...held].filter(([id]) => !chosen.some((t) => t.id === id));
    if (dropped.length > 0) {
      const [id, stored] = dropped[0]!;
      return {
        ok: false,
        message: `Bảng này đã nhận ${stored} báo cáo của kế hoạch ${id}: kế hoạch đó phải được giữ; thêm kế hoạch thì được. / This sheet holds ${stored} submissions for ${id}; keep that plan (adding plans is fine).`,
      };
    }
    const plans = chosen.map((t) => t.id);
    // Renaming the plain-named tabs is not done: the first plan stays first while it holds reports.
    if (current && current.plans[0] !== plans[0] && held.has(current.plans[0]!))
      plans.unshift(...plans.splice(plans.indexOf(current.plans[0]!), 1));
    saveConfig({ plans, period: period.data });
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
    for (const t of chosen) renderTab(ss, tabForPlan(indicatorCatalogueTab(t), t.id, plans[0]!));
    const data = loadTracker(ss)!;
    const log = logSheet(ss);
    // The log only grows as posts arrive; it is written whole only when it is missing.
    if (!hadLog && data.received.length > 0) {
      // Every plan's rows, in the order received (ISO times of one offset sort as text).
      const logs = data.templates.map((t) => submissionLogTab(t, data.received));
      const rows = logs.flatMap((l) => l.rows);
      rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      renderTab(ss, { ...logs[0]!, rows });
    }
    styleHeader(log, TRACKER_TABS.submissions.columns.length);
    colourLog(log);
    const now = new Date();
    upgradeLayout(ss, data, now);
    const all = consolidationsOf(data, now);
    const c = all[0]!;
    const written = writeConsolidation(ss, data, all, now);
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
    `${chosen.map((t) => t.plan.title).join("\n")}\n${done.message}${manifestNote}\n\n${NEXT_STEPS}`,
    ui.ButtonSet.OK,
  );
}
