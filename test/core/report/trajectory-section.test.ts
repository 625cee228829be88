// Section II's second part: each indicator period by period against the straight line to its
// target, and those to act on.
import { describe, expect, it } from "vitest";
import {
  trajectoryBlocks,
  trajectoryStatusNames,
} from "../../../src/core/report/trajectory-section.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { consolidated, received } from "../../fixtures/report-series.js";
import { department, template as demo } from "../../fixtures/template.js";

// Two indicators: CQ-01 (≥ 80% by 2030, numerator over denominator) and KT-01 (≥ 20 by 2030).
const template = Template.parse({
  ...demo,
  indicators: demo.indicators.filter((i) => i.id === "CQ-01" || i.id === "KT-01"),
});
const yearOf = (period: string, cq: number, kt: number) =>
  consolidated(template, [department], period, [
    received(template, department, period, `${period}-12-05T10:00:00+07:00`, {
      indicators: [
        { indicatorId: "CQ-01", numerator: cq * 10, denominator: 1000 },
        { indicatorId: "KT-01", value: kt },
      ],
    }),
  ]);

describe("trajectoryBlocks", () => {
  it("with one period, says the trajectory is judged from the next", () => {
    expect(trajectoryBlocks([yearOf("2025", 50, 8)])).toEqual([
      { kind: "heading", text: "Tiến độ thực hiện đến năm mục tiêu" },
      {
        kind: "paragraph",
        text: "Mới có số liệu của một kỳ báo cáo: tiến độ theo lộ trình đến năm mục tiêu được đánh giá từ kỳ sau.",
      },
    ]);
  });

  it("with two: counts by status, names those behind, and a row per indicator", () => {
    // CQ-01: 50% → 79%, far ahead of the line from 50% to 80% by 2030 (a sixth or fifth of the way
    // is 55% or 56%): on track. KT-01: 8 → 9, below the line from 8 to 20 (at least 10): behind.
    const blocks = trajectoryBlocks([yearOf("2024", 50, 8), yearOf("2025", 79, 9)]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text:
        "So với đường thẳng từ số liệu kỳ đầu đến mục tiêu (2 kỳ, năm 2024 – năm 2025): " +
        "đúng lộ trình 1; đạt 0; chậm so với lộ trình 1; chưa đạt 0. " +
        "Các chỉ tiêu cần tập trung chỉ đạo: Doanh nghiệp công nghệ số (KT-01).",
    });
    const table = blocks[2];
    if (table?.kind !== "table") throw new Error("no table");
    // 100 less TT 6, target 14, progress 16 and two periods of 12 each: 40 for the name.
    expect(table.columns.map((c) => [c.label, c.width])).toEqual([
      ["TT", 6],
      ["Chỉ tiêu", 40],
      ["Mục tiêu", 14],
      ["Năm 2024", 12],
      ["Năm 2025", 12],
      ["Tiến độ", 16],
    ]);
    expect(table.rows).toEqual([
      [
        "1",
        "Hồ sơ TTHC xử lý trực tuyến (CQ-01)",
        "≥ 80% (năm 2030)",
        "50%",
        "79%",
        "Đúng lộ trình",
      ],
      [
        "2",
        "Doanh nghiệp công nghệ số (KT-01)",
        "≥ 20 doanh nghiệp (năm 2030)",
        "8 doanh nghiệp",
        "9 doanh nghiệp",
        "Chậm so với lộ trình",
      ],
    ]);
  });

  it("with no period at all, says the same as with one", () => {
    expect(trajectoryBlocks([])[1]).toEqual({
      kind: "paragraph",
      text: "Mới có số liệu của một kỳ báo cáo: tiến độ theo lộ trình đến năm mục tiêu được đánh giá từ kỳ sau.",
    });
  });

  it("in the target year: met and not met are counted, and the one not met is named", () => {
    // 2030: CQ-01 at 85% reaches ≥ 80%; KT-01 at 15 misses ≥ 20.
    const blocks = trajectoryBlocks([yearOf("2029", 70, 8), yearOf("2030", 85, 15)]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text:
        "So với đường thẳng từ số liệu kỳ đầu đến mục tiêu (2 kỳ, năm 2029 – năm 2030): " +
        "đúng lộ trình 0; đạt 1; chậm so với lộ trình 0; chưa đạt 1. " +
        "Các chỉ tiêu cần tập trung chỉ đạo: Doanh nghiệp công nghệ số (KT-01).",
    });
  });

  it("names every indicator behind, one after another; none behind, no such sentence", () => {
    // 50% → 80% from 2024 to 2030 is 55% in 2025: 51% is behind; 8 → 20 is 10 in 2025: 9 is behind.
    const behind = trajectoryBlocks([yearOf("2024", 50, 8), yearOf("2025", 51, 9)])[1];
    expect(behind?.kind === "paragraph" && behind.text).toMatch(
      / Các chỉ tiêu cần tập trung chỉ đạo: Hồ sơ TTHC xử lý trực tuyến \(CQ-01\); Doanh nghiệp công nghệ số \(KT-01\)\.$/u,
    );
    // 20 businesses reach ≥ 20 early: met; 79% is above the line: on track.
    const fine = trajectoryBlocks([yearOf("2024", 50, 8), yearOf("2025", 79, 20)])[1];
    expect(fine?.kind === "paragraph" && fine.text).toMatch(
      /: đúng lộ trình 1; đạt 1; chậm so với lộ trình 0; chưa đạt 0\.$/u,
    );
  });

  it("aligns the number and status columns, the name left", () => {
    const table = trajectoryBlocks([yearOf("2024", 50, 8), yearOf("2025", 79, 9)])[2];
    expect(table?.kind === "table" && table.columns.map((c) => c.align)).toEqual([
      "center",
      "left",
      "center",
      "right",
      "right",
      "center",
    ]);
  });

  it("shows the last five periods of a longer series, and counts them all", () => {
    const series = ["2020", "2021", "2022", "2023", "2024", "2025"].map((p, i) =>
      yearOf(p, 50 + i, 8 + i),
    );
    const blocks = trajectoryBlocks(series);
    const paragraph = blocks[1];
    expect(paragraph?.kind === "paragraph" && paragraph.text).toContain(
      "(6 kỳ, năm 2020 – năm 2025)",
    );
    const table = blocks[2];
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.columns.map((c) => c.label).slice(3, 8)).toEqual([
      "Năm 2021",
      "Năm 2022",
      "Năm 2023",
      "Năm 2024",
      "Năm 2025",
    ]);
    // Five periods share 40: 8 each.
    expect(table.columns[3]?.width).toBe(8);
    expect(table.rows[1]?.slice(3, 8)).toEqual([
      "9 doanh nghiệp",
      "10 doanh nghiệp",
      "11 doanh nghiệp",
      "12 doanh nghiệp",
      "13 doanh nghiệp",
    ]);
  });

  it("a yearly target reads 'mỗi năm'; an indicator with a target only for communes shows none", () => {
    // KT-01 must reach 20 in every year; CQ-02 is set only for communes, so no plan-wide target.
    const kt01 = demo.indicators.find((i) => i.id === "KT-01")!;
    const cq02 = demo.indicators.find((i) => i.id === "CQ-02")!;
    const other = Template.parse({
      ...demo,
      indicators: [
        { ...kt01, target: { op: ">=", value: 20, year: 2030, yearly: true } },
        { ...cq02, levelTargets: { commune: { op: ">=", value: 70, year: 2030 } } },
      ],
    });
    const year = (period: string, kt: number, cq: number) =>
      consolidated(other, [department], period, [
        received(other, department, period, `${period}-12-05T10:00:00+07:00`, {
          indicators: [
            { indicatorId: "KT-01", value: kt },
            { indicatorId: "CQ-02", value: cq },
          ],
        }),
      ]);
    const table = trajectoryBlocks([year("2024", 21, 60), year("2025", 18, 65)])[2];
    expect(table?.kind === "table" && table.rows).toEqual([
      [
        "1",
        "Doanh nghiệp công nghệ số (KT-01)",
        "≥ 20 doanh nghiệp mỗi năm",
        "21 doanh nghiệp",
        "18 doanh nghiệp",
        "Chưa đạt",
      ],
      [
        "2",
        "Hồ sơ công việc xử lý trên môi trường mạng (CQ-02)",
        "",
        "60%",
        "65%",
        "Chưa có số liệu",
      ],
    ]);
  });

  it("a period without a figure shows a dash", () => {
    const missing = consolidated(template, [department], "2025", []);
    const table = trajectoryBlocks([yearOf("2024", 50, 8), missing])[2];
    expect(table?.kind === "table" && table.rows[0]?.slice(3, 6)).toEqual([
      "50%",
      "—",
      "Chưa có số liệu",
    ]);
  });
});

describe("trajectoryStatusNames", () => {
  it("names every status as the report writes it", () => {
    expect(trajectoryStatusNames).toEqual({
      start: "Kỳ đầu (mốc so sánh)",
      "on-track": "Đúng lộ trình",
      "off-track": "Chậm so với lộ trình",
      met: "Đạt",
      "not-met": "Chưa đạt",
      pending: "Chưa đến hạn",
      "no-data": "Chưa có số liệu",
    });
  });
});
