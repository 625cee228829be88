// The page's reader (readReport, the module the check worker runs) against `chitieu validate`: the
// same issues for every plan's golden report and planted mistakes, whichever program wrote the file
// (chitieu's exceljs, LibreOffice Calc, write-excel-file); and reading bounded to the layout.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Issue } from "../../src/core/check/issues.js";
import { headerCells, a1 } from "../../src/core/sheet/layout-types.js";
import type { CommandIO } from "../../src/node/io.js";
import { loadUnits } from "../../src/node/lookup.js";
import { runCli } from "../../src/node/program.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import type { ReportReading } from "../../src/workbook/read-report.js";
import { readReport } from "../../src/workbook/read-report.js";
import type { ReportMaker } from "../fixtures/report-files.js";
import { hostTool, SOFFICE } from "../fixtures/host-tools.js";
import { libreOffice, reportMaker, withFarCell } from "../fixtures/report-files.js";

const hasSoffice = hostTool("LibreOffice (soffice)", SOFFICE);

const NOW = "2025-11-30T10:00:00+07:00";
const templates = loadSeedTemplates().templates;
const units = loadUnits();

const cases = [
  ["binh-duong-2025", "Q-NINHKIEU"],
  ["ca-mau-1929", "Q-NINHKIEU"],
  ["can-tho-2256", "Q-NINHKIEU"],
  ["can-tho-2256", "STTTT"],
  ["can-tho-kh-2025", "Q-NINHKIEU"],
  ["hau-giang-190", "Q-NINHKIEU"],
] as const;

async function validate(file: string): Promise<Issue[]> {
  const out: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: () => undefined };
  await runCli(["validate", file, "--json", "--now", NOW], io);
  return (JSON.parse(out.join("\n")) as { issues: Issue[] }).issues;
}

function read(file: string): Promise<ReportReading> {
  return readReport(readFileSync(file), {
    now: new Date(NOW),
    templateFor: async (id) => templates.find((t) => t.id === id),
  });
}

const issuesOf = (reading: ReportReading) => {
  if (reading.kind !== "checked") throw new Error(JSON.stringify(reading.refusal));
  return reading.issues;
};

interface Files {
  maker: ReportMaker;
  golden: string;
  planted: string;
  edited: string;
  secondGolden: string;
  secondPlanted: string;
  calcGolden?: string;
  calcPlanted?: string;
}

const files = new Map<string, Files>();

beforeAll(async () => {
  for (const [planId, unitCode] of cases) {
    const maker = reportMaker(
      templates.find((t) => t.id === planId)!,
      units.find((u) => u.code === unitCode)!,
    );
    const planted = [...maker.valid, ...maker.planted];
    // A fixed label typed over: the first indicator's name.
    const nameCell = a1(Object.values(maker.layout.rows.indicators)[0]!, 3);
    files.set(`${planId}/${unitCode}`, {
      maker,
      golden: await maker.exceljs("golden", maker.valid),
      planted: await maker.exceljs("planted", planted),
      edited: await maker.exceljs("edited", [
        ...maker.valid,
        { address: nameCell, value: "Chỉ tiêu đã sửa" },
      ]),
      secondGolden: await maker.secondWriter("second-golden", maker.valid),
      secondPlanted: await maker.secondWriter("second-planted", planted),
    });
  }
  if (hasSoffice) {
    const all = [...files.values()];
    const saved = libreOffice(
      all.flatMap((f) => [f.golden, f.planted]),
      "xlsx",
    );
    all.forEach((f, i) => {
      f.calcGolden = saved[2 * i];
      f.calcPlanted = saved[2 * i + 1];
    });
  }
}, 240_000);

describe("the page's reader and `chitieu validate` give the same issues", () => {
  it("covers all five plans", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(templates.map((t) => t.id)));
  });

  it.each(cases)("%s for %s, as chitieu writes it", async (planId, unitCode) => {
    const f = files.get(`${planId}/${unitCode}`)!;
    expect(issuesOf(await read(f.golden))).toEqual([]);
    expect(await validate(f.golden)).toEqual([]);
    const planted = issuesOf(await read(f.planted));
    expect(planted.length).toBeGreaterThanOrEqual(f.maker.planted.length > 2 ? 3 : 1);
    expect(planted.map((i) => i.code)).toContain("not-a-number");
    expect(planted).toEqual(await validate(f.planted));
    const edited = issuesOf(await read(f.edited));
    expect(edited.map((i) => i.code)).toEqual(["sheet-edited"]);
    expect(edited).toEqual(await validate(f.edited));
  });

  it.each(cases)("%s for %s, written by a second library", async (planId, unitCode) => {
    const f = files.get(`${planId}/${unitCode}`)!;
    expect(issuesOf(await read(f.secondGolden))).toEqual([]);
    expect(await validate(f.secondGolden)).toEqual([]);
    const planted = issuesOf(await read(f.secondPlanted));
    expect(planted).toEqual(await validate(f.secondPlanted));
    // The same mistakes, found at the same cells, as in chitieu's own file.
    expect(planted).toEqual(issuesOf(await read(f.planted)));
  });

  it.runIf(hasSoffice).each(cases)(
    "%s for %s, re-saved by LibreOffice Calc",
    async (planId, unitCode) => {
      const f = files.get(`${planId}/${unitCode}`)!;
      expect(issuesOf(await read(f.calcGolden!))).toEqual([]);
      expect(await validate(f.calcGolden!)).toEqual([]);
      const planted = issuesOf(await read(f.calcPlanted!));
      expect(planted).toEqual(await validate(f.calcPlanted!));
      expect(planted).toEqual(issuesOf(await read(f.planted)));
    },
  );
});

describe("reading is bounded to the layout", () => {
  afterEach(() => vi.restoreAllMocks());

  /** How many rows and cells the reader looked up to read a file. */
  async function lookups(file: string) {
    const sheet = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe")) as object;
    const rows = vi.spyOn(sheet as { findRow(r: number): unknown }, "findRow");
    const reading = await read(file);
    const count = rows.mock.calls.length;
    rows.mockRestore();
    return { count, reading };
  }

  it("a cell at row 1,048,576 or column XFD costs what one at row 80 costs, and changes nothing", async () => {
    const f = files.get("can-tho-2256/STTTT")!;
    const near = await lookups(await withFarCell(f.planted, "M80"));
    const farRow = await lookups(await withFarCell(f.planted, "A1048576"));
    const farColumn = await lookups(await withFarCell(f.planted, "XFD80"));
    const rows = f.maker.layout.rowCount;
    const headerRows = Math.max(...Object.values(headerCells).map((c) => c.row));
    expect(near.count).toBe(headerRows + rows);
    expect(farRow.count).toBe(near.count);
    expect(farColumn.count).toBe(near.count);
    const expected = issuesOf(await read(f.planted));
    for (const { reading } of [near, farRow, farColumn])
      expect(issuesOf(reading)).toEqual(expected);
  });
});
