// Benchmark: the page's reader (readReport: the check worker's module) on a filled report, and on the
// same report with one more cell at row 1,048,576 or column XFD. Budget (DESIGN.md): linear in the
// cells, bounded to the layout; a far cell costs what a near one does (ratio ≈ 1).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildLayout } from "../src/core/sheet/layout.js";
import { REPORT_SHEET } from "../src/core/sheet/layout-types.js";
import { loadUnits } from "../src/node/lookup.js";
import { loadSeedTemplates } from "../src/node/seeds.js";
import { writeLayoutBuffer } from "../src/node/xlsx.js";
import { readReport } from "../src/workbook/read-report.js";

const RUNS = 21;
const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;
const unit = loadUnits().find((u) => u.code === "STTTT")!;
const layout = buildLayout(template, unit, "2025");
const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-read-"));

async function withCell(address: string | undefined): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(await writeLayoutBuffer(layout)).buffer);
  if (address) workbook.getWorksheet(REPORT_SHEET)!.getCell(address).value = "x";
  const file = join(dir, `${address ?? "plain"}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return readFileSync(file);
}

async function medianMs(bytes: Uint8Array): Promise<number> {
  const read = () => readReport(bytes, { now: new Date(), templateFor: async () => template });
  await read();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await read();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const near = await medianMs(await withCell("M80"));
console.log(`report ${layout.rowCount}×${layout.columnCount} cells, runs ${RUNS} (median)`);
console.log(`  extra cell at M80        ${near.toFixed(1)} ms`);
for (const address of ["A1048576", "XFD80", "XFD1048576"]) {
  const ms = await medianMs(await withCell(address));
  console.log(
    `  extra cell at ${address.padEnd(10)} ${ms.toFixed(1)} ms  ratio ${(ms / near).toFixed(2)}`,
  );
}
