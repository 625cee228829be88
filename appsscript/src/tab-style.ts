// How each tracker tab looks in Google Sheets: which columns hold free text (plain-text format),
// and which status words get which colour. Presentation only: the words themselves are core's.
import type { TabKey, TrackerTab } from "../../src/core/tracker/tracker-tab-layout.js";
import { trajectoryStatusNames } from "../../src/core/report/trajectory-tab.js";
import {
  OVERDUE,
  STRAY_STATUS,
  SUPERSEDED,
  targetStatusNames,
  taskOverallNames,
  timelinessNames,
} from "../../src/core/tracker/tracker-tab-layout.js";

// Columns that carry numbers (or, for the log's value, numbers and text): left to Sheets' automatic
// format. Every other column is free text and is made plain text, so nothing in it is parsed.
const numericColumns: Record<TabKey, readonly string[]> = {
  indicators: ["targetYear"],
  units: [
    "revision",
    "indicatorsRequired",
    "indicatorsRequiredReported",
    "indicatorsReported",
    "tasksLed",
    "tasksReported",
  ],
  submissions: ["revision", "value", "templateVersion"],
  consolidated: ["aggregate", "expected", "reported"],
  unitValues: [],
  tasks: ["leadUnits", "done", "inProgress", "notStarted", "noReport"],
  timeliness: ["revision", "revisions", "daysLate"],
  budget: ["planned", "allocated", "disbursed", "reporters", "disbursementRate"],
  trajectory: ["targetYear", "value", "expected"],
  comparison: [],
  carriedOver: ["revision"],
};

/** 1-based positions of the tab's free-text columns; per-indicator value columns are numeric. */
export function textColumnsOf(tab: Pick<TrackerTab, "key" | "columns">): Set<number> {
  const numeric = new Set(numericColumns[tab.key]);
  const out = new Set<number>();
  tab.columns.forEach((key, i) => {
    if (!numeric.has(key) && !key.startsWith("indicator:") && !key.startsWith("aggregate:"))
      out.add(i + 1);
  });
  return out;
}

export interface Colour {
  background: string;
  font: string;
}
export const GOOD: Colour = { background: "#c6efce", font: "#006100" };
export const BAD: Colour = { background: "#ffc7ce", font: "#9c0006" };
export const LATE: Colour = { background: "#ffeb9c", font: "#9c5700" };
export const MUTED: Colour = { background: "#eeeeee", font: "#666666" };
export const HEADER_BACKGROUND = "#dde6f3";

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
