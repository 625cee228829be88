// The area a reader keeps holds every cell of every unit's report, and nothing far beyond.
import { describe, expect, it } from "vitest";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { reportArea } from "../../../src/core/sheet/report-area.js";
import { template as demo } from "../../fixtures/template.js";
import { loadUnits } from "../../../src/node/lookup.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";

describe("reportArea", () => {
  it("holds every layout of every shipped plan, for every shipped unit", () => {
    const templates = loadSeedTemplates().templates;
    const area = reportArea(templates);
    let tallest = 0;
    for (const template of templates)
      for (const unit of loadUnits()) {
        const layout = buildLayout(template, unit, "2025");
        tallest = Math.max(tallest, layout.rowCount);
        for (const cell of layout.cells) {
          expect(cell.row).toBeLessThanOrEqual(area.rows);
          expect(cell.col).toBeLessThanOrEqual(area.columns);
        }
      }
    // A unit leading every task gives the tallest sheet: the area is no bigger than that.
    expect(area.rows).toBeGreaterThanOrEqual(tallest);
    expect(area.rows).toBeLessThan(tallest + Math.max(...templates.map((t) => t.tasks.length)));
    expect(area.columns).toBe(12);
  });

  it("counts every task for a unit that leads them all", () => {
    const lead = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" } as const;
    const area = reportArea([demo]);
    // The demo plan's tasks are led by departments and by Sở Y tế: Sở Y tế leads both.
    expect(area.rows).toBe(buildLayout(demo, lead, "2025").rowCount);
  });
});
