// Sections I–IV of the report, read off core's consolidation: who reported, each indicator against
// its target, the tasks, the budget. Nothing is recomputed here that consolidate() already knows.
import type {
  Consolidation,
  IndicatorConsolidation,
  TaskConsolidation,
  UnitConsolidation,
} from "../tracker/consolidation-types.js";
import { formatDong } from "../text/parse-number.js";
import { targetStatusNames } from "../tracker/tracker-tab-layout.js";
import type { Deadline } from "../plan/template-schema.js";
import type { ReportBlock, ReportColumn } from "./report-document.js";
import { changeText, reportNumber, shortDate, valueText } from "./report-text.js";

const col = (label: string, width: number, align: ReportColumn["align"] = "left") => ({
  label,
  width,
  align,
});

const names = (units: readonly UnitConsolidation[]) => units.map((u) => u.name).join("; ");

/** I. Who was to report, who did, on time or late, and who did not: every unit named. */
export function implementationSection(c: Consolidation): ReportBlock[] {
  const by = (t: UnitConsolidation["timeliness"]) => c.units.filter((u) => u.timeliness === t);
  const onTime = by("on-time");
  const late = by("late");
  const undated = by("submitted");
  const missing = by("missing");
  const blocks: ReportBlock[] = [
    { kind: "section", text: "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN" },
    {
      kind: "paragraph",
      text:
        `Số đơn vị phải báo cáo: ${c.summary.unitsExpected}; đã báo cáo: ${c.summary.unitsSubmitted}; ` +
        `chưa báo cáo: ${c.summary.unitsMissing}.` +
        (c.dueAt ? ` Hạn gửi báo cáo của các đơn vị: trước ngày ${shortDate(c.dueAt)}.` : ""),
    },
  ];
  if (c.summary.unitsSubmitted === 0) {
    blocks.push({
      kind: "paragraph",
      text: `Đến ngày ${shortDate(c.generatedAt)}, chưa có đơn vị nào gửi báo cáo ${c.periodLabel.toLocaleLowerCase("vi")}; các số liệu dưới đây sẽ được cập nhật khi các đơn vị gửi báo cáo.`,
    });
  }
  const line = (label: string, units: readonly UnitConsolidation[], detail = names(units)) => {
    if (units.length)
      blocks.push({ kind: "item", text: `- ${label} (${units.length}): ${detail}.` });
  };
  line("Báo cáo đúng hạn", onTime);
  line(
    "Báo cáo trễ hạn",
    late,
    late.map((u) => `${u.name} (trễ ${u.daysLate ?? "?"} ngày)`).join("; "),
  );
  line("Đã báo cáo", undated);
  line("Chưa báo cáo", missing);
  if (c.strays.length) {
    blocks.push({
      kind: "item",
      text: `- Báo cáo của đơn vị ngoài danh sách (${c.strays.length}): ${c.strays.map((s) => s.unit).join("; ")}.`,
    });
  }
  return blocks;
}

/**
 * II. Each indicator: target, result, met or not, change from the previous period, and the units
 * below target. Without a previous period there is no change column at all: a zero would claim a
 * comparison nobody made.
 */
export function indicatorSection(c: Consolidation, previous: Consolidation | null): ReportBlock[] {
  const before = new Map(previous?.indicators.map((i) => [i.id, i]));
  const unitNames = new Map(c.units.map((u) => [u.code, u.name]));
  const s = c.summary;
  const columns: ReportColumn[] = [
    col("TT", 6, "center"),
    col("Chỉ tiêu", previous ? 30 : 36),
    col("Mục tiêu", 14, "center"),
    col("Kết quả", 12, "right"),
    col("Đánh giá", 11, "center"),
    ...(previous
      ? [col(`So với ${previous.periodLabel.toLocaleLowerCase("vi")}`, 12, "right")]
      : []),
    col("Đơn vị chưa đạt", previous ? 15 : 21),
  ];
  const rows = c.indicators.map((ind, i) => [
    String(i + 1),
    `${ind.name} (${ind.id})`,
    targetText(ind),
    ind.aggregate === null ? "Chưa có số liệu" : valueText(ind, ind.aggregate),
    targetStatusNames[ind.status],
    ...(previous ? [changeCell(ind, before.get(ind.id))] : []),
    Object.entries(ind.byUnit)
      .filter(([, v]) => v.status === "not-met")
      .map(([code]) => unitNames.get(code) ?? code)
      .join("; "),
  ]);
  return [
    { kind: "section", text: "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" },
    {
      kind: "paragraph",
      text:
        `Trong ${c.indicators.length} chỉ tiêu: đạt ${s.indicatorsMet}; chưa đạt ${s.indicatorsNotMet}; ` +
        `chưa có số liệu ${s.indicatorsNoData}.` +
        (previous ? "" : " Kỳ trước chưa có số liệu nên báo cáo không so sánh với kỳ trước."),
    },
    { kind: "table", columns, rows },
  ];
}

function targetText(ind: IndicatorConsolidation): string {
  const text = ind.allTargetsText || ind.targetText;
  return ind.target ? `${text} (năm ${ind.target.year})` : text;
}

function changeCell(ind: IndicatorConsolidation, before: IndicatorConsolidation | undefined) {
  if (ind.aggregate === null || before?.aggregate == null) return "—";
  if (ind.kind === "yes-no") {
    return ind.aggregate === before.aggregate
      ? "Không đổi"
      : `${valueText(ind, before.aggregate)} → ${valueText(ind, ind.aggregate)}`;
  }
  return changeText(ind, ind.aggregate - before.aggregate);
}

const taskColumns: ReportColumn[] = [
  col("TT", 6, "center"),
  col("Nhiệm vụ", 52),
  col("Đơn vị chủ trì", 26),
  col("Thời hạn", 16, "center"),
];

function deadlineText(d: Deadline): string {
  if (d === null) return "Không quy định";
  if (d === "recurring") return "Thường xuyên";
  const [y, m] = d.split("-");
  return `${m}/${y}`;
}

/** III. Tasks done, in progress, overdue, and those nobody has reported on, each with its lead. */
export function taskSection(c: Consolidation): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "section", text: "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" }];
  if (c.tasks.length === 0) {
    blocks.push({
      kind: "paragraph",
      text: "Kế hoạch không giao nhiệm vụ có đơn vị chủ trì và thời hạn.",
    });
    return blocks;
  }
  // consolidate() never marks a done task overdue.
  const overdue = c.tasks.filter((t) => t.overdue);
  const groups: [string, TaskConsolidation[]][] = [
    ["Nhiệm vụ đã hoàn thành", c.tasks.filter((t) => t.state === "done")],
    ["Nhiệm vụ đang thực hiện", c.tasks.filter((t) => t.state === "in-progress" && !t.overdue)],
    ["Nhiệm vụ quá hạn chưa hoàn thành", overdue],
    [
      "Nhiệm vụ chưa triển khai hoặc chưa có báo cáo",
      c.tasks.filter((t) => (t.state === "not-started" || t.state === "no-report") && !t.overdue),
    ],
  ];
  blocks.push({
    kind: "paragraph",
    text:
      `Tổng số ${c.tasks.length} nhiệm vụ: ` +
      groups
        .map(([label, tasks]) => `${label.replace(/^Nhiệm vụ /u, "")} ${tasks.length}`)
        .join("; ") +
      ".",
  });
  groups.forEach(([label, tasks], i) => {
    blocks.push({ kind: "heading", text: `${i + 1}. ${label} (${tasks.length})` });
    if (tasks.length === 0) {
      blocks.push({ kind: "paragraph", text: "Không có." });
      return;
    }
    blocks.push({
      kind: "table",
      columns: taskColumns,
      rows: tasks.map((t, j) => [
        String(j + 1),
        `${t.text} (${t.id})`,
        t.lead.join("; "),
        deadlineText(t.deadline),
      ]),
    });
  });
  return blocks;
}

/** IV. The plan's budget by source: planned, allocated and disbursed, in đồng. */
export function budgetSection(c: Consolidation): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "section", text: "IV. KINH PHÍ THỰC HIỆN" }];
  const total = c.budget.find((b) => b.role === "total");
  if (!total) {
    blocks.push({ kind: "paragraph", text: "Kế hoạch không quy định kinh phí thực hiện." });
    return blocks;
  }
  const rate = (r: number | null) => (r === null ? "—" : `${reportNumber(r)}%`);
  blocks.push(
    {
      kind: "paragraph",
      text:
        `Tổng kinh phí theo kế hoạch: ${formatDong(total.planned)} đồng; đã phân bổ: ` +
        `${formatDong(total.allocated)} đồng; đã giải ngân: ${formatDong(total.disbursed)} đồng` +
        (total.disbursementRate === null
          ? "."
          : ` (đạt ${rate(total.disbursementRate)} kinh phí đã phân bổ).`),
    },
    {
      kind: "table",
      columns: [
        col("Nguồn kinh phí", 31),
        col("Kế hoạch (đồng)", 20, "right"),
        col("Đã phân bổ (đồng)", 19, "right"),
        col("Đã giải ngân (đồng)", 19, "right"),
        col("Tỷ lệ giải ngân", 11, "right"),
      ],
      rows: [...c.budget.filter((b) => b.role === "part"), total].map((b) => [
        b.label,
        formatDong(b.planned),
        formatDong(b.allocated),
        formatDong(b.disbursed),
        rate(b.disbursementRate),
      ]),
    },
  );
  return blocks;
}
