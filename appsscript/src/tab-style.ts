// How each tracker tab looks in Google Sheets: which columns hold free text or numbers (core's
// TRACKER_TABS says), and which status words get which colour. The words themselves are core's.
import type { ColumnKind, TabKey, TrackerTab } from "../../src/core/tracker/tracker-tab-layout.js";
import { trajectoryStatusNames } from "../../src/core/report/trajectory-tab.js";
import {
  columnKinds,
  OVERDUE,
  STRAY_STATUS,
  SUPERSEDED,
  targetStatusNames,
  taskOverallNames,
  timelinessNames,
} from "../../src/core/tracker/tracker-tab-layout.js";

/** 1-based positions of the tab's columns of one kind (core's TRACKER_TABS says which). */
function columnsOfKind(tab: Pick<TrackerTab, "key" | "columns">, kind: ColumnKind): Set<number> {
  const out = new Set<number>();
  columnKinds(tab).forEach((k, i) => {
    if (k === kind) out.add(i + 1);
  });
  return out;
}

/** Free text, made plain text so nothing in it is parsed. */
export const textColumnsOf = (tab: Pick<TrackerTab, "key" | "columns">) =>
  columnsOfKind(tab, "text");
export const numberColumnsOf = (tab: Pick<TrackerTab, "key" | "columns">) =>
  columnsOfKind(tab, "number");

export interface Colour {
  background: string;
  font: string;
}
export const GOOD: Colour = { background: "#c6efce", font: "#006100" };
export const BAD: Colour = { background: "#ffc7ce", font: "#9c0006" };
export const LATE: Colour = { background: "#ffeb9c", font: "#9c5700" };
export const MUTED: Colour = { background: "#eeeeee", font: "#666666" };

const timelinessColours: [string, Colour][] = [
  [timelinessNames["on-time"], GOOD],
  [timelinessNames.submitted, GOOD],
  [timelinessNames.late, LATE],
  [timelinessNames.missing, BAD],
  [STRAY_STATUS, LATE],
];

/** Per tab: the status column and the colour of each of its words. */
export const statusColours: Partial<
  Record<TabKey, { column: string; words: [string, Colour][] }[]>
> = {
  consolidated: [
    {
      column: "status",
      words: [
        [targetStatusNames.met, GOOD],
        [targetStatusNames["not-met"], BAD],
        [targetStatusNames["no-data"], MUTED],
      ],
    },
  ],
  units: [{ column: "status", words: timelinessColours }],
  timeliness: [{ column: "status", words: timelinessColours }],
  tasks: [
    { column: "state", words: [[taskOverallNames.done, GOOD]] },
    { column: "overdue", words: [[OVERDUE, BAD]] },
  ],
  submissions: [{ column: "state", words: [[SUPERSEDED, MUTED]] }],
  trajectory: [
    {
      column: "status",
      words: [
        [trajectoryStatusNames.met, GOOD],
        [trajectoryStatusNames["on-track"], GOOD],
        [trajectoryStatusNames["off-track"], BAD],
        [trajectoryStatusNames["not-met"], BAD],
        [trajectoryStatusNames.pending, MUTED],
        [trajectoryStatusNames["no-data"], MUTED],
      ],
    },
  ],
};
