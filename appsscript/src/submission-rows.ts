// The "_submissions" sheet: one row per stored submission, append-only. Columns A–J are the index
// a post reads (receivedAt, submissionId, planId, unit, period, revision, payloadHash, log rows,
// chunk count, the signed submittedAt); the payload follows from column K, cut into chunks under
// Sheets' 50,000-character cell limit (a 1 MB body is at most 23 chunks). Layout v1 (the first
// release) had no submittedAt and the payload from J: submissions-upgrade.ts migrates it.
import type { ReceivedSubmission } from "../../src/core/tracker/consolidate.js";
import { Submission } from "../../src/core/check/submission-schema.js";
import type { TabCellValue } from "../../src/core/tracker/tracker-tab-layout.js";
import { cellText } from "./sheets.js";

export const SUBMISSION_COLUMNS = [
  "receivedAt",
  "submissionId",
  "planId",
  "unit",
  "period",
  "revision",
  "payloadHash",
  "logRows",
  "chunks",
  "submittedAt",
] as const;
export const INDEX_WIDTH = SUBMISSION_COLUMNS.length;
export const CHUNK_CHARS = 45_000;

// Counts stay numbers; every other column is plain text ("@"), so that a unit code such as
// "Dec-12" or a period "2025" is stored as written, not parsed into a date or a number.
const NUMERIC_COLUMNS = new Set<string>(["revision", "logRows", "chunks"]);

/** 1-based columns of a stored row `width` wide that are plain text: the index's text and every chunk. */
export function submissionTextColumns(width: number): Set<number> {
  const out = new Set<number>();
  for (let col = 1; col <= Math.max(width, INDEX_WIDTH); col++)
    if (col > INDEX_WIDTH || !NUMERIC_COLUMNS.has(SUBMISSION_COLUMNS[col - 1]!)) out.add(col);
  return out;
}

export interface IndexRow {
  receivedAt: string;
  submissionId: string;
  planId: string;
  unit: string;
  period: string;
  revision: number;
  payloadHash: string;
  /** How many rows this submission has in the "Nhật ký nộp" log, where they sit together. */
  logRows: number;
  chunks: number;
  /** As the unit signed it: which of its reports counts follows from it (core's current-report rule). */
  submittedAt: string;
}

/** Cuts at UTF-16 boundaries that do not split a surrogate pair, so every chunk is valid text. */
export function splitPayload(payload: string, size = CHUNK_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < payload.length;) {
    let end = Math.min(i + size, payload.length);
    const last = payload.charCodeAt(end - 1);
    if (end < payload.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(payload.slice(i, end));
    i = end;
  }
  return parts;
}

export function encodeRow(row: IndexRow, payload: string): TabCellValue[] {
  const chunks = splitPayload(payload);
  return [
    row.receivedAt,
    row.submissionId,
    row.planId,
    row.unit,
    row.period,
    row.revision,
    row.payloadHash,
    row.logRows,
    chunks.length,
    row.submittedAt,
    ...chunks,
  ];
}

export function decodeIndex(cells: readonly unknown[]): IndexRow {
  return {
    receivedAt: cellText(cells[0]),
    submissionId: cellText(cells[1]),
    planId: cellText(cells[2]),
    unit: cellText(cells[3]),
    period: cellText(cells[4]),
    revision: Number(cells[5]),
    payloadHash: cellText(cells[6]),
    logRows: Number(cells[7]) || 0,
    chunks: Number(cells[8]) || 0,
    submittedAt: cellText(cells[9]),
  };
}

export function payloadOf(cells: readonly unknown[], index: IndexRow): string {
  return cells
    .slice(INDEX_WIDTH, INDEX_WIDTH + index.chunks)
    .map(cellText)
    .join("");
}

export type DecodedRow =
  | { ok: true; index: IndexRow; payload: string; received: ReceivedSubmission }
  | { ok: false; index: IndexRow; payload: string; reason: string };

/** A stored row back into what consolidation takes; a row that no longer parses says why. */
export function decodeRow(cells: readonly unknown[]): DecodedRow {
  const index = decodeIndex(cells);
  const payload = payloadOf(cells, index);
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, index, payload, reason: "nội dung không phải JSON / payload is not JSON" };
  }
  const parsed = Submission.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      index,
      payload,
      reason: `nội dung không hợp lệ / invalid payload: ${first ? `${first.path.join(".")}: ${first.message}` : ""}`,
    };
  }
  return {
    ok: true,
    index,
    payload,
    received: { submission: parsed.data, revision: index.revision, receivedAt: index.receivedAt },
  };
}
