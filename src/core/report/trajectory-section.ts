// Section II's second part: each indicator's figures period by period against its target year,
// on or off the straight line to it (trajectory.ts), as the People's Committee reads it.
import type { Consolidation } from "../tracker/consolidation-types.js";
import { periodLabelVi } from "../plan/period.js";
import type { ReportBlock, ReportColumn } from "./report-document.js";
import { valueText } from "./report-text.js";
import { trajectories, type TrajectoryStatus } from "./trajectory.js";

export const trajectoryStatusNames: Record<TrajectoryStatus, string> = {
  start: "Kỳ đầu (mốc so sánh)",
  "on-track": "Đúng lộ trình",
  "off-track": "Chậm so với lộ trình",
  met: "Đạt",
  "not-met": "Chưa đạt",
  pending: "Chưa đến hạn",
  "no-data": "Chưa có số liệu",
};

/** The table has room for this many periods; earlier ones are summed up in the text. */
const SHOWN_PERIODS = 5;

/** `series`: the period's consolidation and those of earlier periods of the same kind. */
export function trajectoryBlocks(series: readonly Consolidation[]): ReportBlock[] {
  const heading: ReportBlock = { kind: "heading", text: "Tiến độ thực hiện đến năm mục tiêu" };
  const followed = trajectories(series);
  const indicators = new Map(series.flatMap((c) => c.indicators).map((i) => [i.id, i]));
  const periods = followed[0]?.points.map((p) => p.period) ?? [];
  if (periods.length < 2) {
    return [
      heading,
      {
        kind: "paragraph",
        text: "Mới có số liệu của một kỳ báo cáo: tiến độ theo lộ trình đến năm mục tiêu được đánh giá từ kỳ sau.",
      },
    ];
  }
  const shown = periods.slice(-SHOWN_PERIODS);
  const behind = followed.filter((t) => t.latest === "off-track" || t.latest === "not-met");
  const count = (s: TrajectoryStatus) => followed.filter((t) => t.latest === s).length;
  const periodShare = Math.min(12, Math.floor(40 / shown.length));
  const columns: ReportColumn[] = [
    { label: "TT", width: 6, align: "center" },
    { label: "Chỉ tiêu", width: 100 - 6 - 14 - 16 - periodShare * shown.length, align: "left" },
    { label: "Mục tiêu", width: 14, align: "center" },
    ...shown.map((p) => ({ label: periodLabelVi(p), width: periodShare, align: "right" as const })),
    { label: "Tiến độ", width: 16, align: "center" },
  ];
  return [
    heading,
    {
      kind: "paragraph",
      text:
        `So với đường thẳng từ số liệu kỳ đầu đến mục tiêu (${periods.length} kỳ, ${periodLabelVi(periods[0]!).toLocaleLowerCase("vi")} – ${periodLabelVi(periods[periods.length - 1]!).toLocaleLowerCase("vi")}): ` +
        `đúng lộ trình ${count("on-track")}; đạt ${count("met")}; chậm so với lộ trình ${count("off-track")}; ` +
        `chưa đạt ${count("not-met")}.` +
        (behind.length
          ? ` Các chỉ tiêu cần tập trung chỉ đạo: ${behind.map((t) => `${t.name} (${t.id})`).join("; ")}.`
          : ""),
    },
    {
      kind: "table",
      columns,
      rows: followed.map((t, i) => {
        const byPeriod = new Map(t.points.map((p) => [p.period, p.value]));
        return [
          String(i + 1),
          `${t.name} (${t.id})`,
          t.target ? `${t.targetText}${t.yearly ? " mỗi năm" : ` (năm ${t.target.year})`}` : "",
          ...shown.map((p) => {
            const v = byPeriod.get(p);
            const ind = indicators.get(t.id);
            return v === null || v === undefined || !ind ? "—" : valueText(ind, v);
          }),
          trajectoryStatusNames[t.latest],
        ];
      }),
    },
  ];
}
