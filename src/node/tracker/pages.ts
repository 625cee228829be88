// The consolidator's pages of the self-hosted tracker: plain HTML, every value escaped.
import { renderTrajectorySection } from "./trajectory-section.js";
import type { IndicatorTrajectory } from "../../core/report/trajectory.js";
import type { Consolidation, Timeliness } from "../../core/tracker/consolidate.js";
import { escapeHtml as h } from "../../core/text/html-escape.js";
import { formatDateVi } from "../../core/text/parse-date.js";
import { formatDong, formatNumberVi } from "../../core/text/parse-number.js";
import type { TargetStatus } from "../../core/plan/target-status.js";
import type { Template } from "../../core/plan/template-schema.js";
import type { ComparisonRow } from "../../core/tracker/plan-comparison.js";

const statusWords: Record<TargetStatus, [string, string]> = {
  met: ["Đạt", "ok"],
  "not-met": ["Chưa đạt", "bad"],
  "no-data": ["Chưa có số liệu", "none"],
};
const timelinessWords: Record<Timeliness, [string, string]> = {
  "on-time": ["Đúng hạn", "ok"],
  submitted: ["Đã nộp", "ok"],
  late: ["Trễ hạn", "warn"],
  missing: ["Chưa nộp", "bad"],
};
const taskWords = {
  done: "Hoàn thành",
  "in-progress": "Đang thực hiện",
  "not-started": "Chưa thực hiện",
  "no-report": "Chưa báo cáo",
};

/** Units shown as columns of the indicator × unit matrix; beyond this the page links to the export. */
const MATRIX_LIMIT = 60;

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#1b1b1b;background:#faf9f8}
header{background:#0f6cbd;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0}
main{padding:16px 24px}section{margin-bottom:28px}h2{font-size:17px;border-bottom:2px solid #0f6cbd;padding-bottom:4px}
table{border-collapse:collapse;background:#fff;font-size:13px}th,td{border:1px solid #d1d1d1;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right;white-space:nowrap}td:first-child{white-space:nowrap}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #d1d1d1;border-radius:6px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:22px}.ok{color:#0e700e}.bad{color:#b10e1c;font-weight:600}.warn{color:#8a3707;font-weight:600}.none{color:#616161}
.scroll{overflow-x:auto}a{color:#0f6cbd}small{color:#616161}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

const num = (x: number | null, digits = 2) =>
  x === null ? "—" : formatNumberVi(Math.round(x * 10 ** digits) / 10 ** digits);
const when = (iso: string | null) =>
  iso ? `${formatDateVi(iso.slice(0, 10))} ${iso.slice(11, 16)}` : "—";
const word = ([text, cls]: [string, string]) => `<span class="${cls}">${h(text)}</span>`;

export function renderIndexPage(templates: Template[], unitCount: number): string {
  const year = new Date().getFullYear();
  const rows = templates
    .map(
      (t) =>
        `<tr><td>${h(t.id)}</td><td>${h(t.plan.title)}</td><td>${h(t.plan.documentNumber ?? "—")}</td><td class="num">${t.indicators.length}</td>` +
        `<td>${[year - 1, year].map((y) => `<a href="/plans/${encodeURIComponent(t.id)}/${y}">${y}</a>`).join(" · ")}</td></tr>`,
    )
    .join("");
  return page(
    "chitieu — tracker",
    `<header><h1>chitieu — theo dõi chỉ tiêu chuyển đổi số</h1><p>${unitCount} đơn vị báo cáo / reporting units · <a style="color:#fff" href="/login">người tổng hợp đăng nhập / consolidators sign in</a></p></header>` +
      `<main><section><h2>Kế hoạch / plans</h2><table><tr><th>Mã</th><th>Kế hoạch</th><th>Số văn bản</th><th>Chỉ tiêu</th><th>Tổng hợp theo năm</th></tr>${rows}</table></section></main>`,
  );
}

/** The consolidator's sign-in: the credential from `chitieu keys issue --consolidator`. */
export function renderLoginPage({
  next,
  refused = false,
}: {
  next: string;
  refused?: boolean;
}): string {
  const error = refused
    ? `<p class="bad">Mã không đúng hoặc đã bị thu hồi / The credential is wrong or was revoked.</p>`
    : "";
  return page(
    "chitieu — đăng nhập / sign in",
    `<header><h1>chitieu — người tổng hợp / consolidator</h1><p>Báo cáo của các đơn vị chỉ người tổng hợp được xem / Only consolidators may read the units' reports.</p></header>` +
      `<main><section>${error}<form method="post" action="/login">` +
      `<input type="hidden" name="next" value="${h(next)}">` +
      `<p><label>Mã người tổng hợp / consolidator credential<br><input type="password" name="credential" size="70" autocomplete="current-password" required autofocus></label></p>` +
      `<p><button type="submit">Đăng nhập / sign in</button></p></form>` +
      `<p><small>Mã do quản trị viên cấp: <code>chitieu keys issue --consolidator</code> / issued by the administrator.</small></p></section></main>`,
  );
}

export function renderConsolidationPage(
  template: Template,
  c: Consolidation,
  trajectory: readonly IndicatorTrajectory[] = [],
  comparison: readonly ComparisonRow[] = [],
): string {
  const s = c.summary;
  const cards = [
    ["Đơn vị phải nộp", s.unitsExpected, ""],
    ["Đã nộp", s.unitsSubmitted, "ok"],
    ["Đúng hạn", s.unitsOnTime, "ok"],
    ["Trễ hạn", s.unitsLate, "warn"],
    ["Chưa nộp", s.unitsMissing, "bad"],
    ["Chỉ tiêu đạt", s.indicatorsMet, "ok"],
    ["Chưa đạt", s.indicatorsNotMet, "bad"],
    ["Nhiệm vụ quá hạn", s.tasksOverdue, "warn"],
  ]
    .map(([label, n, cls]) => `<div class="card"><b class="${cls}">${n}</b>${h(label)}</div>`)
    .join("");

  const units = c.units
    .map(
      (u) =>
        `<tr><td>${h(u.code)}</td><td>${h(u.name)}</td><td>${word(timelinessWords[u.timeliness])}${u.daysLate ? ` <small>(${u.daysLate} ngày)</small>` : ""}</td>` +
        `<td>${when(u.firstReceivedAt)}</td><td class="num">${u.revision ?? "—"}</td><td class="num">${u.indicatorsRequiredReported}/${u.indicatorsRequired}</td></tr>`,
    )
    .join("");

  const indicators = c.indicators
    .map(
      (i) =>
        `<tr><td>${h(i.id)}</td><td>${h(i.name)}</td><td>${h(i.allTargetsText)}</td><td class="num">${num(i.aggregate)}${i.unit === "%" && i.aggregate !== null ? "%" : ""}</td>` +
        `<td>${word(statusWords[i.status])}</td><td class="num">${i.reported}/${i.expected}</td><td><small>${h(i.note)}</small></td></tr>`,
    )
    .join("");

  const matrixUnits = c.units.filter((u) => u.revision !== null).slice(0, MATRIX_LIMIT);
  const matrix =
    matrixUnits.length === 0
      ? "<p>Chưa có báo cáo / no reports yet.</p>"
      : `<div class="scroll"><table><tr><th>Chỉ tiêu</th>${matrixUnits.map((u) => `<th title="${h(u.name)}">${h(u.code)}</th>`).join("")}</tr>` +
        c.indicators
          .map(
            (i) =>
              `<tr><td>${h(i.id)}</td>${matrixUnits
                .map((u) => {
                  const v = i.byUnit[u.code];
                  if (!v) return "<td></td>";
                  const [, cls] = statusWords[v.status];
                  return `<td class="num ${cls}" title="${h(`${v.targetText} · ${v.provenance.submissionId} r${v.provenance.revision} ${v.provenance.receivedAt}`)}">${num(v.value)}</td>`;
                })
                .join("")}</tr>`,
          )
          .join("") +
        `</table></div>${c.units.filter((u) => u.revision !== null).length > MATRIX_LIMIT ? "<p><small>Quá nhiều đơn vị để hiển thị; xem bản xuất .xlsx / too many units to show; see the .xlsx export.</small></p>" : ""}`;

  const tasks = c.tasks
    .map(
      (t) =>
        `<tr><td>${h(t.id)}</td><td>${h(t.text)}</td><td>${h(t.lead.join("; "))}</td><td>${h(t.deadline === null ? "—" : t.deadline === "recurring" ? "Thường xuyên" : t.deadline)}</td>` +
        `<td>${h(taskWords[t.state])}</td><td>${t.overdue ? word(["Quá hạn", "bad"]) : ""}</td></tr>`,
    )
    .join("");

  const budget = c.budget.length
    ? `<section><h2>Kinh phí (đồng) / budget</h2><table><tr><th>Mã</th><th>Nội dung</th><th>Kế hoạch</th><th>Đã bố trí</th><th>Đã giải ngân</th><th>Tỷ lệ giải ngân</th></tr>${c.budget
        .map(
          (b) =>
            `<tr><td>${h(b.id)}</td><td>${h(b.label)}</td><td class="num">${formatDong(b.planned)}</td><td class="num">${formatDong(b.allocated)}</td><td class="num">${formatDong(b.disbursed)}</td><td class="num">${b.disbursementRate === null ? "—" : `${num(b.disbursementRate, 1)}%`}</td></tr>`,
        )
        .join("")}</table></section>`
    : "";

  // Where another plan the tracker follows measures the same thing (seeds/measures/).
  const compared = comparison.length
    ? `<section><h2>So sánh với kế hoạch khác / the same measure in other plans</h2><table><tr><th>Cùng đo</th><th>Kế hoạch</th><th>Chỉ tiêu</th><th>Mục tiêu</th><th>Tổng hợp</th><th>Đánh giá</th></tr>${comparison
        .flatMap((r) =>
          r.byPlan.map(
            (b, i) =>
              `<tr>${i === 0 ? `<td rowspan="${r.byPlan.length}" title="${h(r.why)}">${h(r.name)}</td>` : ""}<td>${h(b.planId)}</td><td>${h(b.indicatorId)}</td><td>${h(b.targetText)}</td><td class="num">${num(b.aggregate)}</td><td>${word(statusWords[b.status])}</td></tr>`,
          ),
        )
        .join("")}</table></section>`
    : "";

  const strays = c.strays.length
    ? `<section><h2>Báo cáo từ đơn vị không có trong danh sách / reports from units not on the list</h2><ul>${c.strays.map((x) => `<li>${h(x.unit)} (${x.revisions} lần nộp)</li>`).join("")}</ul></section>`
    : "";

  return page(
    `${template.plan.title} — ${c.periodLabel}`,
    `<header><h1>${h(template.plan.title)}</h1><p>${h(template.plan.documentNumber ?? "")} · ${h(c.periodLabel)} · hạn nộp: ${h(c.dueAt ? when(c.dueAt) : "không quy định")} · cập nhật ${h(when(c.generatedAt))}</p></header><main>` +
      `<section class="cards">${cards}</section>` +
      `<section><h2>Tiến độ nộp báo cáo / timeliness</h2><table><tr><th>Mã</th><th>Đơn vị</th><th>Tình trạng</th><th>Nộp lần đầu</th><th>Lần nộp</th><th>Chỉ tiêu bắt buộc</th></tr>${units}</table></section>` +
      `<section><h2>Chỉ tiêu / indicators</h2><table><tr><th>Mã</th><th>Chỉ tiêu</th><th>Mục tiêu</th><th>Tổng hợp</th><th>Đánh giá</th><th>Đã báo cáo</th><th>Ghi chú</th></tr>${indicators}</table></section>` +
      renderTrajectorySection(trajectory) +
      `<section><h2>Chi tiết theo đơn vị / by unit</h2>${matrix}</section>` +
      `<section><h2>Nhiệm vụ / tasks</h2><table><tr><th>Mã</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Hạn</th><th>Tình trạng</th><th></th></tr>${tasks}</table></section>` +
      budget +
      compared +
      strays +
      `<p><a href="/api/consolidated/${encodeURIComponent(c.planId)}/${encodeURIComponent(c.period)}">JSON</a> · <a href="/">Trang chủ</a></p>` +
      `<form method="post" action="/logout"><button type="submit">Đăng xuất / sign out</button></form></main>`,
  );
}
