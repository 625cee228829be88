// Benchmark: syncs and request bytes per add-in operation (load, check, submit) for report sheets of
// 100, 1,000 and 10,000 rows, on the in-memory Excel that enforces Excel on the web's 5 MB limit.
// Budgets (DESIGN.md): load ≤ 3 syncs whatever the rows; check = 1 read + 1 write sync.
import { performance } from "node:perf_hooks";
import { buildLayout } from "../src/core/sheet/layout.js";
import { Template } from "../src/core/plan/template-schema.js";
import {
  checkReport,
  loadTemplate,
  saveAccessCode,
  submitReport,
} from "../src/excel/operations.js";
import { reportSheetName } from "../src/excel/office/report-sheet.js";
import { loadSeedTemplates } from "../src/node/seeds.js";
import {
  harness,
  officer,
  officerCode,
  officerCodeText,
  seedTracker,
  trackerTransport,
} from "../test/excel/addin-harness.js";
import { validEdits } from "../test/fixtures/fill-workbook.js";

const unit = officer;
const seeds = loadSeedTemplates().templates;
const base = seeds.find((t) => t.id === "can-tho-kh-2025")!;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
console.log("rows     operation  syncs  largest request  total request  core+fake ms");
for (const rows of [100, 1_000, 10_000]) {
  const template = Template.parse({
    ...base,
    id: `bench-${rows}`,
    indicators: Array.from({ length: rows }, (_, i) => ({
      ...base.indicators[i % base.indicators.length]!,
      id: `B-${i}`,
    })),
  });
  const h = harness(
    trackerTransport([...seeds, template]).transport,
    seedTracker([...seeds, template]),
  );
  await saveAccessCode(h.deps, officerCodeText);
  const measure = async (name: string, op: () => Promise<unknown>) => {
    h.excel.syncs.length = 0;
    const t0 = performance.now();
    await op();
    const ms = performance.now() - t0;
    const bytes = h.excel.syncs.map((s) => s.requestBytes);
    console.log(
      `${String(rows).padEnd(8)} ${name.padEnd(10)} ${String(h.excel.syncs.length).padStart(5)}  ${mb(Math.max(...bytes)).padStart(15)}  ${mb(bytes.reduce((a, b) => a + b, 0)).padStart(13)}  ${ms.toFixed(0).padStart(12)}`,
    );
  };
  await measure("load", () => loadTemplate(h.deps, officerCode, template.id, "2025"));
  const sheet = reportSheetName(template, "2025");
  for (const e of validEdits(
    template,
    unit,
    buildLayout(template, unit, "2025"),
    new Date("2025-11-30T00:00:00Z"),
  )) {
    h.excel.model.type(
      sheet,
      e.address,
      e.value instanceof Date ? "20/05/2025" : (e.value as never),
    );
  }
  await measure("check", () => checkReport(h.deps));
  await measure("submit", () => submitReport(h.deps, officerCode));
}
