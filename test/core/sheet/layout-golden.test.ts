// Every shipped plan's report sheet, pinned cell by cell: a drift in the layout would change the
// label checksum and mark every sheet already sent to units as edited, so it must be deliberate
// (`npx vitest run test/core/sheet/layout-golden.test.ts -u` rewrites the files, then review the diff).
// Each layout version keeps its own pins: a sheet made with layout 1 must still read as not edited.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Template } from "../../../src/core/plan/template-schema.js";
import type { Unit } from "../../../src/core/plan/unit-schema.js";
import { a1 } from "../../../src/core/sheet/layout-types.js";
import type { SheetLayout } from "../../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import type { LayoutVersion } from "../../../src/core/sheet/layout-version.js";
import { loadUnits } from "../../../src/node/lookup.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";

/** JSON with sorted keys: the digest pins what a layout says, not the order it was built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** One line per cell, in sheet order, so a drift reads as a diff of the cells that moved. */
function render(layout: SheetLayout): string {
  const cells = [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  return [
    `sheet ${layout.sheetName} ${layout.rowCount}×${layout.columnCount} freeze ${canonical(layout.freeze)}`,
    `widths ${layout.columnWidths.join(" ")}`,
    `merges ${layout.merges.join(" ")}`,
    `conditional ${canonical(layout.conditionalFormats)}`,
    `rows ${canonical(layout.rows)}`,
    `fields ${layout.fields.map((f) => `${f.address}=${f.ref.kind}:${f.ref.id}:${f.ref.field}`).join(" ")}`,
    ...cells.map((c) =>
      [
        a1(c.row, c.col),
        c.style,
        `${c.fixed ? "fixed" : ""}${c.input ? "input" : ""}`,
        c.numberFormat ?? "",
        c.validation ? canonical(c.validation) : "",
        c.formula ? `=${c.formula}` : "",
        JSON.stringify(c.value),
      ].join("\t"),
    ),
    "",
  ].join("\n");
}

/**
 * What the digest covers: the layout without the version it names itself by, which no cell holds
 * (a reader knows the version from the cells and checksum), so layout 1's pins predate the name.
 */
function digested(layout: SheetLayout): unknown {
  const meta: Partial<SheetLayout["meta"]> = { ...layout.meta };
  delete meta.layoutVersion;
  return { ...layout, meta };
}

const sampleUnit = "STTTT";

describe("the report sheet of every shipped plan", () => {
  const templates: Template[] = loadSeedTemplates().templates;
  const units: Unit[] = loadUnits();

  it("covers the five plans and a unit that leads tasks", () => {
    expect(templates.map((t) => t.id)).toEqual([
      "binh-duong-2025",
      "ca-mau-1929",
      "can-tho-2256",
      "can-tho-kh-2025",
      "hau-giang-190",
    ]);
    expect(units.map((u) => u.code)).toContain(sampleUnit);
  });

  /** Layout 1's pins are the files as they were before layout 2 existed; layout 2 has its own. */
  const pinFile: Record<LayoutVersion, (id: string) => string> = {
    1: (id) => `./layout-golden/${id}.txt`,
    2: (id) => `./layout-golden/layout-2/${id}.txt`,
  };

  describe.each([1, 2] as const)("layout %i", (version) => {
    it.each(["binh-duong-2025", "ca-mau-1929", "can-tho-2256", "can-tho-kh-2025", "hau-giang-190"])(
      "%s: every unit's checksum and layout, and one unit's cells, as pinned",
      async (id) => {
        const template = templates.find((t) => t.id === id)!;
        const layouts = units.map((u) => buildLayout(template, u, "2025", version));
        const sample = layouts.find((l) => l.meta.unit.code === sampleUnit)!;
        const pinned = [
          `checksums ${layouts.map((l) => `${l.meta.unit.code}=${l.meta.checksum}`).join(" ")}`,
          `all units sha256 ${createHash("sha256")
            .update(canonical(layouts.map(digested)))
            .digest("hex")}`,
          `unit ${sampleUnit}`,
          render(sample),
        ].join("\n");
        await expect(pinned).toMatchFileSnapshot(pinFile[version](id));
      },
    );
  });
});
