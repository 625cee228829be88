// Units through time: validity intervals, who succeeded whom, and which units report for a period.
import { describe, expect, it } from "vitest";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import {
  formatHistoryProblem,
  isValidOn,
  periodDays,
  Succession,
  UnitHistory,
  unitPeriodRefusal,
  unitsForPeriod,
  unitsOn,
} from "../../../src/core/plan/unit-history.js";

const district: Unit = {
  code: "Q-NK",
  name: "UBND quận Ninh Kiều",
  kind: "district",
  level: "district",
  validTo: "2025-06-30",
};
const communeA: Unit = {
  code: "X-1",
  name: "UBND phường Ninh Kiều",
  kind: "commune",
  level: "commune",
  validFrom: "2025-07-01",
};
const communeB: Unit = { ...communeA, code: "X-2", name: "UBND phường Cái Khế" };
const department: Unit = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" };
const basis = "NQ 1668/NQ-UBTVQH15";
const history = new UnitHistory(
  [district, communeA, communeB, department],
  [
    { from: "Q-NK", to: "X-1", effective: "2025-07-01", basis },
    { from: "Q-NK", to: "X-2", effective: "2025-07-01", basis, duty: "một phần địa bàn" },
  ],
);

describe("periodDays", () => {
  it.each([
    ["2025", "2025-01-01", "2025-12-31"],
    ["2025-H1", "2025-01-01", "2025-06-30"],
    ["2025-H2", "2025-07-01", "2025-12-31"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2025-Q3", "2025-07-01", "2025-09-30"],
  ])("%s runs from %s to %s", (period, first, last) => {
    expect(periodDays(period)).toEqual({ first, last });
  });
});

describe("validity", () => {
  it("a unit exists from its first to its last day, both included; open where absent", () => {
    expect(isValidOn(district, "2025-06-30")).toBe(true);
    expect(isValidOn(district, "2025-07-01")).toBe(false);
    expect(isValidOn(communeA, "2025-06-30")).toBe(false);
    expect(isValidOn(communeA, "2025-07-01")).toBe(true);
    expect(isValidOn(department, "1999-01-01")).toBe(true);
  });

  it("the units of a period are those on its last day: districts for 2025-H1, communes for 2025", () => {
    const units = [district, communeA, department];
    expect(unitsForPeriod(units, "2025-H1").map((u) => u.code)).toEqual(["Q-NK", "SYT"]);
    expect(unitsForPeriod(units, "2025").map((u) => u.code)).toEqual(["X-1", "SYT"]);
    expect(unitsOn(units, "2025-07-01").map((u) => u.code)).toEqual(["X-1", "SYT"]);
  });
});

describe("UnitHistory", () => {
  it("looks units and successions up by code", () => {
    expect(history.unit("SYT")).toBe(department);
    expect(history.unit("Z")).toBeUndefined();
    expect(history.successionsFrom("Q-NK").map((s) => s.to)).toEqual(["X-1", "X-2"]);
    expect(history.successionsTo("X-2").map((s) => s.from)).toEqual(["Q-NK"]);
    expect(history.successionsFrom("SYT")).toEqual([]);
  });

  it("a unit holds its own duties while it exists, its successors after", () => {
    expect(history.holdersOn("Q-NK", "2025-06-30").map((u) => u.code)).toEqual(["Q-NK"]);
    expect(history.holdersOn("Q-NK", "2025-12-31").map((u) => u.code)).toEqual(["X-1", "X-2"]);
  });

  it("mainOnly follows only the successor without a partial duty", () => {
    expect(history.holdersOn("Q-NK", "2025-12-31", true).map((u) => u.code)).toEqual(["X-1"]);
  });

  it("follows successions on, and stops on a cycle", () => {
    const a: Unit = { ...department, code: "A", validTo: "2024-12-31" };
    const b: Unit = { ...department, code: "B", validFrom: "2025-01-01", validTo: "2025-12-31" };
    const c: Unit = { ...department, code: "C", validFrom: "2026-01-01", validTo: "2026-12-31" };
    const chain = new UnitHistory(
      [a, b, c],
      [
        { from: "A", to: "B", effective: "2025-01-01", basis },
        { from: "B", to: "C", effective: "2026-01-01", basis },
        { from: "C", to: "A", effective: "2026-01-01", basis },
      ],
    );
    expect(chain.holdersOn("A", "2026-06-30").map((u) => u.code)).toEqual(["C"]);
    // By 2030 C has ended too, and its succession leads back to A: nobody, and no endless walk.
    expect(chain.holdersOn("A", "2030-01-01")).toEqual([]);
    // Before B's succession takes effect and after A ended, nobody holds A's duties.
    const early = new UnitHistory([a, c], [{ from: "A", to: "C", effective: "2026-01-01", basis }]);
    expect(early.holdersOn("A", "2025-06-30")).toEqual([]);
  });
});

describe("unitPeriodRefusal", () => {
  it("lets a unit report for a period it exists at the end of", () => {
    expect(unitPeriodRefusal(district, "2025-H1", () => history)).toBeUndefined();
  });

  it("refuses a unit not yet in existence, naming the day it starts", () => {
    const issue = unitPeriodRefusal(communeA, "2025-H1", () => history);
    expect(issue?.code).toBe("unit-not-yet");
    expect(issue?.message.vi).toBe(
      "Đơn vị UBND phường Ninh Kiều (X-1) chỉ có từ ngày 2025-07-01, sau kỳ 2025-H1: không báo cáo cho kỳ này.",
    );
  });

  it("refuses a unit that was succeeded, naming who reports in its place", () => {
    const issue = unitPeriodRefusal(district, "2025", () => history);
    expect(issue?.code).toBe("unit-succeeded");
    expect(issue?.message.en).toBe(
      "The unit UBND quận Ninh Kiều (Q-NK) ceased after 2025-06-30; period 2025 is reported by its successors: UBND phường Ninh Kiều (X-1); UBND phường Cái Khế (X-2).",
    );
  });

  it("refuses a unit that ceased without a successor, or without a history to ask", () => {
    expect(unitPeriodRefusal(district, "2025", () => undefined)?.code).toBe("unit-ceased");
  });

  it("reads the history only when the unit's own interval refuses it", () => {
    let reads = 0;
    const count = () => (reads++, history);
    unitPeriodRefusal(district, "2025-H1", count);
    expect(reads).toBe(0);
    unitPeriodRefusal(district, "2025", count);
    expect(reads).toBe(1);
  });
});

describe("Succession and problems", () => {
  it("a succession needs a real day and a basis in NFC", () => {
    const row = { from: "A", to: "B", effective: "2025-07-01", basis };
    expect(Succession.safeParse(row).success).toBe(true);
    expect(Succession.safeParse({ ...row, effective: "2025-13-01" }).success).toBe(false);
    expect(Succession.safeParse({ ...row, basis: "Nghị định".normalize("NFD") }).success).toBe(
      false,
    );
  });

  it("a problem reads as file, line, Vietnamese, English", () => {
    expect(
      formatHistoryProblem({ file: "s.csv", line: 3, message: { vi: "sai", en: "wrong" } }),
    ).toBe("s.csv dòng/line 3: sai / wrong");
  });
});
