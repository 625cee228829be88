// Figures no unit can mean: the tracker refuses them now, and those an older version stored never
// reach the page or the tracker workbook as NaN.
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consolidate } from "../../src/core/tracker/consolidate.js";
import { isoInVietnam } from "../../src/core/plan/period.js";
import { payloadHash } from "../../src/core/wire/signature.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { processPost } from "../../src/core/wire/tracker-service.js";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { renderConsolidationPage } from "../../src/node/tracker/pages.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";

const KEY = "7".repeat(64);
const PLAN = "can-tho-2256";
const other = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" } as const;
const now = new Date("2025-12-05T03:00:00Z");

async function run(...argv: string[]) {
  const out: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => out.push(s) };
  return { code: await runCli(argv, io), out: out.join("\n") };
}

/** Two units' reports with 1.7e308 over 1.7e308 for the first share, as an older tracker stored them. */
function trackerWithExtremeFigures() {
  const data = mkdtempSync(join(tmpdir(), "chitieu-extreme-"));
  const store = openStore(data);
  store.importUnits([reportingUnit, other]);
  store.setKey(reportingUnit.code, KEY);
  const template = store.template(PLAN)!;
  const shareId = template.indicators.find((i) => i.aggregation === "ratio-of-sums")!.id;
  [reportingUnit, other].forEach((unit, i) => {
    const report = validReport(template, `3333333${i}-3333-4333-8333-333333333333`, unit);
    const entry = report.indicators.find((e) => e.indicatorId === shareId)!;
    entry.numerator = 1.7e308;
    entry.denominator = 1.7e308;
    const payload = JSON.stringify(report);
    store.append({
      submission: report,
      payload,
      payloadHash: payloadHash(payload),
      receivedAt: isoInVietnam(now),
      current: true,
      replaces: undefined,
    });
  });
  return { data, store, template, shareId };
}

describe("extreme figures at the tracker", () => {
  it("a new report with 1.7e308 over 1.7e308 is refused, located at the indicator and field", () => {
    const { store, template, shareId } = trackerWithExtremeFigures();
    const report = validReport(template, "44444444-4444-4444-8444-444444444444");
    const entry = report.indicators.find((e) => e.indicatorId === shareId)!;
    entry.numerator = 1.7e308;
    entry.denominator = 1.7e308;
    const before = store.submissionCount();
    const r = processPost(
      envelopeFor(report, { url: "http://x", unit: reportingUnit.code, key: KEY }).body,
      store,
      { date: now, iso: isoInVietnam(now) },
    );
    expect(r.answer).toMatchObject({ ok: false, error: { code: "validation-failed" } });
    const issues = (r.answer as { error: { details: { issues: unknown[] } } }).error.details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "out-of-range",
          location: { indicatorId: shareId, field: "numerator" },
        }),
      ]),
    );
    expect(store.submissionCount()).toBe(before);
    store.close();
  });

  it("stored ones make no NaN on the page nor in `consolidate -o`", async () => {
    const { data, store, template, shareId } = trackerWithExtremeFigures();
    const consolidation = consolidate({
      template,
      units: store.units(),
      period: "2025",
      submissions: store.submissionsFor(PLAN, "2025"),
      now,
    });
    store.close();
    const page = renderConsolidationPage(template, consolidation);
    expect(page).not.toMatch(/NaN|Infinity/u);
    expect(consolidation.indicators.find((i) => i.id === shareId)!.aggregate).toBeNull();

    const file = join(data, "tracker.xlsx");
    const r = await run(
      "consolidate",
      "--period",
      "2025",
      "--plan",
      PLAN,
      "--data",
      data,
      "-o",
      file,
    );
    expect(r.code, r.out).toBe(0);
    const parts = unzipSync(readFileSync(file), { filter: (f) => f.name.endsWith(".xml") });
    for (const [name, bytes] of Object.entries(parts))
      expect(strFromU8(bytes), name).not.toMatch(/<v>(NaN|-?Infinity)<\/v>/u);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "number")
            expect(Number.isFinite(cell.value), cell.address).toBe(true);
        }),
      ),
    );
  });
});
