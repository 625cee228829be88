// The period a report compares with: the one just before, of the same kind.
import { describe, expect, it } from "vitest";
import { previousPeriod } from "../../../src/core/report/previous-period.js";

describe("previousPeriod", () => {
  it.each([
    ["2025", "2024"],
    ["2025-Q4", "2025-Q3"],
    ["2025-Q2", "2025-Q1"],
    ["2025-Q1", "2024-Q4"],
    ["2025-H2", "2025-H1"],
    ["2025-H1", "2024-H2"],
  ])("before %s comes %s", (period, before) => {
    expect(previousPeriod(period)).toBe(before);
  });
});
