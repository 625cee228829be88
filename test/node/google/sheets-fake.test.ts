// The loopback Sheets API holds the real googleapis client to what Google documents for the
// formatting batch the push sends (see test/fakes/sheets-server.HOST-BEHAVIOUR.md).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { sheets_v4 } from "googleapis/build/src/apis/sheets/index.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectSheets } from "../../../src/node/google/sheets-client.js";
import type { FakeSheets } from "../../fakes/sheets-server.js";
import { startFakeSheets } from "../../fakes/sheets-server.js";

let fake: FakeSheets;
let sheets: sheets_v4.Sheets;
beforeEach(async () => {
  fake = await startFakeSheets();
  const key = fake.writeServiceAccountKey(mkdtempSync(join(tmpdir(), "chitieu-fake-")));
  ({ sheets } = await connectSheets({
    GOOGLE_APPLICATION_CREDENTIALS: key,
    CHITIEU_SHEETS_ROOT_URL: `${fake.url}/`,
  }));
});
afterEach(() => fake.close());

const batch = (requests: sheets_v4.Schema$Request[]) =>
  sheets.spreadsheets
    .batchUpdate({ spreadsheetId: fake.spreadsheetId, requestBody: { requests } })
    .then(
      () => 200,
      (e: { response?: { status?: number; data?: { error?: { message?: string } } } }) =>
        `${e.response?.status}: ${e.response?.data?.error?.message}`,
    );
const add = (title: string, sheetId?: number): sheets_v4.Schema$Request => ({
  addSheet: { properties: { title, ...(sheetId === undefined ? {} : { sheetId }) } },
});
const bold = (sheetId: number, range: sheets_v4.Schema$GridRange = {}) => ({
  repeatCell: {
    range: { sheetId, ...range },
    cell: { userEnteredFormat: { textFormat: { bold: true } } },
    fields: "userEnteredFormat.textFormat.bold",
  },
});

describe("the loopback Sheets API's formatting", () => {
  it("formats a sheet added earlier in the same batch, by the id the client gave it", async () => {
    expect(await batch([add("Tab", 7), bold(7, { startRowIndex: 0, endRowIndex: 1 })])).toBe(200);
    expect(fake.cellFormat("Tab", 1, 3).textFormat?.bold).toBe(true);
    expect(fake.cellFormat("Tab", 2, 3)).toEqual({});
  });

  it("updates only the fields the mask names, and clears a named field the cell leaves out", async () => {
    await batch([
      add("Tab", 1),
      {
        repeatCell: {
          range: { sheetId: 1 },
          cell: { userEnteredFormat: { numberFormat: { type: "TEXT", pattern: "@" } } },
          fields: "userEnteredFormat.numberFormat",
        },
      },
      bold(1),
    ]);
    expect(fake.cellFormat("Tab", 5, 5)).toEqual({
      numberFormat: { type: "TEXT", pattern: "@" },
      textFormat: { bold: true },
    });
    await batch([
      {
        repeatCell: {
          range: { sheetId: 1 },
          cell: { userEnteredFormat: {} },
          fields: "userEnteredFormat.numberFormat",
        },
      },
    ]);
    expect(fake.cellFormat("Tab", 5, 5).numberFormat).toBeUndefined();
    expect(fake.cellFormat("Tab", 5, 5).textFormat?.bold).toBe(true);
  });

  it.each<[string, sheets_v4.Schema$Request[], string]>([
    ["a sheet id that exists", [add("A", 0)], "already exists"],
    ["a grid that does not exist", [bold(99)], "No grid with id: 99"],
    ["a range past the grid", [add("A", 5), bold(5, { endRowIndex: 1001 })], "exceeds grid limits"],
    [
      "no fields",
      [add("A", 5), { repeatCell: { ...bold(5).repeatCell, fields: "" } }],
      "At least one field must be specified",
    ],
    [
      "a number format without its type",
      [
        add("A", 5),
        {
          repeatCell: {
            range: { sheetId: 5 },
            cell: { userEnteredFormat: { numberFormat: { pattern: "@" } } },
            fields: "userEnteredFormat.numberFormat",
          },
        },
      ],
      "must be set",
    ],
    [
      "a colour component over 1",
      [
        add("A", 5),
        {
          repeatCell: {
            range: { sheetId: 5 },
            cell: { userEnteredFormat: { backgroundColorStyle: { rgbColor: { red: 221 } } } },
            fields: "userEnteredFormat.backgroundColorStyle",
          },
        },
      ],
      "from 0 to 1",
    ],
  ])("refuses %s, and applies nothing of the batch", async (_name, requests, message) => {
    const answer = await batch(requests);
    expect(answer).toMatch(/^400: /u);
    expect(answer).toContain(message);
    expect(fake.titles()).toEqual(["Sheet1"]);
  });
});
