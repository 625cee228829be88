// A workbook's bytes are checked before anything is inflated: the zip directory's sizes, the number
// of parts, OLE containers (password-protected workbooks, .xls) and .ods; only the report sheet
// and the parts it needs are inflated, each within its limit, counted as it inflates.
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSheet } from "../../../src/core/sheet/check-sheet.js";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { reportArea } from "../../../src/core/sheet/report-area.js";
import { findTemplate } from "../../../src/node/lookup.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { writeLayoutFile } from "../../../src/node/xlsx.js";
import type { RefusalCode } from "../../../src/node/xlsx-read/refusal.js";
import { WorkbookRefusal, workbookLimits } from "../../../src/node/xlsx-read/refusal.js";
import type { InflateMeter } from "../../../src/node/xlsx-read/zip.js";
import { readWorkbookBytes } from "../../../src/node/xlsx-read/workbook.js";
import { fillWorkbook, validEdits } from "../../fixtures/fill-workbook.js";
import type { ZipPart } from "../../fixtures/hostile-files.js";
import {
  compoundFile,
  deflatedPart,
  editZip,
  partsOf,
  repeatedPart,
  storedPart,
  zipOf,
} from "../../fixtures/hostile-files.js";

const NOW = new Date("2025-11-30T03:00:00Z");
const PLAN = "can-tho-2256";
const MB = 1 << 20;
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;
const area = reportArea(loadSeedTemplates().templates);

let report: Uint8Array;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-hostile-zip-"));
  const template = findTemplate(PLAN);
  const layout = buildLayout(template, unit, "2025");
  const blank = join(dir, "blank.xlsx");
  await writeLayoutFile(layout, blank);
  const file = join(dir, "report.xlsx");
  await fillWorkbook(blank, file, validEdits(template, unit, layout, NOW));
  report = readFileSync(file);
});

/** 400 MB of rows, a few hundred kilobytes deflated. */
const hugeSheet = (name: string) =>
  repeatedPart(
    name,
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
    Math.ceil((400 * MB) / 48),
    "</sheetData></worksheet>",
  );

function refusalOf(bytes: Uint8Array, meter: InflateMeter = { inflated: 0, parts: [] }) {
  try {
    readWorkbookBytes(bytes, { area, meter });
  } catch (err) {
    if (err instanceof WorkbookRefusal) return err;
    throw err;
  }
  throw new Error("read without a refusal");
}

const expectRefusal = (bytes: Uint8Array, code: RefusalCode) => {
  const meter = { inflated: 0, parts: [] as string[] };
  const refusal = refusalOf(bytes, meter);
  expect(refusal.code, refusal.message).toBe(code);
  return { refusal, meter };
};

/** Only the small parts that say where the sheet is were inflated: none of the big ones. */
const expectOnlyIndexInflated = (meter: InflateMeter) => {
  expect(meter.parts.sort()).toEqual([
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
  ]);
  expect(meter.inflated).toBeLessThan(64 << 10);
};

/** The report's own parts with the sheet's part replaced. */
const replacingSheet = (sheet: ZipPart) =>
  zipOf([...partsOf(report).filter((p) => p.name !== sheet.name), sheet]);

describe("the zip directory, read before anything inflates", () => {
  it("the plain report reads, inflating only the parts a sheet needs", () => {
    const grid = readWorkbookBytes(report, { area });
    expect(
      checkSheet(findTemplate(PLAN), grid.values, { formats: grid.formats, now: NOW }).issues,
    ).toEqual([]);
    expect(grid.stats.partsInflated.sort()).toEqual([
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
  });

  it("a 400 MB sheet (a few hundred KB on disk) is refused from its declared size, never inflated", () => {
    const huge = hugeSheet("xl/worksheets/sheet1.xml");
    const bytes = replacingSheet(huge);
    expect(bytes.length).toBeLessThan(2 * MB);
    const { refusal, meter } = expectRefusal(bytes, "part-too-large");
    expectOnlyIndexInflated(meter);
    expect(refusal.message).toContain("xl/worksheets/sheet1.xml");
    expect(refusal.message).toMatch(/quá lớn.* \/ .*too large/u);
  });

  it("a sheet that declares 1 KB and inflates to 400 MB is refused once it passes 1 KB", () => {
    const lying = { ...hugeSheet("xl/worksheets/sheet1.xml"), declaredSize: 1024 };
    const { meter } = expectRefusal(replacingSheet(lying), "damaged");
    // One slice of input past the declaration, never the 400 MB.
    expect(meter.inflated).toBeLessThan(8 * MB);
  });

  it("parts within their own limit but over the total together are refused before inflating", () => {
    const big = (name: string) =>
      repeatedPart(name, "<sst>", "<si><t>x</t></si>", Math.ceil((30 * MB) / 16), "</sst>");
    const parts = partsOf(report).filter(
      (p) => p.name !== "xl/sharedStrings.xml" && p.name !== "xl/worksheets/sheet1.xml",
    );
    const sheet = repeatedPart(
      "xl/worksheets/sheet1.xml",
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      "<row/>",
      Math.ceil((30 * MB) / 6),
      "</sheetData></worksheet>",
    );
    const { meter } = expectRefusal(
      zipOf([...parts, big("xl/sharedStrings.xml"), sheet, big("xl/styles.xml")]),
      "too-large",
    );
    expectOnlyIndexInflated(meter);
    expect(workbookLimits.totalBytes).toBeLessThan(90 * MB);
  });

  it("five 400 MB sheets beside the report, one listed and four not, are never inflated", () => {
    const bytes = editZip(report, (parts) => {
      parts["xl/workbook.xml"] = parts["xl/workbook.xml"]!.replace(
        "</sheets>",
        '<sheet name="Khác" sheetId="9" r:id="rIdHuge"/></sheets>',
      );
      parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]!.replace(
        "</Relationships>",
        '<Relationship Id="rIdHuge" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
      );
    });
    const huge = hugeSheet("xl/worksheets/sheet2.xml");
    const withHuge = zipOf([
      ...partsOf(bytes),
      ...[2, 3, 4, 5, 6].map((n) => ({ ...huge, name: `xl/worksheets/sheet${n}.xml` })),
    ]);
    expect(withHuge.length).toBeLessThan(8 * MB);
    const meter = { inflated: 0, parts: [] as string[] };
    const grid = readWorkbookBytes(withHuge, { area, meter });
    expect(grid.sheetName).toBe("Báo cáo");
    expect(
      checkSheet(findTemplate(PLAN), grid.values, { formats: grid.formats, now: NOW }).issues,
    ).toEqual([]);
    expect(meter.parts.filter((p) => /sheet[2-6]\.xml$/u.test(p))).toEqual([]);
    expect(meter.inflated).toBeLessThan(2 * MB);
  });

  it("a zip of 20,000 parts is refused from its directory", () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => storedPart(`x/${i}`, ""));
    const { meter } = expectRefusal(zipOf([...partsOf(report), ...parts]), "too-many-parts");
    expect(meter.inflated).toBe(0);
  });

  it("entities declared in a sheet's DOCTYPE are refused, not expanded", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    expectRefusal(replacingSheet(deflatedPart("xl/worksheets/sheet1.xml", bomb)), "damaged");
  });
});

describe("what is not an .xlsx", () => {
  it("a password-protected workbook (an OLE file with EncryptionInfo and EncryptedPackage)", () => {
    const { refusal } = expectRefusal(
      compoundFile(["EncryptionInfo", "EncryptedPackage"]),
      "password",
    );
    expect(refusal.message).toBe(
      "Tệp có mật khẩu: hãy gỡ mật khẩu và lưu lại / this file is password-protected: remove the password and save again",
    );
  });

  it("an .xls (an OLE file with a Workbook stream) is told to be saved as .xlsx", () => {
    const { refusal } = expectRefusal(compoundFile(["Workbook"]), "old-format");
    expect(refusal.message).toMatch(/lưu thành \.xlsx .* \/ .*save (it )?as \.xlsx/u);
  });

  it("an .ods (a zip whose mimetype is OpenDocument) is told to be saved as .xlsx", () => {
    const ods = zipOf([
      storedPart("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      deflatedPart("content.xml", "<office:document-content/>"),
    ]);
    expect(expectRefusal(ods, "old-format").refusal.message).toContain(".ods");
  });

  it("text, an empty file and a zip without a workbook are not .xlsx files", () => {
    expectRefusal(new TextEncoder().encode("not a workbook"), "not-xlsx");
    expectRefusal(new Uint8Array(0), "not-xlsx");
    expectRefusal(zipOf([deflatedPart("word/document.xml", "<w:document/>")]), "not-xlsx");
  });
});
