// `chitieu consolidate`: the tracker's data as JSON and as the tracker workbook, read back with exceljs.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isoInVietnam } from "../../src/core/plan/period.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { processPost } from "../../src/core/wire/tracker-service.js";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";

const KEY = "9".repeat(64);

async function run(...argv: string[]) {
  const out: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => out.push(s) };
  return { code: await runCli(argv, io), out: out.join("\n") };
}

function trackerWithOneReport() {
  const data = mkdtempSync(join(tmpdir(), "chitieu-consolidate-"));
  const store = openStore(data);
  store.importUnits([
    reportingUnit,
    { code: "Q-NK", name: "UBND quận Ninh Kiều", kind: "district", level: "district" },
  ]);
  store.setKey(reportingUnit.code, KEY);
  const template = store.template("can-tho-2256")!;
  const report = validReport(template, "22222222-2222-4222-8222-222222222222");
  report.indicators[1]!.note = '=HYPERLINK("http://x","bấm")';
  const now = new Date("2025-12-05T03:00:00Z");
  const r = processPost(
    envelopeFor(report, { url: "http://x", unit: reportingUnit.code, key: KEY }).body,
    store,
    { date: now, iso: isoInVietnam(now) },
  );
  expect(r.answer.ok).toBe(true);
  store.close();
  return { data, report };
}

describe("chitieu consolidate", () => {
  it("prints the consolidation as JSON, with provenance", async () => {
    const { data, report } = trackerWithOneReport();
    const r = await run(
      "consolidate",
      "--period",
      "2025",
      "--plan",
      "can-tho-2256",
      "--data",
      data,
      "--json",
    );
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.summary).toMatchObject({ unitsSubmitted: 1, unitsOnTime: 1, unitsMissing: 1 });
    const ind = c.indicators.find(
      (i: { id: string }) => i.id === report.indicators[0]!.indicatorId,
    );
    expect(ind.byUnit.STTTT.provenance).toEqual({
      submissionId: report.submissionId,
      revision: 1,
      receivedAt: "2025-12-05T10:00:00.000+07:00",
    });
  });

  it("writes the tracker tabs to .xlsx; the value and its status read back, free text stays text", async () => {
    const { data, report } = trackerWithOneReport();
    const file = join(data, "tracker.xlsx");
    const r = await run(
      "consolidate",
      "--period",
      "2025",
      "--plan",
      "can-tho-2256",
      "--data",
      data,
      "-o",
      file,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("1/2 đơn vị đã nộp");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "Chỉ tiêu",
      "Đơn vị",
      "Nhật ký nộp",
      "Tổng hợp 2025",
      "Số liệu đơn vị 2025",
      "Nhiệm vụ",
      "Tiến độ nộp",
      "Kinh phí",
    ]);
    const table = wb.getWorksheet("Tổng hợp 2025")!;
    const header = table.getRow(1).values as unknown[];
    const first = report.indicators[0]!;
    const row = table
      .getRows(2, table.rowCount - 1)!
      .find((x) => x.getCell(1).value === first.indicatorId)!;
    expect(row.getCell(header.indexOf("Đánh giá")).value).toBe("Đạt");
    // The unit's own figure: its row in the unit values tab, under the indicator's column.
    const values = wb.getWorksheet("Số liệu đơn vị 2025")!;
    const valuesHeader = values.getRow(1).values as unknown[];
    const indicatorColumn = valuesHeader.findIndex(
      (h) => typeof h === "string" && h.startsWith(`${first.indicatorId} — `),
    );
    const unitRow = values
      .getRows(2, values.rowCount - 1)!
      .find((x) => x.getCell(1).value === reportingUnit.code)!;
    expect(unitRow.getCell(indicatorColumn).value).toBe(
      first.value ?? (first.numerator! / first.denominator!) * 100,
    );
    const timeliness = wb.getWorksheet("Tiến độ nộp")!;
    const statuses = timeliness
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string");
    expect(statuses).toContain("Đúng hạn");
    expect(statuses).toContain("Chưa nộp");
    const log = wb.getWorksheet("Nhật ký nộp")!;
    const noteCell = log
      .getSheetValues()
      .flat()
      .find((v) => typeof v === "string" && v.startsWith("=HYPERLINK"));
    expect(noteCell).toBe('=HYPERLINK("http://x","bấm")');
    log.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
