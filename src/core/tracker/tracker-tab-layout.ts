// The tracker's tabs as a vocabulary: names, columns and their keys, and the words statuses are
// written in. The builders in tracker-tabs.ts fill these; every writer reads the same definitions.
import type { TaskOverallState, Timeliness } from "./consolidation-types.js";
import { STATUS_MET, STATUS_NOT_MET, taskStateNames } from "../sheet/layout-types.js";
import type { TargetStatus } from "../plan/target-status.js";
import type { Aggregation, IndicatorKind } from "../plan/template-schema.js";

/** What core writes into one cell of a tracker tab (output; the raw input is RawCellValue). */
export type TabCellValue = string | number | boolean | null;

export interface TrackerTab {
  key: TabKey;
  name: string;
  header: string[];
  /** A stable machine key per column, parallel to `header`: labels may be reworded, keys not. */
  columns: string[];
  /** The columns whose cells identify a row, for writers that update rows in place. */
  keyColumns: string[];
  rows: TabCellValue[][];
}

/**
 * How a column's cells are kept: numbers as numbers, everything else as plain text, so that free
 * text never becomes a formula or a date whatever writes it.
 */
export type ColumnKind = "text" | "number";

export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  /** Text unless said otherwise: the safe kind for a cell a person may have typed. */
  readonly kind?: ColumnKind;
}

export interface TabDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly keyColumns: readonly string[];
}

export const TRACKER_TABS = {
  indicators: {
    name: "Chỉ tiêu",
    keyColumns: ["indicatorId"],
    columns: [
      { key: "indicatorId", label: "Mã chỉ tiêu" },
      { key: "pillar", label: "Trụ cột" },
      { key: "group", label: "Nhóm" },
      { key: "name", label: "Chỉ tiêu" },
      { key: "unit", label: "Đơn vị tính" },
      { key: "kind", label: "Loại chỉ tiêu" },
      { key: "aggregation", label: "Cách tổng hợp" },
      { key: "reporters", label: "Đơn vị báo cáo" },
      { key: "lead", label: "Đơn vị chủ trì" },
      { key: "target", label: "Mục tiêu" },
      { key: "targetYear", label: "Năm mục tiêu", kind: "number" },
      { key: "numeratorLabel", label: "Tử số" },
      { key: "denominatorLabel", label: "Mẫu số" },
      { key: "baselineLabel", label: "Mốc so sánh" },
      { key: "evidenceRequired", label: "Cần minh chứng" },
      { key: "exclusion", label: "Không bao gồm" },
      { key: "source", label: "Trích văn bản" },
      { key: "note", label: "Ghi chú" },
    ],
  },
  units: {
    name: "Đơn vị",
    keyColumns: ["period", "unitCode"],
    columns: [
      { key: "period", label: "Kỳ báo cáo" },
      { key: "unitCode", label: "Mã đơn vị" },
      { key: "unitName", label: "Tên đơn vị" },
      { key: "kind", label: "Loại đơn vị" },
      { key: "level", label: "Cấp" },
      { key: "status", label: "Tình trạng nộp" },
      { key: "revision", label: "Lần nộp hiện hành", kind: "number" },
      { key: "receivedAt", label: "Thời điểm nhận (lần hiện hành)" },
      { key: "indicatorsRequired", label: "Số chỉ tiêu phải báo cáo", kind: "number" },
      {
        key: "indicatorsRequiredReported",
        label: "Số chỉ tiêu bắt buộc đã báo cáo",
        kind: "number",
      },
      { key: "indicatorsReported", label: "Tổng số chỉ tiêu đã báo cáo", kind: "number" },
      { key: "tasksLed", label: "Số nhiệm vụ chủ trì", kind: "number" },
      { key: "tasksReported", label: "Số nhiệm vụ đã báo cáo", kind: "number" },
    ],
  },
  submissions: {
    name: "Nhật ký nộp",
    keyColumns: ["submissionId", "itemId", "field"],
    columns: [
      { key: "receivedAt", label: "Thời điểm nhận" },
      { key: "submissionId", label: "Mã lần nộp" },
      { key: "revision", label: "Lần nộp", kind: "number" },
      { key: "state", label: "Hiệu lực" },
      { key: "unitCode", label: "Mã đơn vị" },
      { key: "period", label: "Kỳ báo cáo" },
      { key: "itemKind", label: "Loại mục" },
      { key: "itemId", label: "Mã mục" },
      { key: "field", label: "Trường" },
      { key: "value", label: "Giá trị", kind: "number" },
      { key: "note", label: "Ghi chú" },
      { key: "templateVersion", label: "Phiên bản biểu mẫu", kind: "number" },
    ],
  },
  consolidated: {
    name: "Tổng hợp",
    keyColumns: ["indicatorId"],
    columns: [
      { key: "indicatorId", label: "Mã chỉ tiêu" },
      { key: "name", label: "Chỉ tiêu" },
      { key: "unit", label: "Đơn vị tính" },
      { key: "aggregation", label: "Cách tổng hợp" },
      { key: "target", label: "Mục tiêu kế hoạch" },
      { key: "aggregate", label: "Kết quả tổng hợp", kind: "number" },
      { key: "status", label: "Đánh giá" },
      { key: "expected", label: "Số đơn vị phải báo cáo", kind: "number" },
      { key: "reported", label: "Số đơn vị đã báo cáo", kind: "number" },
      { key: "note", label: "Ghi chú" },
    ],
  },
  // Each unit's figures for the period, a row per unit: a province's thousands of communes grow
  // the tab downwards, never past Google Sheets' 18,278 columns.
  unitValues: {
    name: "Số liệu đơn vị",
    keyColumns: ["unitCode"],
    // One more column per indicator follows these, keyed `indicator:<id>` (see indicatorColumnKey).
    columns: [
      { key: "unitCode", label: "Mã đơn vị" },
      { key: "unitName", label: "Tên đơn vị" },
      { key: "level", label: "Cấp" },
    ],
  },
  tasks: {
    name: "Nhiệm vụ",
    keyColumns: ["period", "taskId"],
    columns: [
      { key: "period", label: "Kỳ báo cáo" },
      { key: "taskId", label: "Mã nhiệm vụ" },
      { key: "text", label: "Nhiệm vụ" },
      { key: "lead", label: "Đơn vị chủ trì" },
      { key: "deadline", label: "Thời hạn" },
      { key: "state", label: "Tình trạng" },
      { key: "overdue", label: "Quá hạn" },
      { key: "leadUnits", label: "Số đơn vị chủ trì", kind: "number" },
      { key: "done", label: "Hoàn thành", kind: "number" },
      { key: "inProgress", label: "Đang thực hiện", kind: "number" },
      { key: "notStarted", label: "Chưa thực hiện", kind: "number" },
      { key: "noReport", label: "Chưa báo cáo", kind: "number" },
      { key: "details", label: "Đơn vị chưa hoàn thành" },
    ],
  },
  timeliness: {
    name: "Tiến độ nộp",
    keyColumns: ["period", "unitCode"],
    columns: [
      { key: "period", label: "Kỳ báo cáo" },
      { key: "due", label: "Hạn nộp" },
      { key: "unitCode", label: "Mã đơn vị" },
      { key: "unitName", label: "Tên đơn vị" },
      { key: "status", label: "Tình trạng" },
      { key: "firstReceivedAt", label: "Nhận lần đầu" },
      { key: "receivedAt", label: "Nhận lần hiện hành" },
      { key: "revision", label: "Lần nộp hiện hành", kind: "number" },
      { key: "revisions", label: "Số lần nộp", kind: "number" },
      { key: "daysLate", label: "Số ngày trễ", kind: "number" },
    ],
  },
  budget: {
    name: "Kinh phí",
    keyColumns: ["period", "lineId"],
    columns: [
      { key: "period", label: "Kỳ báo cáo" },
      { key: "lineId", label: "Mã" },
      { key: "label", label: "Nội dung" },
      { key: "role", label: "Loại" },
      { key: "planned", label: "Kế hoạch (đồng)", kind: "number" },
      { key: "allocated", label: "Đã bố trí (đồng)", kind: "number" },
      { key: "disbursed", label: "Đã giải ngân (đồng)", kind: "number" },
      { key: "reporters", label: "Số đơn vị báo cáo", kind: "number" },
      { key: "disbursementRate", label: "Tỷ lệ giải ngân (%)", kind: "number" },
    ],
  },
  // Every period's figure per indicator against the line to its target (report/trajectory.ts).
  // Written beside the others where a tracker shows it, not in TRACKER_TAB_ORDER: it takes every
  // period's consolidation, where the other tabs take one.
  trajectory: {
    name: "Lộ trình",
    keyColumns: ["indicatorId", "period"],
    columns: [
      { key: "indicatorId", label: "Mã chỉ tiêu" },
      { key: "name", label: "Chỉ tiêu" },
      { key: "unit", label: "Đơn vị tính" },
      { key: "target", label: "Mục tiêu" },
      { key: "targetYear", label: "Năm mục tiêu", kind: "number" },
      { key: "period", label: "Kỳ báo cáo" },
      { key: "value", label: "Kết quả", kind: "number" },
      { key: "expected", label: "Theo lộ trình", kind: "number" },
      { key: "status", label: "Đánh giá lộ trình" },
    ],
  },
  // Where plans a tracker follows measure the same thing (tracker/plan-comparison.ts): a row per
  // measure; four more columns per plan follow these.
  comparison: {
    name: "So sánh kế hoạch",
    keyColumns: ["measureId"],
    columns: [
      { key: "measureId", label: "Mã phép đo" },
      { key: "name", label: "Cùng đo" },
      { key: "why", label: "Vì sao cùng đo" },
    ],
  },
  // What units that no longer exist reported in earlier periods, under each unit that took over
  // (tracker/carried-over.ts); a column per indicator follows these.
  carriedOver: {
    name: "Số liệu đơn vị cũ",
    keyColumns: ["successorCode", "submissionId"],
    columns: [
      { key: "successorCode", label: "Mã đơn vị kế nhiệm" },
      { key: "successorName", label: "Đơn vị kế nhiệm" },
      { key: "predecessorCode", label: "Mã đơn vị đã báo cáo" },
      { key: "predecessorName", label: "Đơn vị đã báo cáo (trước sắp xếp)" },
      { key: "period", label: "Kỳ báo cáo" },
      { key: "submissionId", label: "Mã lần nộp" },
      { key: "revision", label: "Lần nộp", kind: "number" },
    ],
  },
} as const satisfies Record<string, TabDef>;

export type TabKey = keyof typeof TRACKER_TABS;
export type ColumnKey<K extends TabKey> = (typeof TRACKER_TABS)[K]["columns"][number]["key"];

/** The order the tabs appear in every tracker. */
export const TRACKER_TAB_ORDER: readonly TabKey[] = [
  "indicators",
  "units",
  "submissions",
  "consolidated",
  "unitValues",
  "tasks",
  "timeliness",
  "budget",
];

/** The tabs kept one per period, named with it ("Tổng hợp 2025"); the others hold every period. */
export const PERIOD_TABS: ReadonlySet<TabKey> = new Set<TabKey>([
  "consolidated",
  "unitValues",
  "comparison",
  "carriedOver",
]);

/**
 * How every tracker tab looks, whoever writes it (the .xlsx export, the Apps Script tracker, the
 * push): its header row, and the number format of each kind of column.
 */
export const TAB_STYLE = {
  header: { fill: "#dde6f3", font: "#1f3864", bold: true },
  numberFormats: { text: "@", number: "General" } satisfies Record<ColumnKind, string>,
} as const;

// Columns that follow a tab's defined ones, one per indicator or plan: figures, or the plan's words.
const NUMBER_COLUMN_PREFIXES = ["indicator:", "aggregate:"];

/** The kind of each of a tab's columns, those that follow its defined ones included. */
export function columnKinds(tab: Pick<TrackerTab, "key" | "columns">): ColumnKind[] {
  const defined = new Map<string, ColumnKind | undefined>(
    TRACKER_TABS[tab.key].columns.map((c: ColumnDef) => [c.key, c.kind]),
  );
  return tab.columns.map((key) => {
    if (defined.has(key)) return defined.get(key) ?? "text";
    return NUMBER_COLUMN_PREFIXES.some((p) => key.startsWith(p)) ? "number" : "text";
  });
}

export const tabName = (key: TabKey, period: string) =>
  PERIOD_TABS.has(key) ? `${TRACKER_TABS[key].name} ${period}` : TRACKER_TABS[key].name;
export const consolidatedTabName = (period: string) => tabName("consolidated", period);
export const indicatorColumnKey = (indicatorId: string) => `indicator:${indicatorId}`;

export const targetStatusNames: Record<TargetStatus, string> = {
  met: STATUS_MET,
  "not-met": STATUS_NOT_MET,
  "no-data": "Chưa có số liệu",
};
export const timelinessNames: Record<Timeliness, string> = {
  "on-time": "Đúng hạn",
  late: "Trễ hạn",
  submitted: "Đã nộp",
  missing: "Chưa nộp",
};
export const taskOverallNames: Record<TaskOverallState, string> = {
  ...taskStateNames,
  "no-report": "Chưa báo cáo",
};
export const aggregationNames: Record<Aggregation, string> = {
  "ratio-of-sums": "Tỷ lệ trên tổng (Σ tử số / Σ mẫu số)",
  sum: "Tổng",
  mean: "Trung bình",
  min: "Nhỏ nhất",
  max: "Lớn nhất",
  "every-unit": "Mọi đơn vị phải đạt",
  "single-reporter": "Một đơn vị báo cáo",
};
export const indicatorKindNames: Record<IndicatorKind, string> = {
  percent: "Tỷ lệ (%)",
  count: "Số lượng",
  money: "Tiền (đồng)",
  rank: "Thứ hạng",
  growth: "Tăng trưởng",
  reduction: "Giảm so với mốc",
  "yes-no": "Có/không",
};
export const STRAY_STATUS = "Không có trong danh sách đơn vị";
export const CURRENT = "Hiện hành";
export const SUPERSEDED = "Đã thay thế";
export const OVERDUE = "Quá hạn";
