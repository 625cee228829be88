// The tabs' vocabulary: each column's kind, the columns that follow the defined ones, one style.
import { describe, expect, it } from "vitest";
import {
  columnKinds,
  indicatorColumnKey,
  TAB_STYLE,
  TRACKER_TABS,
} from "../../../src/core/tracker/tracker-tab-layout.js";

describe("column kinds", () => {
  it("are what TRACKER_TABS says, text where it says nothing", () => {
    expect(
      columnKinds({ key: "budget", columns: ["period", "lineId", "planned", "disbursementRate"] }),
    ).toEqual(["text", "text", "number", "number"]);
  });

  it("make the per-indicator and per-plan result columns numbers, the plans' words text", () => {
    expect(
      columnKinds({
        key: "unitValues",
        columns: ["unitCode", indicatorColumnKey("CT-01"), indicatorColumnKey("CT-02")],
      }),
    ).toEqual(["text", "number", "number"]);
    expect(
      columnKinds({
        key: "comparison",
        columns: ["measureId", "plan:a", "target:a", "aggregate:a", "status:a"],
      }),
    ).toEqual(["text", "text", "text", "number", "text"]);
  });

  it("never make free text a number: names, notes and the log's ids stay text", () => {
    const kindOf = (key: keyof typeof TRACKER_TABS, column: string) =>
      columnKinds({ key, columns: [column] })[0];
    expect(kindOf("indicators", "name")).toBe("text");
    expect(kindOf("submissions", "note")).toBe("text");
    expect(kindOf("submissions", "submissionId")).toBe("text");
    expect(kindOf("submissions", "value")).toBe("number");
  });
});

describe("TAB_STYLE", () => {
  it("keeps free text as plain text and gives every kind a format", () => {
    expect(TAB_STYLE.numberFormats).toEqual({ text: "@", number: "General" });
    expect(TAB_STYLE.header.fill).toMatch(/^#[0-9a-f]{6}$/u);
    expect(TAB_STYLE.header.font).toMatch(/^#[0-9a-f]{6}$/u);
  });
});
