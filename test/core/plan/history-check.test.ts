// Bad unit histories are refused with file and line: duplicate codes, overlaps, unknown successors, cycles.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../../src/core/plan/history-check.js";
import { readHistoryRows } from "../../../src/core/plan/history-rows.js";
import { formatHistoryProblem, periodDays } from "../../../src/core/plan/unit-history.js";

const rows = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => l.split(","));
const UNITS = `code,name,kind,level,validFrom,validTo
A,Sở A,department,province,,2025-02-28
B,Sở B,department,province,,
C,Sở C,department,province,2025-03-01,`;

function problems(units: string, successions: string): string[] {
  const u = readHistoryRows({ file: "u.csv", rows: rows(units) });
  const s = readHistoryRows({ file: "s.csv", rows: rows(successions) });
  return [...u.problems, ...s.problems, ...checkHistory(u.units, s.successions)].map(
    formatHistoryProblem,
  );
}

describe("checkHistory", () => {
  it("accepts a consistent history", () => {
    expect(problems(UNITS, "from,to,effective,basis\nA,B,2025-03-01,NĐ 45/2025/NĐ-CP")).toEqual([]);
  });

  it("refuses a unit code used twice, at the second line", () => {
    expect(
      problems(`${UNITS}\nA,Sở A khác,department,province,,`, "from,to,effective,basis"),
    ).toEqual([expect.stringMatching(/^u\.csv dòng\/line 5: .*A.*dòng 2/u)]);
  });

  it("refuses a successor that does not exist", () => {
    expect(problems(UNITS, "from,to,effective,basis\nA,Z,2025-03-01,NĐ 45/2025/NĐ-CP")).toEqual([
      expect.stringMatching(/^s\.csv dòng\/line 2: .*Z.*does not exist/u),
    ]);
  });

  it("refuses a predecessor still valid when its successor takes over", () => {
    expect(problems(UNITS, "from,to,effective,basis\nB,C,2025-03-01,NĐ 45/2025/NĐ-CP")).toEqual([
      expect.stringMatching(/^s\.csv dòng\/line 2: .*overlapping validity/u),
    ]);
  });

  it("refuses a succession cycle", () => {
    const units =
      "code,name,kind,level,validFrom,validTo\nA,Sở A,department,province,,2024-12-31\nB,Sở B,department,province,2025-01-01,2025-12-31";
    const found = problems(
      units,
      "from,to,effective,basis\nA,B,2025-01-01,x basis\nB,A,2026-01-01,x basis",
    );
    expect(found.some((p) => /s\.csv dòng\/line 3: .*A → B → A/u.test(p))).toBe(true);
  });
});

describe("periods", () => {
  it("gives each period's first and last day", () => {
    expect(periodDays("2025-H1")).toEqual({ first: "2025-01-01", last: "2025-06-30" });
    expect(periodDays("2025-H2")).toEqual({ first: "2025-07-01", last: "2025-12-31" });
    expect(periodDays("2024-Q1")).toEqual({ first: "2024-01-01", last: "2024-03-31" });
    expect(periodDays("2026")).toEqual({ first: "2026-01-01", last: "2026-12-31" });
  });
});

describe("checkHistory, each problem in words", () => {
  const unit = (line: number, code: string, validFrom?: string, validTo?: string) => ({
    file: "u.csv",
    line,
    value: {
      code,
      name: `Sở ${code}`,
      kind: "department" as const,
      level: "province" as const,
      ...(validFrom ? { validFrom } : {}),
      ...(validTo ? { validTo } : {}),
    },
  });
  const succ = (line: number, from: string, to: string, effective: string) => ({
    file: "s.csv",
    line,
    value: { from, to, effective, basis: "NQ 1" },
  });
  const en = (ps: { line: number; message: { en: string } }[]) =>
    ps.map((p) => `${p.line}: ${p.message.en}`);
  const vi = (ps: { line: number; message: { vi: string } }[]) =>
    ps.map((p) => `${p.line}: ${p.message.vi}`);

  it("names the unit that first used a code", () => {
    const found = checkHistory([unit(2, "A"), unit(3, "B"), unit(4, "A")], []);
    expect(en(found)).toEqual([`4: unit code A is already used by "Sở A" (u.csv line 2)`]);
    expect(vi(found)).toEqual([`4: mã đơn vị A đã dùng cho "Sở A" (u.csv dòng 2)`]);
  });

  it("refuses a unit that starts after it ends, and accepts one that lasts a day", () => {
    const found = checkHistory(
      [
        unit(2, "A", "2025-07-01", "2025-06-30"),
        unit(3, "B", "2025-07-01", "2025-07-01"),
        unit(4, "C", "2025-07-01"),
        unit(5, "D", undefined, "2025-06-30"),
      ],
      [],
    );
    expect(en(found)).toEqual(["2: A: starts 2025-07-01, after it ends 2025-06-30"]);
    expect(vi(found)).toEqual(["2: A: ngày bắt đầu 2025-07-01 sau ngày kết thúc 2025-06-30"]);
  });

  it("names a predecessor or a successor that does not exist, and a unit succeeding itself", () => {
    const found = checkHistory(
      [unit(2, "A", undefined, "2025-06-30")],
      [
        succ(2, "Y", "A", "2025-07-01"),
        succ(3, "A", "Z", "2025-07-01"),
        succ(4, "A", "A", "2025-07-01"),
      ],
    );
    expect(en(found)).toEqual([
      "2: there is no unit Y",
      "3: the successor Z does not exist",
      "4: A succeeds itself",
      "4: A is not valid on the day it succeeds, 2025-07-01",
      "4: succession cycle: A → A",
    ]);
    expect(vi(found).slice(0, 3)).toEqual([
      "2: không có đơn vị Y",
      "3: đơn vị kế nhiệm Z không tồn tại",
      "4: A kế nhiệm chính nó",
    ]);
  });

  it("refuses a predecessor valid on the day its successor takes over, or without end", () => {
    const found = checkHistory(
      [
        unit(2, "A", undefined, "2025-07-01"),
        unit(3, "B", "2025-07-01"),
        unit(4, "C"),
        unit(5, "D", undefined, "2025-06-30"),
      ],
      [
        succ(2, "A", "B", "2025-07-01"),
        succ(3, "C", "B", "2025-07-01"),
        succ(4, "D", "B", "2025-07-01"),
      ],
    );
    expect(en(found)).toEqual([
      "2: overlapping validity: A is valid until 2025-07-01 when B succeeds it on 2025-07-01",
      "3: overlapping validity: C is valid without end when B succeeds it on 2025-07-01",
    ]);
    expect(vi(found)).toEqual([
      "2: khoảng hiệu lực chồng lấn: A còn hiệu lực đến 2025-07-01 khi B kế nhiệm từ 2025-07-01",
      "3: khoảng hiệu lực chồng lấn: C còn hiệu lực không thời hạn khi B kế nhiệm từ 2025-07-01",
    ]);
  });

  it("refuses a successor that does not exist on the day it takes over", () => {
    const found = checkHistory(
      [
        unit(2, "A", undefined, "2025-06-30"),
        unit(3, "LATE", "2025-07-02"),
        unit(4, "GONE", undefined, "2025-06-30"),
        unit(5, "FIRST", "2025-07-01", "2025-07-01"),
        unit(6, "OPEN"),
      ],
      [
        succ(2, "A", "LATE", "2025-07-01"),
        succ(3, "A", "GONE", "2025-07-01"),
        succ(4, "A", "FIRST", "2025-07-01"),
        succ(5, "A", "OPEN", "2025-07-01"),
      ],
    );
    expect(en(found)).toEqual([
      "2: LATE is not valid on the day it succeeds, 2025-07-01",
      "3: GONE is not valid on the day it succeeds, 2025-07-01",
    ]);
    expect(vi(found)).toEqual([
      "2: LATE không có hiệu lực vào ngày kế nhiệm 2025-07-01",
      "3: GONE không có hiệu lực vào ngày kế nhiệm 2025-07-01",
    ]);
  });

  it("reports each cycle once, with only the codes on it, at the edge that closes it", () => {
    const cycles = (ps: { line: number; message: { vi: string; en: string } }[]) =>
      ps
        .filter((p) => p.message.en.startsWith("succession cycle"))
        .map((p) => `${p.line}: ${p.message.vi} / ${p.message.en}`);
    const found = checkHistory(
      [],
      [
        succ(2, "X", "P", "2025-01-01"),
        succ(3, "P", "Q", "2025-01-01"),
        succ(4, "Q", "P", "2025-01-01"),
        succ(5, "R", "P", "2025-01-01"),
        succ(6, "S", "T", "2025-01-01"),
        succ(7, "T", "T", "2025-01-01"),
      ],
    );
    expect(cycles(found)).toEqual([
      "4: vòng kế nhiệm: P → Q → P / succession cycle: P → Q → P",
      "7: vòng kế nhiệm: T → T / succession cycle: T → T",
    ]);
  });
});
