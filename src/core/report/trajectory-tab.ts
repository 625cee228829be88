// The "Lộ trình" tab: each indicator's figure in every period beside where the line to its target
// stands, in the words every tracker writes.
import type { IndicatorTrajectory, TrajectoryStatus } from "./trajectory.js";
import { STATUS_MET, STATUS_NOT_MET } from "../sheet/layout-types.js";
import { formatNumberVi } from "../text/parse-number.js";
import type { TrackerTab } from "../tracker/tracker-tab-layout.js";
import { tab } from "../tracker/tracker-tabs.js";

export const trajectoryStatusNames: Record<TrajectoryStatus, string> = {
  start: "Mốc xuất phát",
  "on-track": "Đúng lộ trình",
  "off-track": "Chậm so với lộ trình",
  met: STATUS_MET,
  "not-met": STATUS_NOT_MET,
  pending: "Chưa đến hạn",
  "no-data": "Chưa có số liệu",
};

/** "≥ 8%/năm (hàng năm)": a yearly target says it is judged every year. */
export function trajectoryTargetText(t: IndicatorTrajectory): string {
  return t.yearly ? `${t.targetText} (hàng năm)` : t.targetText;
}

/** The line's figures to two decimals, as the figures officers report: 59,999… reads 60. */
export const rounded = (x: number | null): number | null =>
  x === null ? null : Math.round(x * 100) / 100;

/** A row per indicator and period, in the indicators' order and then in time order. */
export function trajectoryTab(list: readonly IndicatorTrajectory[]): TrackerTab {
  return tab(
    "trajectory",
    list.flatMap((t) =>
      t.points.map((p) => ({
        indicatorId: t.id,
        name: t.name,
        unit: t.unit,
        target: trajectoryTargetText(t),
        targetYear: t.targetYear,
        period: p.period,
        value: p.value,
        // A range's line is a band: its two ends, as text.
        expected:
          p.expectedMax === null
            ? rounded(p.expected)
            : `${formatNumberVi(rounded(p.expected) ?? 0)} – ${formatNumberVi(rounded(p.expectedMax)!)}`,
        status: trajectoryStatusNames[p.status],
      })),
    ),
  );
}
