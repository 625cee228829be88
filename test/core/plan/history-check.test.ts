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
