// The tracker's tabs look the same wherever they are written: the .xlsx export (read back with
// exceljs), the Apps Script tracker (the fake's recorded formats) and the push (what the loopback
// Sheets API was asked to apply), each against the one style core's TRACKER_TABS defines.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnKind, TrackerTab } from "../../src/core/tracker/tracker-tab-layout.js";
import { columnKinds, TAB_STYLE } from "../../src/core/tracker/tracker-tab-layout.js";
import { indicatorCatalogueTab } from "../../src/core/tracker/tracker-tabs.js";
import { pushTabs } from "../../src/node/google/push.js";
import { connectSheets } from "../../src/node/google/sheets-client.js";
import { findTemplate } from "../../src/node/lookup.js";
import { trackerWorkbook } from "../../src/node/tracker/tracker-workbook.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import type { FakeSheets } from "../fakes/sheets-server.js";
import { startFakeSheets } from "../fakes/sheets-server.js";
import { SMALL_PERIOD, SMALL_PLAN, smallUnits } from "../fixtures/small-case.js";

/** What each writer is compared on: the header's look and the format of each column's cells. */
interface Look {
  header: { fill: string; font: string; bold: boolean }[];
  formats: string[];
}

const tab: TrackerTab = indicatorCatalogueTab(findTemplate(SMALL_PLAN));
const expected: Look = {
  header: tab.header.map(() => ({ ...TAB_STYLE.header })),
  formats: columnKinds(tab).map((k: ColumnKind) => TAB_STYLE.numberFormats[k]),
};
const hex = (s: string | undefined) => (s ?? "").toLowerCase();
const columns = tab.header.map((_, i) => i + 1);

describe("a tracker tab's look", () => {
  it("has text and number columns to tell apart", () => {
    expect(new Set(columnKinds(tab))).toEqual(new Set(["text", "number"]));
  });

  it("is core's in the .xlsx export, read back with exceljs", async () => {
    const written = await trackerWorkbook([tab]).xlsx.writeBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(written as ArrayBuffer);
    const sheet = book.getWorksheet(tab.name)!;
    const argb = (c: Partial<ExcelJS.Color> | undefined) => hex(`#${(c?.argb ?? "").slice(2)}`);
    const look: Look = {
      header: columns.map((c) => {
        const cell = sheet.getRow(1).getCell(c);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        return { fill: argb(fill?.fgColor), font: argb(cell.font?.color), bold: !!cell.font?.bold };
      }),
      formats: columns.map((c) => sheet.getRow(2).getCell(c).numFmt ?? "General"),
    };
    expect(look).toEqual(expected);
  });

  it("is core's on the Apps Script tracker", async () => {
    const world = await trackerWorld({
      planId: SMALL_PLAN,
      period: SMALL_PERIOD,
      units: smallUnits,
    });
    const sheet = world.spreadsheet.sheet(tab.name)!;
    const look: Look = {
      header: columns.map((c) => ({
        fill: hex(sheet.backgroundAt(1, c)),
        font: hex(sheet.fontColorAt(1, c)),
        bold: sheet.fontWeightAt(1, c) === "bold",
      })),
      formats: columns.map((c) => sheet.formatAt(2, c)),
    };
    expect(look).toEqual(expected);
  });

  describe("pushed to Google Sheets", () => {
    let fake: FakeSheets;
    beforeAll(async () => {
      fake = await startFakeSheets();
      const key = fake.writeServiceAccountKey(mkdtempSync(join(tmpdir(), "chitieu-look-")));
      const { sheets } = await connectSheets({
        GOOGLE_APPLICATION_CREDENTIALS: key,
        CHITIEU_SHEETS_ROOT_URL: `${fake.url}/`,
      });
      await pushTabs(sheets, [tab], {
        spreadsheetId: fake.spreadsheetId,
        dryRun: false,
        progress: () => undefined,
        clock: { now: () => Date.now(), sleep: async () => undefined, random: () => 0.5 },
      });
    });
    afterAll(() => fake.close());

    it("is core's, in the one batch that adds the tab", () => {
      const rgb = (c: { red?: number; green?: number; blue?: number } | undefined) =>
        "#" +
        [c?.red, c?.green, c?.blue]
          .map((v) =>
            Math.round((v ?? 0) * 255)
              .toString(16)
              .padStart(2, "0"),
          )
          .join("");
      const look: Look = {
        header: columns.map((c) => {
          const f = fake.cellFormat(tab.name, 1, c);
          return {
            fill: rgb(f.backgroundColorStyle?.rgbColor),
            font: rgb(f.textFormat?.foregroundColorStyle?.rgbColor),
            bold: f.textFormat?.bold === true,
          };
        }),
        formats: columns.map((c) => {
          const n = fake.cellFormat(tab.name, 2, c).numberFormat;
          return n?.pattern ?? "";
        }),
      };
      expect(look).toEqual(expected);
      expect(fake.count("batchUpdate")).toBe(1);
    });
  });
});
