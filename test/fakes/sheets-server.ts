// A loopback Google Sheets API (v4) for the real googleapis client: a spreadsheet in memory, an OAuth
// token endpoint for a test service account, request counts and bodies, and failures on demand.
import { generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CellFormats, type CellFormat } from "./sheets-formats.js";

/** The Sheets API's recommended ceiling: a body over it is refused, so a client must chunk. */
export const FAKE_MAX_BODY_BYTES = 2_000_000;
const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
const GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

export type Endpoint =
  "token" | "get" | "batchUpdate" | "values.get" | "values.batchGet" | "values.batchUpdate";

export interface RecordedRequest {
  endpoint: Endpoint;
  status: number;
  /** Bytes of the request body as received. */
  bytes: number;
  body?: unknown;
  valueInputOption?: string;
  authorized: boolean;
}

export interface StoredCell {
  value: string | number | boolean;
  /** Set only when a USER_ENTERED write turned text into a formula. */
  formula?: string;
}

interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  cells: (StoredCell | undefined)[][];
}

type Json = Record<string, unknown>;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new ApiError(400, "INVALID_ARGUMENT", message);

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

interface ParsedRange {
  title: string;
  /** 0-based first row and column; the last ones when the range gives them. */
  r0: number;
  c0: number;
  r1?: number;
  c1?: number;
}

/** A1 notation as the API takes it: 'Quoted title'!A1:B2, Title!A1, or a title alone. */
export function parseA1(range: string): ParsedRange {
  let title: string;
  let rest: string;
  if (range.startsWith("'")) {
    let i = 1;
    title = "";
    for (;;) {
      if (i >= range.length) throw badRequest(`Unable to parse range: ${range}`);
      if (range[i] === "'") {
        if (range[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        break;
      }
      title += range[i++];
    }
    rest = range.slice(i + 1);
  } else {
    const bang = range.indexOf("!");
    title = bang < 0 ? range : range.slice(0, bang);
    rest = bang < 0 ? "" : range.slice(bang);
  }
  if (rest === "") return { title, r0: 0, c0: 0 };
  const m = /^!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/iu.exec(rest);
  if (!m) throw badRequest(`Unable to parse range: ${range}`);
  const cell = (letters: string, digits: string) => ({
    c: columnNumber(letters) - 1,
    r: Number(digits) - 1,
  });
  const start = cell(m[1]!, m[2]!);
  const end = m[3] && m[4] ? cell(m[3], m[4]) : undefined;
  return { title, r0: start.r, c0: start.c, r1: end?.r, c1: end?.c };
}

const quoted = (title: string) => `'${title.replaceAll("'", "''")}'`;

export interface FakeSheets {
  url: string;
  spreadsheetId: string;
  requests: RecordedRequest[];
  /** Requests to one endpoint, or to the Sheets API as a whole (the token endpoint left out). */
  count(endpoint?: Endpoint): number;
  /**
   * The next `count` Sheets API requests (to `endpoint`, or any) are answered `status`, with
   * Retry-After when given, and change nothing.
   */
  failNext(status: number, count?: number, retryAfterSeconds?: number, endpoint?: Endpoint): void;
  /** The next request (to `endpoint`, or any) is carried out, then answered `status`, as a 5xx can be. */
  failAfterApplying(status: number, endpoint?: Endpoint): void;
  /** A service-account key for this server: its token_uri is the loopback token endpoint. */
  writeServiceAccountKey(dir: string): string;
  clientEmail: string;
  addTab(title: string, rows?: (string | number | boolean | null)[][]): void;
  titles(): string[];
  /** The tab's cells as stored, blank cells undefined. */
  cells(title: string): (StoredCell | undefined)[][];
  /** The tab's values as UNFORMATTED_VALUE reads them. */
  values(title: string): (string | number | boolean)[][];
  frozenRows(title: string): number;
  /** The format of a cell (1-based row and column) as repeatCell requests left it. */
  cellFormat(title: string, row: number, col: number): CellFormat;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Json = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

function userEntered(v: string | number | boolean): StoredCell {
  if (typeof v !== "string") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith("=")) return { value: "#N/A", formula: v };
  if (/^\s*-?\d+(\.\d+)?\s*$/u.test(v)) return { value: Number(v) };
  if (/^(true|false)$/iu.test(v)) return { value: v.toLowerCase() === "true" };
  return { value: v };
}

export async function startFakeSheets(
  options: { spreadsheetId?: string; tabs?: string[] } = {},
): Promise<FakeSheets> {
  const spreadsheetId = options.spreadsheetId ?? "1FakeSpreadsheet_chitieu-test";
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const clientEmail = "chitieu-push@chitieu-test.iam.gserviceaccount.com";
  const tokens = new Set<string>();
  const requests: RecordedRequest[] = [];
  const failures: { status: number; retryAfter?: number; applied: boolean; endpoint?: Endpoint }[] =
    [];
  const sheets: FakeSheet[] = [];
  let nextSheetId = 0;

  const sheetNamed = (title: string) => sheets.find((s) => s.title === title);
  const formats = new CellFormats();
  const gridOf = (sheetId: number) => sheets.find((s) => s.sheetId === sheetId);
  const addSheet = (
    title: string,
    grid?: { rowCount?: number; columnCount?: number; frozenRowCount?: number },
    sheetId?: number,
  ) => {
    if (sheets.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
      throw badRequest(
        `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    }
    // An id the client chose is kept; the fake's own ids stay clear of it.
    if (sheetId !== undefined) nextSheetId = Math.max(nextSheetId, sheetId + 1);
    const sheet: FakeSheet = {
      sheetId: sheetId ?? nextSheetId++,
      title,
      rowCount: grid?.rowCount ?? 1000,
      columnCount: grid?.columnCount ?? 26,
      frozenRowCount: grid?.frozenRowCount ?? 0,
      cells: [],
    };
    sheets.push(sheet);
    return sheet;
  };
  for (const title of options.tabs ?? ["Sheet1"]) addSheet(title);

  const properties = (s: FakeSheet) => ({
    sheetId: s.sheetId,
    title: s.title,
    index: sheets.indexOf(s),
    sheetType: "GRID",
    gridProperties: {
      rowCount: s.rowCount,
      columnCount: s.columnCount,
      ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
    },
  });

  const resolveRange = (range: string) => {
    const parsed = parseA1(range);
    const sheet = sheetNamed(parsed.title);
    if (!sheet) throw badRequest(`Unable to parse range: ${range}`);
    return { sheet, ...parsed };
  };

  const rendered = (cell: StoredCell | undefined, option: string): string | number | boolean => {
    if (!cell) return "";
    if (option === "FORMULA" && cell.formula) return cell.formula;
    if (option === "FORMATTED_VALUE") {
      return typeof cell.value === "boolean"
        ? String(cell.value).toUpperCase()
        : String(cell.value);
    }
    return cell.value;
  };

  const readRange = (range: string, option: string) => {
    const { sheet, r0, c0, r1, c1 } = resolveRange(range);
    const lastRow = Math.min(r1 ?? Infinity, sheet.cells.length - 1);
    const rows: (string | number | boolean)[][] = [];
    for (let r = r0; r <= lastRow; r++) {
      const source = sheet.cells[r] ?? [];
      const lastCol = Math.min(c1 ?? Infinity, source.length - 1);
      const row: (string | number | boolean)[] = [];
      for (let c = c0; c <= lastCol; c++) row.push(rendered(source[c], option));
      while (row.length && row.at(-1) === "") row.pop();
      rows.push(row);
    }
    while (rows.length && rows.at(-1)!.length === 0) rows.pop();
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const a1 = rows.length
      ? `${quoted(sheet.title)}!${columnLetters(c0 + 1)}${r0 + 1}:${columnLetters(c0 + Math.max(1, width))}${r0 + rows.length}`
      : quoted(sheet.title);
    return { range: a1, majorDimension: "ROWS", ...(rows.length ? { values: rows } : {}) };
  };

  const writeRange = (vr: Json, inputOption: string) => {
    const { sheet, r0, c0, r1, c1 } = resolveRange(String(vr.range));
    const values = (vr.values ?? []) as (string | number | boolean | null)[][];
    if (r1 !== undefined && values.length > r1 - r0 + 1) {
      throw badRequest(
        `Requested writing within range [${String(vr.range)}], but tried writing to row [${r0 + values.length}]`,
      );
    }
    let cellsWritten = 0;
    let widest = 0;
    values.forEach((row, i) => {
      if (c1 !== undefined && row.length > c1 - c0 + 1) {
        throw badRequest(
          `Requested writing within range [${String(vr.range)}], but tried writing to column [${columnLetters(c0 + row.length)}]`,
        );
      }
      widest = Math.max(widest, row.length);
      const target = (sheet.cells[r0 + i] ??= []);
      row.forEach((v, j) => {
        // The API skips null and clears on "": a writer must send "" to empty a cell.
        if (v === null) return;
        cellsWritten++;
        target[c0 + j] =
          v === "" ? undefined : inputOption === "RAW" ? { value: v } : userEntered(v);
      });
    });
    // The values API grows the grid to fit what is written.
    sheet.rowCount = Math.max(sheet.rowCount, r0 + values.length);
    sheet.columnCount = Math.max(sheet.columnCount, c0 + widest);
    return { sheet, rows: values.length, columns: widest, cells: cellsWritten };
  };

  const routes: Record<
    Exclude<Endpoint, "token">,
    (ctx: { path: string; query: URLSearchParams; body: Json }) => unknown
  > = {
    get: () => ({
      spreadsheetId,
      properties: { title: "chitieu (fake)", locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
      sheets: sheets.map((s) => ({ properties: properties(s) })),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
    }),
    batchUpdate: ({ body }) => {
      const list = (body.requests ?? []) as Json[];
      // All or nothing, as the API applies a batch: requests run in order (a repeatCell may name a
      // sheet an addSheet before it made), and a refusal undoes the ones before it.
      const before = { sheets: sheets.length, formats: formats.size, nextSheetId };
      try {
        const replies = list.map((r, i) => {
          const [kind, ...more] = Object.keys(r);
          if (kind === "repeatCell" && more.length === 0) {
            formats.repeatCell(
              r.repeatCell,
              `Invalid requests[${i}].repeatCell`,
              gridOf,
              badRequest,
            );
            return {};
          }
          const add = r.addSheet as { properties?: Json } | undefined;
          if (!add || more.length !== 0)
            throw badRequest(`requests[${i}]: only addSheet and repeatCell are faked`);
          const p = add.properties ?? {};
          const title = p.title;
          if (typeof title !== "string" || !title)
            throw badRequest(`requests[${i}].addSheet: title required`);
          if (sheets.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
            throw badRequest(
              `Invalid requests[${i}].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
            );
          }
          const id = p.sheetId;
          if (id !== undefined && (!Number.isInteger(id) || (id as number) < 0))
            throw badRequest(
              `Invalid requests[${i}].addSheet: sheetId must be a non-negative integer`,
            );
          if (id !== undefined && sheets.some((s) => s.sheetId === id))
            throw badRequest(
              `Invalid requests[${i}].addSheet: Sheet with id ${String(id)} already exists.`,
            );
          const sheet = addSheet(
            title,
            p.gridProperties as Json | undefined,
            id as number | undefined,
          );
          return { addSheet: { properties: properties(sheet) } };
        });
        return { spreadsheetId, replies };
      } catch (err) {
        sheets.length = before.sheets;
        formats.truncate(before.formats);
        nextSheetId = before.nextSheetId;
        throw err;
      }
    },
    "values.get": ({ path, query }) =>
      readRange(decodeURIComponent(path), query.get("valueRenderOption") ?? "FORMATTED_VALUE"),
    "values.batchGet": ({ query }) => ({
      spreadsheetId,
      valueRanges: query
        .getAll("ranges")
        .map((r) => readRange(r, query.get("valueRenderOption") ?? "FORMATTED_VALUE")),
    }),
    "values.batchUpdate": ({ body }) => {
      const option = body.valueInputOption;
      if (option !== "RAW" && option !== "USER_ENTERED")
        throw badRequest("Invalid valueInputOption");
      const done = ((body.data ?? []) as Json[]).map((vr) => writeRange(vr, option));
      return {
        spreadsheetId,
        totalUpdatedRows: done.reduce((n, d) => n + d.rows, 0),
        totalUpdatedColumns: Math.max(0, ...done.map((d) => d.columns)),
        totalUpdatedCells: done.reduce((n, d) => n + d.cells, 0),
        totalUpdatedSheets: new Set(done.map((d) => d.sheet.title)).size,
        responses: done.map((d) => ({ spreadsheetId, updatedRows: d.rows, updatedCells: d.cells })),
      };
    },
  };

  function route(
    method: string,
    pathname: string,
  ): { endpoint: Endpoint; path: string } | undefined {
    if (method === "POST" && pathname === "/token") return { endpoint: "token", path: "" };
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/u.exec(pathname);
    if (!m) return undefined;
    if (decodeURIComponent(m[1]!) !== spreadsheetId) {
      throw new ApiError(404, "NOT_FOUND", "Requested entity was not found.");
    }
    const rest = m[2]!;
    if (method === "GET" && rest === "") return { endpoint: "get", path: "" };
    if (method === "POST" && rest === ":batchUpdate") return { endpoint: "batchUpdate", path: "" };
    if (method === "GET" && rest === "/values:batchGet")
      return { endpoint: "values.batchGet", path: "" };
    if (method === "POST" && rest === "/values:batchUpdate") {
      return { endpoint: "values.batchUpdate", path: "" };
    }
    if (method === "GET" && rest.startsWith("/values/")) {
      return { endpoint: "values.get", path: rest.slice("/values/".length) };
    }
    return undefined;
  }

  function issueToken(form: URLSearchParams): Json {
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      throw new ApiError(400, "invalid_grant", "unsupported grant_type");
    }
    const [header, payload, signature] = (form.get("assertion") ?? "").split(".");
    if (!header || !payload || !signature)
      throw new ApiError(400, "invalid_grant", "malformed assertion");
    const signed = verify(
      "RSA-SHA256",
      Buffer.from(`${header}.${payload}`),
      publicKey as KeyObject,
      Buffer.from(signature, "base64url"),
    );
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Json;
    if (
      !signed ||
      claims.iss !== clientEmail ||
      claims.aud !== GOOGLE_TOKEN_AUDIENCE ||
      !String(claims.scope ?? "")
        .split(" ")
        .includes(SHEETS_SCOPE) ||
      Number(claims.exp) * 1000 < Date.now()
    ) {
      throw new ApiError(400, "invalid_grant", "Invalid JWT Signature.");
    }
    const token = `fake-${randomBytes(16).toString("hex")}`;
    tokens.add(token);
    return { access_token: token, expires_in: 3600, token_type: "Bearer" };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const authorized = tokens.has((req.headers.authorization ?? "").replace(/^Bearer /u, ""));
    let found: ReturnType<typeof route>;
    try {
      found = route(req.method ?? "GET", url.pathname);
    } catch (err) {
      const e = err as ApiError;
      send(res, e.code, { error: { code: e.code, message: e.message, status: e.status } });
      return;
    }
    if (!found) {
      send(res, 404, {
        error: {
          code: 404,
          message: `no route ${req.method} ${url.pathname}`,
          status: "NOT_FOUND",
        },
      });
      return;
    }
    const record: RecordedRequest = {
      endpoint: found.endpoint,
      status: 200,
      bytes: raw.length,
      authorized,
    };
    requests.push(record);
    const answer = (status: number, body: unknown, headers: Json = {}) => {
      record.status = status;
      send(res, status, body, headers);
    };
    const fail = (e: ApiError, headers: Json = {}) =>
      answer(e.code, { error: { code: e.code, message: e.message, status: e.status } }, headers);

    try {
      if (found.endpoint === "token") {
        answer(200, issueToken(new URLSearchParams(raw.toString("utf8"))));
        return;
      }
      if (!authorized) {
        throw new ApiError(
          401,
          "UNAUTHENTICATED",
          "Request had invalid authentication credentials.",
        );
      }
      const endpoint = found.endpoint;
      const at = failures.findIndex((f) => !f.endpoint || f.endpoint === endpoint);
      const failure = at < 0 ? undefined : failures.splice(at, 1)[0];
      if (failure && !failure.applied) {
        fail(
          new ApiError(
            failure.status,
            failure.status === 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL",
            "Injected failure",
          ),
          failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) },
        );
        return;
      }
      if (raw.length > FAKE_MAX_BODY_BYTES) {
        throw new ApiError(
          413,
          "FAILED_PRECONDITION",
          `Request payload size exceeds the limit: ${FAKE_MAX_BODY_BYTES} bytes.`,
        );
      }
      const body = raw.length ? (JSON.parse(raw.toString("utf8")) as Json) : {};
      record.body = body;
      if (typeof body.valueInputOption === "string")
        record.valueInputOption = body.valueInputOption;
      const result = routes[found.endpoint]({ path: found.path, query: url.searchParams, body });
      if (failure) {
        fail(new ApiError(failure.status, "INTERNAL", "Injected failure after applying"));
        return;
      }
      answer(200, result);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      fail(err);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const fake: FakeSheets = {
    url,
    spreadsheetId,
    requests,
    clientEmail,
    count: (endpoint) =>
      requests.filter((r) => (endpoint ? r.endpoint === endpoint : r.endpoint !== "token")).length,
    failNext: (status, count = 1, retryAfter, endpoint) => {
      for (let i = 0; i < count; i++)
        failures.push({ status, retryAfter, applied: false, endpoint });
    },
    failAfterApplying: (status, endpoint) => failures.push({ status, applied: true, endpoint }),
    writeServiceAccountKey: (dir) => {
      const file = join(dir, "service-account.json");
      const key = {
        type: "service_account",
        project_id: "chitieu-test",
        private_key_id: randomBytes(20).toString("hex"),
        private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        client_email: clientEmail,
        client_id: "100000000000000000000",
        auth_uri: "https://accounts.google.com/o/oauth2/auth",
        token_uri: `${url}/token`,
        universe_domain: "googleapis.com",
      };
      writeFileSync(file, JSON.stringify(key, null, 2), { mode: 0o600 });
      return file;
    },
    addTab: (title, rows = []) => {
      const sheet = addSheet(title, { frozenRowCount: rows.length ? 1 : 0 });
      rows.forEach((row, r) => {
        sheet.cells[r] = row.map((v) => (v === null || v === "" ? undefined : { value: v }));
      });
    },
    titles: () => sheets.map((s) => s.title),
    cells: (title) => sheetNamed(title)?.cells ?? [],
    values: (title) =>
      (readRange(quoted(title), "UNFORMATTED_VALUE").values ?? []) as (
        string | number | boolean
      )[][],
    frozenRows: (title) => sheetNamed(title)?.frozenRowCount ?? 0,
    cellFormat: (title, row, col) => {
      const sheet = sheetNamed(title);
      return sheet ? formats.at(sheet.sheetId, row - 1, col - 1) : {};
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // The client keeps connections alive; close would wait for them otherwise.
        server.closeAllConnections();
      }),
  };
  return fake;
}
