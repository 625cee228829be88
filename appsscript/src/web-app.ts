// The web app units post to: chitieu/1 through core's processPost, as `chitieu serve` answers it.
// Apps Script sets no status code, so the JSON answer is the whole answer.
import { isoInVietnam } from "../../src/core/plan/period.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { errorAnswer, PROTOCOL } from "../../src/core/wire/protocol.js";
import { processPost } from "../../src/core/wire/tracker-service.js";
import type { StatusAnswer, TemplatesAnswer, UnitsAnswer } from "../../src/core/wire/read-api.js";
import { ResourceQuery, templateSummary } from "../../src/core/wire/read-api.js";
import { SPREADSHEET_CELL_LIMIT, TrackerFull } from "./capacity.js";
import { readConfig } from "./config.js";
import { officerPage } from "./officer-page.js";
import { LOCK_WAIT_MS } from "./lock.js";
import { activeSpreadsheet, SUBMISSIONS_SHEET, UNITS_SHEET } from "./sheets.js";
import { registryRows, SheetStore, unitFromRow } from "./sheet-store.js";
import { templateById } from "./templates.js";

function json(body: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(
    ContentService.MimeType.JSON,
  );
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const body = typeof e?.postData?.contents === "string" ? e.postData.contents : "";
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    return json(errorAnswer("server-error"));
  }
  let answer: Answer;
  try {
    const now = new Date();
    const store = new SheetStore(activeSpreadsheet(), readConfig());
    answer = processPost(body, store, { date: now, iso: isoInVietnam(now) }).answer;
    // Written before the lock is released, so the next post reads this one's rows.
    SpreadsheetApp.flush();
  } catch (err) {
    // Nothing of the body goes anywhere: it may hold a unit's figures and its signature.
    answer =
      err instanceof TrackerFull
        ? errorAnswer("tracker-full", { cellsUsed: err.used, cellLimit: SPREADSHEET_CELL_LIMIT })
        : errorAnswer("server-error");
  } finally {
    lock.releaseLock();
  }
  return json(answer);
}

/**
 * The reads the Excel add-in needs, on the web app's one URL: `?resource=templates`, `units` or
 * `template&id=…` answer what `/api/templates`, `/api/units` and `/api/templates/:id` answer on
 * `chitieu serve`; `?page=nop` is the officers' page; without either, the status `/api/status` gives.
 */
export function doGet(
  e?: GoogleAppsScript.Events.DoGet,
): GoogleAppsScript.Content.TextOutput | GoogleAppsScript.HTML.HtmlOutput {
  const page = officerPage(e);
  if (page) return page;
  const ss = activeSpreadsheet();
  const config = readConfig();
  const templates = (config?.plans ?? []).flatMap((id) => templateById(id) ?? []);
  const summary: TemplatesAnswer = templates.map(templateSummary);
  const query = ResourceQuery.safeParse(e?.parameter ?? {});
  if (query.success) {
    const { data } = query;
    if (data.resource === "templates") return json(summary);
    if (data.resource === "template")
      return json(
        templates.find((t) => t.id === data.id) ??
          errorAnswer("unknown-template", { planId: data.id }),
      );
    // Names, kinds and levels only: keys live in the script properties, never here.
    const units: UnitsAnswer = registryRows(ss)
      .map(unitFromRow)
      .filter((u) => u !== undefined);
    return json(units);
  }
  const rowsOf = (name: string) => Math.max(0, (ss.getSheetByName(name)?.getLastRow() ?? 1) - 1);
  return json({
    ok: true,
    protocol: PROTOCOL,
    units: rowsOf(UNITS_SHEET),
    submissions: rowsOf(SUBMISSIONS_SHEET),
    templates: summary,
  } satisfies StatusAnswer);
}
