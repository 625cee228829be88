// Benchmark: reading a report .xlsx costs what its cells cost, bounded to the layout's area. A cell
// at row 1,048,576 (or column XFD) against the plain report; hostile zips refused before inflating.
// Budget (DESIGN.md): linear in the cells; a cell at row 1,048,576 costs no more than one at row 80.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { buildLayout } from "../src/core/sheet/layout.js";
import { REPORT_SHEET } from "../src/core/sheet/layout-types.js";
import { reportArea } from "../src/core/sheet/report-area.js";
import { findTemplate } from "../src/node/lookup.js";
import { loadSeedTemplates } from "../src/node/seeds.js";
import { writeLayoutFile } from "../src/node/xlsx.js";
import { WorkbookRefusal } from "../src/node/xlsx-read/refusal.js";
import { readWorkbookBytes } from "../src/node/xlsx-read/workbook.js";
import { fillWorkbook, validEdits } from "../test/fixtures/fill-workbook.js";
import { editZip, partsOf, repeatedPart, zipOf } from "../test/fixtures/hostile-files.js";
import { medianMs } from "./measure.js";

const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;
const template = findTemplate("can-tho-2256");
const area = reportArea(loadSeedTemplates().templates);
const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-xlsx-"));
const layout = buildLayout(template, unit, "2025");
await writeLayoutFile(layout, join(dir, "blank.xlsx"));
const plainFile = join(dir, "plain.xlsx");
await fillWorkbook(
  join(dir, "blank.xlsx"),
  plainFile,
  validEdits(template, unit, layout, new Date()),
);
const plain = readFileSync(plainFile);

async function viaExceljs(change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(plain).buffer);
  change(workbook.getWorksheet(REPORT_SHEET)!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const withRows = (rows: string) =>
  editZip(plain, (parts) => {
    const sheet = "xl/worksheets/sheet1.xml";
    parts[sheet] = parts[sheet]!.replace("</sheetData>", `${rows}</sheetData>`);
  });
const sheetPart = "xl/worksheets/sheet1.xml";
const huge = (name: string) =>
  repeatedPart(
    name,
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    "<row><c><v>1</v></c></row>",
    Math.ceil((400 << 20) / 26),
    "</sheetData></worksheet>",
  );

const cases: [string, Uint8Array][] = [
  ["plain report", plain],
  [
    "formatted row 5000",
    await viaExceljs((sheet) => {
      sheet.getRow(5000).height = 30;
      for (let c = 1; c <= 12; c++) sheet.getRow(5000).getCell(c).numFmt = "0%";
    }),
  ],
  ["value at A10000", await viaExceljs((sheet) => (sheet.getCell("A10000").value = 1))],
  ["value at A1048576", await viaExceljs((sheet) => (sheet.getCell("A1048576").value = 1))],
  ["value at XFD1048576", await viaExceljs((sheet) => (sheet.getCell("XFD1048576").value = "x"))],
  [
    "XML <c r=XFD1048576>",
    withRows('<row r="1048576" spans="16384:16384"><c r="XFD1048576"><v>1</v></c></row>'),
  ],
  ["400 MB sheet", zipOf([...partsOf(plain).filter((p) => p.name !== sheetPart), huge(sheetPart)])],
  [
    "sheet lying 1 KB→400 MB",
    zipOf([
      ...partsOf(plain).filter((p) => p.name !== sheetPart),
      { ...huge(sheetPart), declaredSize: 1024 },
    ]),
  ],
  [
    "5 unread 400 MB sheets",
    zipOf([...partsOf(plain), ...[2, 3, 4, 5, 6].map((n) => huge(`xl/worksheets/sheet${n}.xml`))]),
  ],
];

// Every case once before timing any, so the first one timed does not pay for the JIT.
for (const [, bytes] of cases)
  try {
    readWorkbookBytes(bytes, { area });
  } catch (err) {
    if (!(err instanceof WorkbookRefusal)) throw err;
  }
console.log(
  "case                      file KB   rows  cells  kept  inflated KB  outcome            ms   × plain",
);
let plainMs = 0;
for (const [name, bytes] of cases) {
  const meter = { inflated: 0, parts: [] as string[] };
  let outcome = "read";
  let stats = { rows: 0, cells: 0, cellsKept: 0 };
  const read = () => {
    meter.inflated = 0;
    meter.parts.length = 0;
    try {
      stats = readWorkbookBytes(bytes, { area, meter }).stats;
    } catch (err) {
      if (!(err instanceof WorkbookRefusal)) throw err;
      outcome = `refused: ${err.code}`;
    }
  };
  const ms = medianMs(read, 21);
  if (name === "plain report") plainMs = ms;
  console.log(
    `${name.padEnd(24)} ${String(Math.round(bytes.length / 1024)).padStart(8)} ${String(stats.rows).padStart(6)} ${String(stats.cells).padStart(6)} ${String(stats.cellsKept).padStart(5)} ${String(Math.round(meter.inflated / 1024)).padStart(12)}  ${outcome.padEnd(17)} ${ms.toFixed(1).padStart(5)} ${(ms / plainMs).toFixed(2).padStart(8)}`,
  );
}
/** Median of per-pair ratios, each pair timed back to back, so the machine's load cancels out. */
function pairedRatio(a: Uint8Array, b: Uint8Array, pairs: number): number {
  const time = (bytes: Uint8Array) => {
    const t0 = performance.now();
    readWorkbookBytes(bytes, { area });
    return performance.now() - t0;
  };
  const ratios = Array.from({ length: pairs }, () => time(b) / time(a));
  return ratios.sort((x, y) => x - y)[Math.floor(pairs / 2)]!;
}
const byName = new Map(cases);
for (const name of ["value at A1048576", "value at XFD1048576", "XML <c r=XFD1048576>"])
  console.log(
    `${name} / plain report, paired: ${pairedRatio(plain, byName.get(name)!, 41).toFixed(2)} (budget: about 1)`,
  );
