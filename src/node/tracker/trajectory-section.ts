// The consolidator's page section that follows each indicator over the periods to its target:
// core's trajectories as an HTML table, every value escaped.
import { escapeHtml as h } from "../../core/text/html-escape.js";
import { formatNumberVi } from "../../core/text/parse-number.js";
import type { IndicatorTrajectory, TrajectoryStatus } from "../../core/report/trajectory.js";
import {
  rounded,
  trajectoryStatusNames,
  trajectoryTargetText,
} from "../../core/report/trajectory-tab.js";

const statusClass: Record<TrajectoryStatus, string> = {
  start: "none",
  "on-track": "ok",
  "off-track": "bad",
  met: "ok",
  "not-met": "bad",
  pending: "none",
  "no-data": "none",
};

const num = (x: number | null) => (x === null ? "—" : formatNumberVi(rounded(x)!));

export function renderTrajectorySection(list: readonly IndicatorTrajectory[]): string {
  const periods = list[0]?.points.map((p) => p.period) ?? [];
  if (list.length === 0) return "";
  const head = periods.map((p) => `<th>${h(p)}</th>`).join("");
  const rows = list
    .map((t) => {
      const cells = t.points
        .map((p) => {
          const line =
            p.expected === null || p.status === "start"
              ? ""
              : `<br><small>lộ trình ${h(num(p.expected))}${p.expectedMax === null ? "" : ` – ${h(num(p.expectedMax))}`}</small>`;
          return `<td class="num">${h(num(p.value))}${line}<br><span class="${statusClass[p.status]}">${h(trajectoryStatusNames[p.status])}</span></td>`;
        })
        .join("");
      return `<tr><td>${h(t.id)}</td><td>${h(t.name)}</td><td>${h(trajectoryTargetText(t))}</td><td class="num">${h(t.targetYear ?? "—")}</td>${cells}</tr>`;
    })
    .join("");
  return (
    `<section><h2>Lộ trình đến mục tiêu / trajectory to the targets</h2>` +
    `<p><small>Đúng lộ trình: không kém đường thẳng từ số liệu đầu tiên đến mục tiêu; chỉ tiêu hàng năm đánh giá từng năm. / On track: at or beyond the straight line from the first figure to the target; yearly targets are judged every year.</small></p>` +
    `<div class="scroll"><table><tr><th>Mã</th><th>Chỉ tiêu</th><th>Mục tiêu</th><th>Năm mục tiêu</th>${head}</tr>${rows}</table></div></section>`
  );
}
