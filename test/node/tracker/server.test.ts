// The self-hosted tracker over HTTP (Fastify inject) on a real SQLite file: protocol, reads, page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildLayout } from "../../../src/core/layout.js";
import { checkSheet } from "../../../src/core/check-sheet.js";
import { sign } from "../../../src/core/signature.js";
import { envelopeFor } from "../../../src/core/submit-client.js";
import { toSubmission } from "../../../src/core/submission-schema.js";
import type { Template } from "../../../src/core/template-schema.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { buildServer } from "../../../src/node/tracker/server.js";
import type { SqliteStore } from "../../../src/node/tracker/store.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";
import { reportingUnit, validReport } from "../../fixtures/reports.js";

const KEY = "c".repeat(64);
const NOW = new Date("2025-12-05T03:00:00Z");
const unit = reportingUnit;
const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-kh-2025") as Template;

let store: SqliteStore;
let app: ReturnType<typeof buildServer>;
beforeEach(() => {
  store = openStore(mkdtempSync(join(tmpdir(), "chitieu-server-")));
  store.importUnits([
    unit,
    { code: "Q-NINHKIEU", name: "UBND quận Ninh Kiều", kind: "district", level: "district" },
  ]);
  store.setKey(unit.code, KEY);
  app = buildServer({ store, clock: () => NOW });
});
afterEach(async () => {
  await app.close();
  store.close();
});

const code = { url: "http://127.0.0.1/api/submit", unit: unit.code, key: KEY };
const submit = (body: string, contentType = "text/plain") =>
  app.inject({
    method: "POST",
    url: "/api/submit",
    payload: body,
    headers: { "content-type": contentType },
  });

describe("chitieu serve", () => {
  it("accepts a valid report as text/plain and answers the receipt as JSON", async () => {
    const r = await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111111"), code).body,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe("*");
    expect(r.json()).toEqual({
      ok: true,
      receipt: {
        submissionId: "11111111-1111-4111-8111-111111111111",
        revision: 1,
        receivedAt: "2025-12-05T10:00:00.000+07:00",
        duplicate: false,
      },
    });
    expect(store.submissionCount()).toBe(1);
  });

  it("takes application/json bodies too, as the exact bytes sent", async () => {
    const r = await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111112"), code).body,
      "application/json",
    );
    expect(r.json().ok).toBe(true);
  });

  it("stores revisions and never deletes", async () => {
    await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111111"), code).body,
    );
    await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111113"), code).body,
    );
    await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111113"), code).body,
    );
    expect(store.history({ unit: "STTTT" }).map((h) => h.revision)).toEqual([1, 2]);
  });

  it("refuses with the status code of the error and leaves the store unchanged", async () => {
    const bodies: [string, number, string][] = [
      ["{oops", 400, "bad-request"],
      [
        JSON.stringify({
          protocol: "chitieu/1",
          unit: "STTTT",
          payload: "{}",
          signature: sign("{}", "d".repeat(64)),
        }),
        401,
        "bad-signature",
      ],
      [
        JSON.stringify({
          protocol: "chitieu/1",
          unit: "Q-NINHKIEU",
          payload: "{}",
          signature: sign("{}", KEY),
        }),
        403,
        "unknown-unit",
      ],
    ];
    for (const [body, status, errorCode] of bodies) {
      const r = await submit(body);
      expect([r.statusCode, r.json().error.code]).toEqual([status, errorCode]);
    }
    const tooBig = await submit("x".repeat(1_100_000));
    expect([tooBig.statusCode, tooBig.json().error.code]).toEqual([413, "payload-too-large"]);
    expect(store.submissionCount()).toBe(0);
  });

  it("refuses a report with errors, with located issues, storing nothing", async () => {
    const report = validReport(template, "11111111-1111-4111-8111-111111111114");
    report.indicators[1]!.value = 140;
    const r = await submit(envelopeFor(report, code).body);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.issues[0]).toMatchObject({
      code: "out-of-range",
      location: { indicatorId: report.indicators[1]!.indicatorId },
    });
    expect(store.submissionCount()).toBe(0);
  });

  it("serves templates, units without keys, status and history", async () => {
    expect((await app.inject("/api/templates")).json()).toHaveLength(5);
    expect((await app.inject("/api/templates/can-tho-2256")).json().plan.documentNumber).toBe(
      "2256/QĐ-UBND",
    );
    const units = (await app.inject("/api/units")).json();
    expect(units[0]).toEqual(unit);
    expect(JSON.stringify(units)).not.toContain(KEY);
    expect((await app.inject("/api/status")).json()).toMatchObject({
      ok: true,
      protocol: "chitieu/1",
      units: 2,
    });
  });

  it("consolidates: JSON and an escaped HTML page with the value and its status", async () => {
    const report = validReport(template, "11111111-1111-4111-8111-111111111115");
    report.indicators[1]!.note = "<script>alert(1)</script>";
    await submit(envelopeFor(report, code).body);
    const json = (await app.inject("/api/consolidated/can-tho-kh-2025/2025")).json();
    const ind = json.indicators.find(
      (i: { id: string }) => i.id === report.indicators[1]!.indicatorId,
    );
    const entry = report.indicators[1]!;
    expect(ind.byUnit.STTTT.value).toBe(
      entry.value ?? (entry.numerator! / entry.denominator!) * 100,
    );
    expect(ind.byUnit.STTTT.provenance.submissionId).toBe(report.submissionId);
    const page = await app.inject("/plans/can-tho-kh-2025/2025");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Đúng hạn");
    expect(page.body).toContain("Chưa nộp");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect((await app.inject("/plans/no-plan/2025")).statusCode).toBe(404);
  });

  it("accepts what a filled layout reads back to (the sheet path end to end)", async () => {
    const layout = buildLayout(template, unit, "2025");
    const report = validReport(template, "11111111-1111-4111-8111-111111111116");
    const grid: unknown[][] = Array.from({ length: layout.rowCount }, () =>
      Array(layout.columnCount).fill(null),
    );
    for (const c of layout.cells) grid[c.row - 1]![c.col - 1] = c.value;
    for (const f of layout.fields) {
      const e = report.indicators.find((x) => x.indicatorId === f.ref.id);
      if (!e || f.ref.kind !== "indicator" || f.ref.field === "note") continue;
      const yesNo = template.indicators.find((i) => i.id === e.indicatorId)?.kind === "yes-no";
      grid[f.row - 1]![f.col - 1] =
        f.ref.field === "value" && yesNo ? "Có" : (e[f.ref.field] ?? null);
    }
    const checked = checkSheet(template, grid as never, { now: NOW });
    expect(checked.issues.filter((i) => i.severity === "error")).toEqual([]);
    const sub = toSubmission(checked.draft!, {
      submissionId: "11111111-1111-4111-8111-111111111117",
      submittedAt: "2025-12-05T10:00:00.000+07:00",
    });
    expect((await submit(envelopeFor(sub, code).body)).json().ok).toBe(true);
  });
});
