// Reading a report sheet costs what its cells cost and keeps only the layout's area: a formatted
// row at 5000, a value at A10000, a cell at A1048576 or XFD1048576 cost what a plain report costs.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSheet } from "../../../src/core/sheet/check-sheet.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { REPORT_SHEET } from "../../../src/core/sheet/layout-types.js";
import { reportArea } from "../../../src/core/sheet/report-area.js";
import { findTemplate } from "../../../src/node/lookup.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import type { WorkbookGrid } from "../../../src/node/xlsx.js";
import { readWorkbookGrid, writeLayoutFile } from "../../../src/node/xlsx.js";
import { fillWorkbook, validEdits } from "../../fixtures/fill-workbook.js";
import { editZip } from "../../fixtures/hostile-files.js";

const NOW = new Date("2025-11-30T03:00:00Z");
const PLAN = "can-tho-2256";
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;
const area = reportArea(loadSeedTemplates().templates);

let dir: string;
let plainFile: string;
let plain: WorkbookGrid;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chitieu-far-rows-"));
  const template = findTemplate(PLAN);
  const layout = buildLayout(template, unit, "2025");
  const blank = join(dir, "blank.xlsx");
  await writeLayoutFile(layout, blank);
  plainFile = join(dir, "plain.xlsx");
  await fillWorkbook(blank, plainFile, validEdits(template, unit, layout, NOW));
  plain = await readWorkbookGrid(plainFile);
});

/** The plain report with exceljs's own changes to its sheet. */
async function withExceljs(name: string, change: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(plainFile);
  change(workbook.getWorksheet(REPORT_SHEET)!);
  const file = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The plain report with rows put into its sheet XML, as Excel writes them. */
function withRows(rows: string, dimension: string): Uint8Array {
  return editZip(readFileSync(plainFile), (parts) => {
    const sheet = "xl/worksheets/sheet1.xml";
    parts[sheet] = parts[sheet]!.replace("</sheetData>", `${rows}</sheetData>`).replace(
      /<dimension ref="[^"]*"\/>/u,
      `<dimension ref="${dimension}"/>`,
    );
  });
}

const issuesOf = (grid: WorkbookGrid) =>
  checkSheet(findTemplate(PLAN), grid.values, {
    formats: grid.formats,
    now: NOW,
    sheet: grid.sheetName,
  }).issues;

function expectLikePlain(grid: WorkbookGrid, extra: { rows: number; cells: number }) {
  expect(issuesOf(grid)).toEqual(issuesOf(plain));
  expect(grid.values).toEqual(plain.values);
  expect(grid.formats).toEqual(plain.formats);
  expect(grid.values.length).toBeLessThanOrEqual(area.rows);
  for (const row of grid.values) expect(row.length).toBeLessThanOrEqual(area.columns);
  // Rows and cells visited: the plain report's and the planted ones, nothing per row in between.
  expect(grid.stats.rows).toBe(plain.stats.rows + extra.rows);
  expect(grid.stats.cells).toBe(plain.stats.cells + extra.cells);
  expect(grid.stats.cellsKept).toBe(plain.stats.cellsKept);
}

describe("far-down rows and columns", () => {
  it("the plain report: every cell of the layout read, within the area", () => {
    expect(issuesOf(plain)).toEqual([]);
    expect(plain.stats.cellsKept).toBe(plain.stats.cells);
    expect(plain.values.length).toBe(buildLayout(findTemplate(PLAN), unit, "2025").rowCount);
  });

  it("a formatted empty row at 5000 (exceljs)", async () => {
    const file = await withExceljs("row-5000", (sheet) => {
      const row = sheet.getRow(5000);
      row.height = 30;
      for (let c = 1; c <= 12; c++)
        row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    expectLikePlain(await readWorkbookGrid(file), { rows: 1, cells: 12 });
  });

  it("a value at A10000 (exceljs)", async () => {
    const file = await withExceljs(
      "a10000",
      (sheet) => (sheet.getCell("A10000").value = "ghi chú"),
    );
    expectLikePlain(await readWorkbookGrid(file), { rows: 1, cells: 1 });
  });

  it("values at A1048576 and XFD1048576, the sheet's last cells (exceljs)", async () => {
    const file = await withExceljs("last-cells", (sheet) => {
      sheet.getCell("A1048576").value = 1;
      sheet.getCell("XFD1048576").value = "x";
    });
    expectLikePlain(await readWorkbookGrid(file), { rows: 1, cells: 2 });
  });

  it('<row r="1048576"> and <c r="XFD1048576"> written into the sheet XML, as Excel does', async () => {
    const bytes = withRows(
      '<row r="5000" spans="1:12" ht="30" customHeight="1"/>' +
        '<row r="1048576" spans="16384:16384" ht="20" customHeight="1">' +
        '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
      "A1:XFD1048576",
    );
    expectLikePlain(await readWorkbookGrid(bytes), { rows: 2, cells: 1 });
  });

  it("a cell far to the right on a row of the layout is skipped, the row's own cells kept", async () => {
    const bytes = editZip(readFileSync(plainFile), (parts) => {
      const sheet = "xl/worksheets/sheet1.xml";
      parts[sheet] = parts[sheet]!.replace(
        /(<row r="9"[^>]*>.*?)(<\/row>)/su,
        '$1<c r="XFD9"><v>7</v></c>$2',
      );
    });
    expectLikePlain(await readWorkbookGrid(bytes), { rows: 0, cells: 1 });
  });
});
