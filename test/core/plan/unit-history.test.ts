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

const unit = (
  code: string,
  validFrom?: string,
  validTo?: string,
  kind: Unit["kind"] = "district",
): Unit => ({
  code,
  name: `Đơn vị ${code}`,
  kind,
  level: kind === "commune" ? "commune" : "district",
  ...(validFrom ? { validFrom } : {}),
  ...(validTo ? { validTo } : {}),
});
const succ = (from: string, to: string, effective: string, duty?: string): Succession => ({
  from,
  to,
  effective,
  basis: "Nghị quyết 1/2025",
  ...(duty ? { duty } : {}),
});

describe("isValidOn", () => {
  it("holds from the first day to the last, both included", () => {
    const u = unit("A", "2025-07-01", "2025-12-31");
    expect(
      ["2025-06-30", "2025-07-01", "2025-12-31", "2026-01-01"].map((d) => isValidOn(u, d)),
    ).toEqual([false, true, true, false]);
  });

  it("is open where a bound is missing", () => {
    expect(isValidOn(unit("A"), "1990-01-01")).toBe(true);
    expect(isValidOn(unit("A", "2025-07-01"), "2099-12-31")).toBe(true);
    expect(isValidOn(unit("A", undefined, "2025-06-30"), "2000-01-01")).toBe(true);
    expect(isValidOn(unit("A", undefined, "2025-06-30"), "2025-07-01")).toBe(false);
  });
});

describe("periodDays", () => {
  it.each([
    ["2025-Q1", "2025-01-01", "2025-03-31"],
    ["2025-Q2", "2025-04-01", "2025-06-30"],
    ["2025-Q3", "2025-07-01", "2025-09-30"],
    ["2025-Q4", "2025-10-01", "2025-12-31"],
    ["2025-H1", "2025-01-01", "2025-06-30"],
    ["2025-H2", "2025-07-01", "2025-12-31"],
    ["2028", "2028-01-01", "2028-12-31"],
  ])("%s runs from %s to %s", (period, first, last) => {
    expect(periodDays(period)).toEqual({ first, last });
  });
});

describe("units for a period or a day", () => {
  const district = unit("H", undefined, "2025-06-30");
  const commune = unit("X", "2025-07-01", undefined, "commune");
  const department = unit("S", undefined, undefined, "department");
  const all = [district, commune, department];

  it("takes the units that exist on the period's last day", () => {
    expect(unitsForPeriod(all, "2025-H1").map((u) => u.code)).toEqual(["H", "S"]);
    expect(unitsForPeriod(all, "2025").map((u) => u.code)).toEqual(["X", "S"]);
    expect(unitsForPeriod(all, "2025-Q3").map((u) => u.code)).toEqual(["X", "S"]);
  });

  it("takes the units that exist on a day", () => {
    expect(unitsOn(all, "2025-06-30").map((u) => u.code)).toEqual(["H", "S"]);
    expect(unitsOn(all, "2025-07-01").map((u) => u.code)).toEqual(["X", "S"]);
  });
});

describe("UnitHistory", () => {
  const history = new UnitHistory(
    [
      unit("A", undefined, "2025-06-30"),
      unit("B", "2025-07-01"),
      unit("E", "2025-07-01", undefined, "commune"),
      unit("G", undefined, "2025-03-31"),
      unit("H"),
      unit("A1", undefined, "2024-12-31"),
      unit("A2", "2025-01-01", "2025-06-30"),
      unit("A3", "2025-07-01"),
      unit("P", undefined, "2024-12-31"),
      unit("Q", undefined, "2024-12-31"),
    ],
    [
      succ("A", "B", "2025-07-01"),
      succ("A", "E", "2025-07-01", "cấp phiếu lý lịch"),
      succ("G", "H", "2025-07-01"),
      succ("A1", "A2", "2025-01-01"),
      succ("A2", "A3", "2025-07-01"),
      succ("P", "Q", "2025-01-01"),
      succ("Q", "P", "2025-01-01"),
      succ("Z", "B", "2025-07-01"),
    ],
  );
  const codes = (units: Unit[]) => units.map((u) => u.code);

  it("finds a unit by its code", () => {
    expect(history.unit("B")?.name).toBe("Đơn vị B");
    expect(history.unit("Y")).toBeUndefined();
  });

  it("lists the successions from and to a unit", () => {
    expect(history.successionsFrom("A").map((s) => s.to)).toEqual(["B", "E"]);
    expect(history.successionsTo("B").map((s) => s.from)).toEqual(["A", "Z"]);
    expect(history.successionsFrom("B")).toEqual([]);
    expect(history.successionsTo("A")).toEqual([]);
  });

  it("a unit holds its own duties while it exists", () => {
    expect(codes(history.holdersOn("A", "2025-06-30"))).toEqual(["A"]);
  });

  it("after it ends, every successor holds them; only the main one when asked", () => {
    expect(codes(history.holdersOn("A", "2025-12-31"))).toEqual(["B", "E"]);
    expect(codes(history.holdersOn("A", "2025-12-31", true))).toEqual(["B"]);
  });

  it("a successor holds them only from the day the succession takes effect", () => {
    expect(codes(history.holdersOn("G", "2025-06-30"))).toEqual([]);
    expect(codes(history.holdersOn("G", "2025-07-01"))).toEqual(["H"]);
  });

  it("follows successions on through later ones", () => {
    expect(codes(history.holdersOn("A1", "2025-03-01"))).toEqual(["A2"]);
    expect(codes(history.holdersOn("A1", "2025-12-31"))).toEqual(["A3"]);
  });

  it("stops at a cycle instead of going round it", () => {
    expect(codes(history.holdersOn("P", "2025-06-30"))).toEqual([]);
  });

  it("follows a succession from a code the unit list does not hold", () => {
    expect(codes(history.holdersOn("Z", "2025-12-31"))).toEqual(["B"]);
    expect(codes(history.holdersOn("Y", "2025-12-31"))).toEqual([]);
  });
});

describe("unitPeriodRefusal", () => {
  const merged = new UnitHistory(
    [unit("A", undefined, "2025-06-30"), unit("B", "2025-07-01"), unit("C", "2025-07-01")],
    [succ("A", "B", "2025-07-01"), succ("A", "C", "2025-07-01", "một phần")],
  );
  /** The history, counting how often it is read. */
  const counted = (h: UnitHistory | undefined) => {
    const read = { count: 0 };
    return { read, get: () => (read.count++, h) };
  };

  it("lets a unit that exists on the period's last day report, without reading the history", () => {
    const h = counted(merged);
    expect(unitPeriodRefusal(unit("B", "2025-07-01"), "2025", h.get)).toBeUndefined();
    expect(unitPeriodRefusal(unit("A", undefined, "2025-06-30"), "2025-H1", h.get)).toBeUndefined();
    expect(h.read.count).toBe(0);
  });

  it("refuses a unit that begins after the period, without reading the history", () => {
    const h = counted(merged);
    const issue = unitPeriodRefusal(unit("B", "2025-07-01"), "2025-H1", h.get);
    expect(issue).toEqual({
      code: "unit-not-yet",
      severity: "error",
      location: { field: "period" },
      message: {
        vi: "Đơn vị Đơn vị B (B) chỉ có từ ngày 2025-07-01, sau kỳ 2025-H1: không báo cáo cho kỳ này.",
        en: "The unit Đơn vị B (B) exists only from 2025-07-01, after period 2025-H1: it does not report for it.",
      },
    });
    expect(h.read.count).toBe(0);
  });

  it("refuses a unit that has ended and has no successor", () => {
    const issue = unitPeriodRefusal(unit("A", undefined, "2025-06-30"), "2025", () => undefined);
    expect(issue).toMatchObject({
      code: "unit-ceased",
      location: { field: "period" },
      message: {
        en: "The unit Đơn vị A (A) ceased after 2025-06-30: it does not report for period 2025.",
      },
    });
  });

  it("refuses a unit that has ended, naming every successor that holds its duties", () => {
    const h = counted(merged);
    const issue = unitPeriodRefusal(unit("A", undefined, "2025-06-30"), "2025-H2", h.get);
    expect(issue).toMatchObject({
      code: "unit-succeeded",
      location: { field: "period" },
      message: {
        en: "The unit Đơn vị A (A) ceased after 2025-06-30; period 2025-H2 is reported by its successors: Đơn vị B (B); Đơn vị C (C).",
      },
    });
    expect(h.read.count).toBe(1);
  });

  it("judges a unit that began before and ended before the period as ended, not as not yet", () => {
    const issue = unitPeriodRefusal(unit("A", "2020-01-01", "2025-06-30"), "2025", () => undefined);
    expect(issue?.code).toBe("unit-ceased");
  });
});

describe("formatHistoryProblem", () => {
  it("puts the file and line before the Vietnamese and the English", () => {
    expect(
      formatHistoryProblem({
        file: "don-vi.csv",
        line: 7,
        message: { vi: "thiếu mã", en: "no code" },
      }),
    ).toBe("don-vi.csv dòng/line 7: thiếu mã / no code");
  });
});

describe("Succession", () => {
  it("refuses a legal basis in decomposed (NFD) letters", () => {
    const row = { from: "A", to: "B", effective: "2025-07-01" };
    const r = Succession.safeParse({ ...row, basis: "Nghị quyết 1/2025".normalize("NFD") });
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["basis"], "văn bản phải ở dạng NFC / text must be NFC"],
    ]);
    expect(Succession.safeParse({ ...row, basis: "Nghị quyết 1/2025" }).success).toBe(true);
  });
});
