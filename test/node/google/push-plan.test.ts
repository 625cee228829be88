// Planning a push: rows upserted by key under the sheet's own headers, never removed, and write
// bodies packed under 2 MB from the exact JSON sent.
import { describe, expect, it } from "vitest";
import type { ReceivedSubmission } from "../../../src/core/tracker/consolidate.js";
import { consolidate } from "../../../src/core/tracker/consolidate.js";
import { cellText, planTabUpsert } from "../../../src/core/tracker/sheet-upsert.js";
import type { TabCellValue, TrackerTab } from "../../../src/core/tracker/tracker-tab-layout.js";
import { TRACKER_TABS } from "../../../src/core/tracker/tracker-tab-layout.js";
import { tabGrid, trackerTabs } from "../../../src/core/tracker/tracker-tabs.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import {
  MAX_BODY_BYTES,
  planPush,
  utf8Length,
  writeBodies,
} from "../../../src/node/google/push-plan.js";
import { parseA1 } from "../../fakes/sheets-server.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { validReport } from "../../fixtures/reports.js";

/** A units-like tab: key (period, unitCode). */
function unitsTab(rows: TabCellValue[][]): TrackerTab {
  const def = TRACKER_TABS.units;
  return {
    key: "units",
    name: def.name,
    header: def.columns.map((c) => c.label),
    columns: def.columns.map((c) => c.key),
    keyColumns: [...def.keyColumns],
    rows,
  };
}

const row = (code: string, status: string, revision: number | null = 1): TabCellValue[] => [
  "2025",
  code,
  `Đơn vị ${code}`,
  "Sở, ban, ngành",
  "Cấp tỉnh",
  status,
  revision,
  revision ? "2025-12-01T09:00:00.000+07:00" : null,
  10,
  revision ? 10 : 0,
  revision ? 12 : 0,
  2,
  revision ? 2 : 0,
];

/** What a sheet hands back for a grid written raw: trailing blanks gone, null as "". */
function asSheet(grid: TabCellValue[][]): unknown[][] {
  return grid.map((r) => {
    const out = r.map((v) => (v === null ? "" : v));
    while (out.length && out.at(-1) === "") out.pop();
    return out;
  });
}

describe("planTabUpsert", () => {
  const tab = unitsTab([row("STTTT", "Đúng hạn"), row("SYT", "Chưa nộp", null)]);

  it("writes header and rows into an empty sheet as one block", () => {
    const plan = planTabUpsert(tab, []);
    expect(plan).toMatchObject({ fresh: true, added: 2, updated: 0, unchanged: 0, kept: 0 });
    expect(plan.writes).toEqual([{ row: 0, col: 0, values: [tab.header, ...tab.rows] }]);
  });

  it("writes nothing when the sheet already holds the tab, numbers read back as text or not", () => {
    const grid = asSheet(tabGrid(tab, "raw"));
    // A parsing writer (Apps Script) may have left "1" where the push wrote 1.
    grid[1]![6] = "1";
    const plan = planTabUpsert(tab, grid);
    expect(plan).toMatchObject({ fresh: false, added: 0, updated: 0, unchanged: 2, writes: [] });
  });

  it("rewrites only the row whose value changed, in place", () => {
    const grid = asSheet(tabGrid(tab, "raw"));
    const changed = unitsTab([row("STTTT", "Đúng hạn"), row("SYT", "Trễ hạn", 1)]);
    const plan = planTabUpsert(changed, grid);
    expect(plan).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(plan.writes).toEqual([{ row: 2, col: 0, values: [changed.rows[1]] }]);
  });

  it("keeps rows the new data lacks and appends new ones after the last row", () => {
    const grid = asSheet(
      tabGrid(unitsTab([row("OLD", "Đúng hạn"), row("STTTT", "Đúng hạn")]), "raw"),
    );
    const plan = planTabUpsert(tab, grid);
    expect(plan).toMatchObject({ added: 1, updated: 0, unchanged: 1, kept: 1 });
    expect(plan.writes).toEqual([{ row: 3, col: 0, values: [tab.rows[1]] }]);
  });

  it("finds columns by their header label and leaves the owner's own columns alone", () => {
    const header = tab.header;
    // The consolidator swapped two columns and inserted a column of their own after the key.
    const order = [1, 0, -1, ...header.keys()].filter((i, k, all) => i < 0 || all.indexOf(i) === k);
    const sheetRow = (r: TabCellValue[]) => order.map((i) => (i < 0 ? "ghi chú riêng" : r[i]!));
    const grid = asSheet([
      order.map((i) => (i < 0 ? "Theo dõi riêng" : header[i]!)),
      sheetRow(row("STTTT", "Đúng hạn")),
      sheetRow(row("SYT", "Đúng hạn", 1)),
    ]);
    const plan = planTabUpsert(tab, grid);
    expect(plan).toMatchObject({ added: 0, updated: 1, unchanged: 1, newColumns: [] });
    // Two blocks around the owner's column 2, both on the sheet row of SYT.
    expect(plan.writes.map((w) => [w.row, w.col, w.values[0]!.length])).toEqual([
      [2, 0, 2],
      [2, 3, header.length - 2],
    ]);
    const written = new Map<number, TabCellValue>();
    for (const w of plan.writes) w.values[0]!.forEach((v, i) => written.set(w.col + i, v));
    expect(written.has(2)).toBe(false);
    expect(written.get(0)).toBe("SYT");
    expect(written.get(order.indexOf(5))).toBe("Chưa nộp");
  });

  it("appends a column the sheet lacks (a unit that joined) and fills it on existing rows", () => {
    const narrow = asSheet(tabGrid(tab, "raw")).map((r) => r.slice(0, 12));
    const plan = planTabUpsert(tab, narrow);
    expect(plan.newColumns).toEqual(["Số nhiệm vụ đã báo cáo"]);
    expect(plan.writes[0]).toEqual({ row: 0, col: 12, values: [["Số nhiệm vụ đã báo cáo"]] });
    expect(plan).toMatchObject({ updated: 2, added: 0 });
  });
});

describe("writeBodies", () => {
  const block = (rows: number, width: number, text: string) => ({
    row: 0,
    col: 0,
    values: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, c) => `${text} ${r}:${c}`),
    ),
  });

  it("keeps every body under the limit, splitting blocks between rows, losing nothing", () => {
    const blocks = [
      { title: "Nhật ký nộp", block: block(900, 12, "giá trị có dấu tiếng Việt") },
      { title: "Bob's tab", block: { ...block(40, 3, "x"), row: 7, col: 2 } },
      { title: "Tổng hợp 2025", block: block(300, 30, "ô") },
    ];
    const limit = 120_000;
    const bodies = writeBodies(blocks, limit);
    expect(bodies.length).toBeGreaterThan(3);
    for (const b of bodies) {
      expect(b.bytes).toBe(utf8Length(JSON.stringify(b.body)));
      expect(b.bytes).toBeLessThanOrEqual(limit);
      expect(b.body.valueInputOption).toBe("RAW");
    }
    // Every row arrives once, at the sheet row its range says.
    const seen = new Map<string, unknown[]>();
    for (const vr of bodies.flatMap((b) => b.body.data ?? [])) {
      const r = parseA1(vr.range!);
      (vr.values ?? []).forEach((v, i) => seen.set(`${r.title}|${r.r0 + i}|${r.c0}`, v));
      expect(r.r1! - r.r0 + 1).toBe(vr.values!.length);
    }
    for (const { title, block: b } of blocks) {
      b.values.forEach((v, i) => expect(seen.get(`${title}|${b.row + i}|${b.col}`)).toEqual(v));
    }
    expect(seen.size).toBe(900 + 40 + 300);
  });

  it('sends an empty cell as "", which clears it, never as null, which the API skips', () => {
    const [body] = writeBodies(
      [{ title: "T", block: { row: 0, col: 0, values: [[null, 1, "a"]] } }],
      MAX_BODY_BYTES,
    );
    expect(body!.body.data).toEqual([{ range: "'T'!A1:C1", values: [["", 1, "a"]] }]);
  });
});

describe("planPush", () => {
  it("splits a tracker too big for one request into bodies of at most 2 MB", () => {
    const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;
    const units: Unit[] = Array.from({ length: 450 }, (_, i) => ({
      code: `S-${String(i).padStart(3, "0")}`,
      name: `Sở thử nghiệm ${i}`,
      kind: "department",
      level: "province",
    }));
    const submissions: ReceivedSubmission[] = units.map((u, i) => ({
      submission: validReport(
        template,
        `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        u,
      ),
      revision: 1,
      receivedAt: "2025-12-05T10:00:00.000+07:00",
    }));
    const consolidation = consolidate({
      template,
      units,
      period: "2025",
      submissions,
      now: new Date("2025-12-20T00:00:00Z"),
    });
    const tabs = trackerTabs({ template, consolidation, submissions });
    const plan = planPush(tabs, []);
    expect(plan.addSheets).toHaveLength(8);
    expect(plan.addSheets[0]!.addSheet!.properties!.gridProperties!.frozenRowCount).toBe(1);
    expect(plan.bytes).toBeGreaterThan(2 * MAX_BODY_BYTES);
    for (const w of plan.writes) expect(w.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Packed, not merely split: every body but the last is filled to within a row of the limit.
    for (const w of plan.writes.slice(0, -1))
      expect(w.bytes).toBeGreaterThan(0.99 * MAX_BODY_BYTES);
    const rowsWritten = plan.writes
      .flatMap((w) => w.body.data ?? [])
      .reduce((n, vr) => n + vr.values!.length, 0);
    expect(rowsWritten).toBe(tabs.reduce((n, t) => n + t.rows.length + 1, 0));
    expect(cellText(plan.writes[0]!.body.data![0]!.values![0]![0])).toBe("Mã chỉ tiêu");
  });
});
