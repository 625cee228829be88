// A push planned from what the spreadsheet holds: the tabs to add and the values.batchUpdate bodies,
// each measured in bytes and kept under the Sheets API's 2 MB.
import type { sheets_v4 } from "googleapis/build/src/apis/sheets/index.js";
import { a1 } from "../../core/sheet/layout-types.js";
import type { TabUpsert, ValueBlock } from "../../core/tracker/sheet-upsert.js";
import { planTabUpsert } from "../../core/tracker/sheet-upsert.js";
import type {
  ColumnKind,
  TabCellValue,
  TrackerTab,
} from "../../core/tracker/tracker-tab-layout.js";
import { columnKinds, TAB_STYLE } from "../../core/tracker/tracker-tab-layout.js";

/** Google recommends at most 2 MB per request; bigger bodies are slow and refused past limits. */
export const MAX_BODY_BYTES = 2_000_000;

// What a new Google sheet has; a tab is made at least this big so people can type around it.
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

export interface ExistingSheet {
  title: string;
  /** Its cells as values.batchGet answers them: rows and trailing cells that are empty left out. */
  values: readonly (readonly unknown[])[];
}

export interface TabPlan extends TabUpsert {
  create: boolean;
}

export interface WriteBody {
  body: sheets_v4.Schema$BatchUpdateValuesRequest;
  bytes: number;
}

export interface PushPlan {
  tabs: TabPlan[];
  addSheets: sheets_v4.Schema$Request[];
  /** The new tabs' look (core's TAB_STYLE), sent in the batch that adds them. */
  formats: sheets_v4.Schema$Request[];
  writes: WriteBody[];
  bytes: number;
}

export const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/** A1 notation quotes every title: Vietnamese names have spaces, and a quote is doubled. */
export const quotedTitle = (title: string) => `'${title.replaceAll("'", "''")}'`;

/**
 * A cell as the RAW writer sends it: null would mean "leave the cell as it is" to the API, so an
 * empty cell is "", which clears whatever an earlier push left there. A non-finite number has no
 * JSON form and would turn into that null, so it is written empty too.
 */
function wireCell(v: TabCellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

function rangeOf(title: string, row: number, col: number, rows: number, cols: number): string {
  return `${quotedTitle(title)}!${a1(row + 1, col + 1)}:${a1(row + rows, col + cols)}`;
}

interface TitledBlock {
  title: string;
  block: ValueBlock;
}

const envelope = (
  data: sheets_v4.Schema$ValueRange[],
): sheets_v4.Schema$BatchUpdateValuesRequest => ({
  valueInputOption: "RAW",
  data,
});

/**
 * Packs the blocks into as few bodies as fit, splitting a block between rows where it must. The
 * size is counted from the very JSON gaxios will send, so no body passes `maxBytes`.
 */
export function writeBodies(blocks: readonly TitledBlock[], maxBytes: number): WriteBody[] {
  const empty = utf8Length(JSON.stringify(envelope([])));
  const bodies: WriteBody[] = [];
  let data: sheets_v4.Schema$ValueRange[] = [];
  let size = empty;
  const flush = () => {
    if (!data.length) return;
    bodies.push({ body: envelope(data), bytes: size });
    data = [];
    size = empty;
  };
  for (const { title, block } of blocks) {
    const rows = block.values.map((row) => row.map(wireCell));
    const rowBytes = rows.map((row) => utf8Length(JSON.stringify(row)));
    const width = block.values[0]?.length ?? 0;
    // The whole block's range is the longest any slice of it can have: a safe bound for the overhead.
    const overhead = utf8Length(
      JSON.stringify({
        range: rangeOf(title, block.row, block.col, rows.length, width),
        values: [],
      }),
    );
    let start = 0;
    while (start < rows.length) {
      const room = maxBytes - size - (data.length ? 1 : 0) - overhead;
      let take = 0;
      let used = 0;
      while (start + take < rows.length) {
        const next = used + rowBytes[start + take]! + (take ? 1 : 0);
        if (next > room) break;
        used = next;
        take++;
      }
      if (take === 0) {
        if (!data.length) {
          throw new RangeError(
            `một dòng của trang "${title}" lớn hơn ${maxBytes} byte / a row of "${title}" is over ${maxBytes} bytes`,
          );
        }
        flush();
        continue;
      }
      const range: sheets_v4.Schema$ValueRange = {
        range: rangeOf(title, block.row + start, block.col, take, width),
        values: rows.slice(start, start + take),
      };
      size += utf8Length(JSON.stringify(range)) + (data.length ? 1 : 0);
      data.push(range);
      start += take;
      if (start < rows.length) flush();
    }
  }
  flush();
  return bodies;
}

/**
 * Tabs missing from the spreadsheet are made big enough for what goes in, header row frozen, with
 * an id of their own so the same batch can format them.
 */
function addSheetRequest(tab: TrackerTab, sheetId: number): sheets_v4.Schema$Request {
  return {
    addSheet: {
      properties: {
        sheetId,
        title: tab.name,
        gridProperties: {
          rowCount: Math.max(DEFAULT_ROWS, tab.rows.length + 1),
          columnCount: Math.max(DEFAULT_COLUMNS, tab.header.length),
          frozenRowCount: 1,
        },
      },
    },
  };
}

const rgb = (hex: string): sheets_v4.Schema$Color => {
  const n = Number.parseInt(hex.replace(/^#/u, ""), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
};

const numberFormats: Record<ColumnKind, sheets_v4.Schema$NumberFormat> = {
  text: { type: "TEXT", pattern: TAB_STYLE.numberFormats.text },
  number: { type: "NUMBER", pattern: TAB_STYLE.numberFormats.number },
};

/**
 * A new tab's look: the header as core styles it, and under it each run of columns of one kind in
 * its number format, down to the sheet's last row (an unbounded range).
 */
function formatRequests(tab: TrackerTab, sheetId: number): sheets_v4.Schema$Request[] {
  const { header } = TAB_STYLE;
  const requests: sheets_v4.Schema$Request[] = [
    {
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 0,
          endColumnIndex: tab.header.length,
        },
        cell: {
          userEnteredFormat: {
            backgroundColorStyle: { rgbColor: rgb(header.fill) },
            textFormat: { bold: header.bold, foregroundColorStyle: { rgbColor: rgb(header.font) } },
          },
        },
        fields:
          "userEnteredFormat.backgroundColorStyle,userEnteredFormat.textFormat.bold,userEnteredFormat.textFormat.foregroundColorStyle",
      },
    },
  ];
  const kinds = columnKinds(tab);
  for (let start = 0; start < kinds.length;) {
    let end = start + 1;
    while (end < kinds.length && kinds[end] === kinds[start]) end++;
    requests.push({
      repeatCell: {
        range: { sheetId, startRowIndex: 1, startColumnIndex: start, endColumnIndex: end },
        cell: { userEnteredFormat: { numberFormat: numberFormats[kinds[start]!] } },
        fields: "userEnteredFormat.numberFormat",
      },
    });
    start = end;
  }
  return requests;
}

export function planPush(
  tabs: readonly TrackerTab[],
  existing: readonly ExistingSheet[],
  maxBytes = MAX_BODY_BYTES,
  /** The spreadsheet's sheet ids: a new tab's must be another. */
  takenIds: readonly number[] = [],
): PushPlan {
  const byTitle = new Map(existing.map((s) => [s.title, s]));
  const planned = tabs.map((tab) => {
    const sheet = byTitle.get(tab.name);
    return { tab, plan: { ...planTabUpsert(tab, sheet?.values ?? []), create: !sheet } };
  });
  const writes = writeBodies(
    planned.flatMap(({ tab, plan }) => plan.writes.map((block) => ({ title: tab.name, block }))),
    maxBytes,
  );
  const created = planned.filter((p) => p.plan.create);
  const firstId = Math.max(-1, ...takenIds) + 1;
  return {
    tabs: planned.map((p) => p.plan),
    addSheets: created.map((p, i) => addSheetRequest(p.tab, firstId + i)),
    formats: created.flatMap((p, i) => formatRequests(p.tab, firstId + i)),
    writes,
    bytes: writes.reduce((sum, w) => sum + w.bytes, 0),
  };
}
