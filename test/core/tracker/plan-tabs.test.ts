// Each plan's own tabs in a tracker that follows several: the first plan keeps the plain names.
import { describe, expect, it } from "vitest";
import { planTabName, tabForPlan } from "../../../src/core/tracker/plan-tabs.js";
import type { TrackerTab } from "../../../src/core/tracker/tracker-tab-layout.js";

describe("planTabName", () => {
  it("keeps the plain name for the plan the tracker was set up with", () => {
    expect(planTabName("Tổng hợp", "kh-2025", "kh-2025")).toBe("Tổng hợp");
  });

  it("ends another plan's name with its id", () => {
    expect(planTabName("Tổng hợp", "de-an-06", "kh-2025")).toBe("Tổng hợp · de-an-06");
  });

  it("cuts the name to the 100 characters Sheets allows", () => {
    const name = planTabName("T".repeat(95), "plan-b", "plan-a");
    expect(name).toBe(`${"T".repeat(95)} · pl`);
    expect(name).toHaveLength(100);
  });
});

describe("tabForPlan", () => {
  it("renames the tab and leaves its columns and rows as they are", () => {
    const tab: TrackerTab = {
      key: "units",
      name: "Đơn vị",
      header: ["Mã đơn vị"],
      columns: ["unitCode"],
      keyColumns: ["unitCode"],
      rows: [["STTTT"]],
    };
    expect(tabForPlan(tab, "b", "a")).toEqual({ ...tab, name: "Đơn vị · b" });
    expect(tabForPlan(tab, "a", "a")).toEqual(tab);
    expect(tab.name).toBe("Đơn vị");
  });
});
