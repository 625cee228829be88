// A unit's report as it travels and is stored: what each entry may hold, the defaults an older
// client relies on, and a draft stamped into a submission.
import { describe, expect, it } from "vitest";
import {
  BudgetEntry,
  IndicatorEntry,
  Narrative,
  NARRATIVE_SECTIONS,
  Submission,
  TaskStatus,
  toSubmission,
} from "../../../src/core/check/submission-schema.js";

const stamp = {
  submissionId: "11111111-1111-4111-8111-111111111111",
  submittedAt: "2025-12-01T10:00:00+07:00",
};
const draft = {
  planId: "demo",
  templateVersion: 3,
  unit: "STTTT",
  period: "2025",
  indicators: [{ indicatorId: "CQ-01", numerator: 80, denominator: 100 }],
};

describe("toSubmission", () => {
  it("puts the id and the time on a draft, and gives tasks and budget their empty defaults", () => {
    expect(toSubmission(draft, stamp)).toEqual({ ...draft, ...stamp, tasks: [], budget: [] });
  });

  it("refuses a time without an offset (the instant would depend on the reader's zone)", () => {
    expect(() => toSubmission(draft, { ...stamp, submittedAt: "2025-12-01T10:00:00" })).toThrow();
  });

  it("refuses an id that is not a UUID", () => {
    expect(() => toSubmission(draft, { ...stamp, submissionId: "42" })).toThrow();
  });
});

describe("Submission", () => {
  const valid = { ...draft, ...stamp };

  it.each([
    ["a period of another shape", { period: "2025-M1" }],
    ["a template version of 0", { templateVersion: 0 }],
    ["a field it does not know", { signature: "x" }],
    ["a unit code with a slash", { unit: "S/TTTT" }],
  ])("refuses %s", (_, change) => {
    expect(Submission.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it("keeps a submission without a narrative without one", () => {
    expect(Submission.parse(valid)).not.toHaveProperty("narrative");
  });
});

describe("the entries", () => {
  it("an indicator's figures are finite numbers or null; text at most 4,000 characters", () => {
    expect(IndicatorEntry.safeParse({ indicatorId: "KT-01", value: null }).success).toBe(true);
    expect(IndicatorEntry.safeParse({ indicatorId: "KT-01", value: Infinity }).success).toBe(false);
    expect(IndicatorEntry.safeParse({ indicatorId: "KT-01", note: "a".repeat(4000) }).success).toBe(
      true,
    );
    expect(IndicatorEntry.safeParse({ indicatorId: "KT-01", note: "a".repeat(4001) }).success).toBe(
      false,
    );
  });

  it("a task's state is one of three, or null; its completion a real day", () => {
    expect(
      TaskStatus.safeParse({ taskId: "NV-01", status: "done", completedOn: "2025-06-30" }).success,
    ).toBe(true);
    expect(TaskStatus.safeParse({ taskId: "NV-01", status: null }).success).toBe(true);
    expect(TaskStatus.safeParse({ taskId: "NV-01", status: "late" }).success).toBe(false);
    expect(
      TaskStatus.safeParse({ taskId: "NV-01", status: "done", completedOn: "2025-06-31" }).success,
    ).toBe(false);
  });

  it("budget amounts are whole, non-negative đồng within the safe integers", () => {
    expect(BudgetEntry.safeParse({ lineId: "KP-SN", allocated: 2_000_000 }).success).toBe(true);
    expect(BudgetEntry.safeParse({ lineId: "KP-SN", allocated: 1.5 }).success).toBe(false);
    expect(BudgetEntry.safeParse({ lineId: "KP-SN", disbursed: -1 }).success).toBe(false);
    expect(BudgetEntry.safeParse({ lineId: "KP-SN", disbursed: 2 ** 53 }).success).toBe(false);
  });

  it("the narrative has three sections, each NFC and at most 30,000 characters", () => {
    expect(NARRATIVE_SECTIONS).toEqual(["assessment", "difficulties", "proposals"]);
    expect(Narrative.safeParse({ proposals: "a".repeat(30_000) }).success).toBe(true);
    expect(Narrative.safeParse({ proposals: "a".repeat(30_001) }).success).toBe(false);
    const nfd = Narrative.safeParse({ difficulties: "Khó khăn".normalize("NFD") });
    expect(nfd.error?.issues[0]?.message).toBe("văn bản phải ở dạng NFC / text must be NFC");
  });
});
