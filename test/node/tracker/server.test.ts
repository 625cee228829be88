// The self-hosted tracker over HTTP (Fastify inject) on a real SQLite file: protocol, reads, page.
import { mkdtempSync } from "node:fs";
import { connect, type AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildLayout } from "../../../src/core/sheet/layout.js";
import { checkSheet } from "../../../src/core/sheet/check-sheet.js";
import { sign } from "../../../src/core/wire/signature.js";
import { envelopeFor } from "../../../src/core/wire/submit-client.js";
import {
  resourceUrl,
  StatusAnswer,
  TemplatesAnswer,
  UnitsAnswer,
} from "../../../src/core/wire/read-api.js";
import { Submission, toSubmission } from "../../../src/core/check/submission-schema.js";
import type { Template } from "../../../src/core/plan/template-schema.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import {
  issueConsolidatorCredential,
  revokeConsolidatorCredential,
} from "../../../src/node/tracker/consolidator-credentials.js";
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
let credential: string;
let dataDir: string;
/** Headers of a consolidator's tool: the credential as a bearer token. */
const asConsolidator = () => ({ authorization: `Bearer ${credential}` });
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "chitieu-server-"));
  store = openStore(dataDir);
  store.importUnits([
    unit,
    { code: "Q-NINHKIEU", name: "UBND quận Ninh Kiều", kind: "district", level: "district" },
  ]);
  store.setKey(unit.code, KEY);
  credential = issueConsolidatorCredential(store, "kiểm thử").credential;
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

  it("answers its reads in the shapes core's read API defines", async () => {
    expect(TemplatesAnswer.safeParse((await app.inject("/api/templates")).json()).success).toBe(
      true,
    );
    expect(UnitsAnswer.safeParse((await app.inject("/api/units")).json()).success).toBe(true);
    expect(StatusAnswer.safeParse((await app.inject("/api/status")).json()).success).toBe(true);
    const read = (url: string) => app.inject(new URL(url).pathname);
    expect((await read(resourceUrl(code, "templates"))).statusCode).toBe(200);
    expect((await read(resourceUrl(code, { template: "can-tho-2256" }))).statusCode).toBe(200);
  });

  it("consolidates: JSON and an escaped HTML page with the value and its status", async () => {
    const report = validReport(template, "11111111-1111-4111-8111-111111111115");
    report.indicators[1]!.note = "<script>alert(1)</script>";
    await submit(envelopeFor(report, code).body);
    const json = (
      await app.inject({ url: "/api/consolidated/can-tho-kh-2025/2025", headers: asConsolidator() })
    ).json();
    const ind = json.indicators.find(
      (i: { id: string }) => i.id === report.indicators[1]!.indicatorId,
    );
    const entry = report.indicators[1]!;
    expect(ind.byUnit.STTTT.value).toBe(
      entry.value ?? (entry.numerator! / entry.denominator!) * 100,
    );
    expect(ind.byUnit.STTTT.provenance.submissionId).toBe(report.submissionId);
    const page = await app.inject({
      url: "/plans/can-tho-kh-2025/2025",
      headers: asConsolidator(),
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Đúng hạn");
    expect(page.body).toContain("Chưa nộp");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(
      (await app.inject({ url: "/plans/no-plan/2025", headers: asConsolidator() })).statusCode,
    ).toBe(404);
  });

  it("shows each indicator over the stored periods to its target year, escaped", async () => {
    const earlier = validReport(template, "11111111-1111-4111-8111-111111111124");
    earlier.period = "2024";
    for (const e of earlier.indicators)
      if (e.numerator !== undefined) {
        e.numerator = e.numerator! / 2;
        e.note = "Đang triển khai <b>theo lộ trình</b>";
      }
    expect((await submit(envelopeFor(earlier, code).body)).statusCode).toBe(200);
    const report = validReport(template, "11111111-1111-4111-8111-111111111125");
    expect((await submit(envelopeFor(report, code).body)).statusCode).toBe(200);
    const body = (
      await app.inject({ url: "/plans/can-tho-kh-2025/2025", headers: asConsolidator() })
    ).body;
    const section = body.slice(body.indexOf("Lộ trình đến mục tiêu"));
    expect(section).toContain("<th>2024</th><th>2025</th>");
    expect(section).toContain("Mốc xuất phát");
    expect(section).toContain("Đạt");
    expect(body).not.toContain("<b>theo lộ trình</b>");
    // The 2024 page follows 2024 alone: a later period never enters an earlier page.
    const before = (
      await app.inject({ url: "/plans/can-tho-kh-2025/2024", headers: asConsolidator() })
    ).body;
    const earlierSection = before.slice(before.indexOf("Lộ trình đến mục tiêu"));
    expect(earlierSection).toContain("<th>2024</th></tr>");
    expect(earlierSection).not.toContain("<th>2025</th>");
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

describe("who may read the tracker", () => {
  const READS = [
    "/api/submissions",
    "/api/submissions?unit=STTTT",
    "/api/consolidated/can-tho-kh-2025/2025",
    "/plans/can-tho-kh-2025/2025",
  ];

  async function withOneReport() {
    const report = validReport(template, "11111111-1111-4111-8111-111111111118");
    report.indicators[1]!.note = "ghi chú mật của đơn vị";
    expect((await submit(envelopeFor(report, code).body)).statusCode).toBe(200);
    return report;
  }

  it.each(READS)(
    "refuses %s without a consolidator credential, showing nothing of it",
    async (url) => {
      const report = await withOneReport();
      for (const headers of [
        {},
        { authorization: "Bearer chitieu-c1.0000000000000000.00" },
        {
          authorization: `Bearer ${credential.slice(0, -1)}${credential.endsWith("0") ? "1" : "0"}`,
        },
        { authorization: credential },
        { cookie: "chitieu_session=khong-phai-ma" },
      ]) {
        const r = await app.inject({ url, headers });
        expect(r.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(r.body).not.toContain(report.submissionId);
        expect(r.body).not.toContain("ghi chú mật");
        expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      }
      const allowed = await app.inject({ url, headers: asConsolidator() });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers["cache-control"]).toBe("private, no-store");
      expect(allowed.body).toContain(report.submissionId);
    },
  );

  it("stops a credential the moment it is revoked", async () => {
    const { id } = issueConsolidatorCredential(store, "thứ hai");
    const other = issueConsolidatorCredential(store, "thứ ba");
    expect(revokeConsolidatorCredential(store, id)).toBe(true);
    const headers = { authorization: `Bearer ${other.credential}` };
    expect((await app.inject({ url: READS[0]!, headers })).statusCode).toBe(200);
    expect(revokeConsolidatorCredential(store, other.id)).toBe(true);
    expect((await app.inject({ url: READS[0]!, headers })).statusCode).toBe(401);
    expect((await app.inject({ url: READS[0]!, headers: asConsolidator() })).statusCode).toBe(200);
  });

  it("keeps only a hash of each credential", () => {
    const secret = credential.split(".").at(-1)!;
    const rows = store.db.prepare("SELECT * FROM consolidator_credentials").all();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows).toHaveLength(1);
  });

  it("signs a consolidator in through a form: an HttpOnly, SameSite cookie, then the page", async () => {
    await withOneReport();
    const page = "/plans/can-tho-kh-2025/2025";
    const asked = await app.inject(page);
    expect(asked.statusCode).toBe(401);
    expect(asked.headers["content-type"]).toContain("text/html");
    expect(asked.body).toContain('<form method="post" action="/login"');
    expect(asked.body).toContain(`name="next" value="${page}"`);

    const form = (secret: string, next = page) =>
      app.inject({
        method: "POST",
        url: "/login",
        payload: new URLSearchParams({ credential: secret, next }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const wrong = await form("chitieu-c1.sai");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["set-cookie"]).toBeUndefined();

    const signedIn = await form(credential);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe(page);
    const cookie = String(signedIn.headers["set-cookie"]);
    expect(cookie).toMatch(/^chitieu_session=[^;]+;/u);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    const session = cookie.split(";")[0]!;
    const shown = await app.inject({ url: page, headers: { cookie: session } });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("Đúng hạn");

    // Only a path on this tracker is a place to go next.
    expect((await form(credential, "https://evil.example/")).headers.location).toBe("/");
    expect((await form(credential, "//evil.example/")).headers.location).toBe("/");

    const out = await app.inject({ method: "POST", url: "/logout", headers: { cookie: session } });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers["set-cookie"])).toMatch(/^chitieu_session=;.*Max-Age=0/u);
  });

  it("answers CORS only on what the add-in reads and posts", async () => {
    const open = ["/api/templates", "/api/templates/can-tho-kh-2025", "/api/units"];
    for (const url of open)
      expect((await app.inject(url)).headers["access-control-allow-origin"], url).toBe("*");
    const posted = await submit(
      envelopeFor(validReport(template, "11111111-1111-4111-8111-111111111119"), code).body,
    );
    expect(posted.headers["access-control-allow-origin"]).toBe("*");
    expect((await submit("{oops")).headers["access-control-allow-origin"]).toBe("*");
    for (const url of [...READS, "/api/status", "/"]) {
      const r = await app.inject({ url, headers: asConsolidator() });
      expect(r.headers["access-control-allow-origin"], url).toBeUndefined();
    }
  });
});

describe("requests the tracker will not hold", () => {
  it("answers 400 to a query naming a filter twice", async () => {
    for (const url of [
      "/api/submissions?unit=STTTT&unit=Q-NINHKIEU",
      "/api/submissions?plan=a&plan=b",
      "/api/submissions?period=2025&period=2024",
    ]) {
      const r = await app.inject({ url, headers: asConsolidator() });
      expect(r.statusCode, url).toBe(400);
      expect(r.json()).toMatchObject({ ok: false, error: { code: "bad-request" } });
    }
  });

  /** A client that sends a byte now and then and never finishes: what the server does with it. */
  async function slowSender(start: string, trickle: string) {
    const slow = buildServer({
      store,
      clock: () => NOW,
      timeouts: { headersMs: 300, requestMs: 600, idleMs: 5_000, checkEveryMs: 50 },
    });
    await slow.listen({ port: 0, host: "127.0.0.1" });
    const { port } = slow.server.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => (answer += d));
    const closed = new Promise<boolean>((resolve) => socket.once("close", () => resolve(true)));
    socket.write(start);
    // At most 10 s of trickling (200 × 50 ms): a server that never lets go fails the test.
    let sent = 0;
    const trickling = (async () => {
      while (!socket.destroyed && sent < 200) {
        await new Promise((r) => setTimeout(r, 50));
        if (!socket.destroyed) socket.write(trickle);
        sent++;
      }
      return false;
    })();
    const closedByServer = await Promise.race([closed, trickling]);
    socket.destroy();
    await slow.close();
    return { closedByServer, answer };
  }

  it("lets go of a client that trickles its headers", async () => {
    const r = await slowSender("POST /api/submit HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n");
    expect(r.closedByServer).toBe(true);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408/u);
  });

  it("lets go of a client that trickles its body", async () => {
    const r = await slowSender(
      "POST /api/submit HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n",
      "x",
    );
    expect(r.closedByServer).toBe(true);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408/u);
    expect(store.submissionCount()).toBe(0);
  });
});

describe("page loads and submissions", () => {
  let ms = 0;
  let paced: ReturnType<typeof buildServer>;
  beforeEach(() => {
    ms = 0;
    paced = buildServer({ store, clock: () => NOW, cacheTiming: { tick: () => ms } });
  });
  afterEach(() => paced.close());
  const page = () =>
    paced.inject({ url: "/plans/can-tho-kh-2025/2025", headers: asConsolidator() });
  const json = async () =>
    (
      await paced.inject({
        url: "/api/consolidated/can-tho-kh-2025/2025",
        headers: asConsolidator(),
      })
    ).json() as { units: { code: string; revisions: number }[] };
  const idOf = (n: number) => `11111111-1111-4111-8111-00000000010${n}`;
  const report = (n: number) => envelopeFor(validReport(template, idOf(n)), code).body;
  const post = (body: string) =>
    paced.inject({
      method: "POST",
      url: "/api/submit",
      payload: body,
      headers: { "content-type": "text/plain" },
    });

  it("reads each stored report once, however often the page loads", async () => {
    for (const n of [1, 2, 3]) expect((await post(report(n))).statusCode).toBe(200);
    const fourth = report(4);
    const parses = vi.spyOn(Submission, "parse");
    try {
      for (let i = 0; i < 5; i++) expect((await page()).statusCode).toBe(200);
      expect((await json()).units[0]!.revisions).toBe(3);
      expect(parses).toHaveBeenCalledTimes(3);
      await post(fourth);
      ms += 1_000;
      expect((await page()).body).toContain(idOf(4));
      await page();
      expect(parses).toHaveBeenCalledTimes(4);
    } finally {
      parses.mockRestore();
    }
  });

  it("while units keep submitting, makes the page at most once a second; JSON sees every commit", async () => {
    await post(report(1));
    expect((await page()).body).toContain(idOf(1));
    await post(report(2));
    ms += 999;
    // Within the second: the page made before the commit, which says when it was made.
    expect((await page()).body).not.toContain(idOf(2));
    expect((await json()).units[0]!.revisions).toBe(2);
    ms += 1;
    expect((await page()).body).toContain(idOf(2));
  });

  it("sends the page compressed to a browser that takes gzip, the same page", async () => {
    await post(report(6));
    const plain = await page();
    const zipped = await paced.inject({
      url: "/plans/can-tho-kh-2025/2025",
      headers: { ...asConsolidator(), "accept-encoding": "gzip, deflate, br" },
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("Accept-Encoding");
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(plain.body);
  });

  it("sees what another process wrote to the data folder", async () => {
    await post(report(5));
    expect((await page()).body).not.toContain("Sở Y tế thử");
    // `chitieu units import` while the tracker runs: another connection to the same database.
    const other = openStore(dataDir);
    try {
      other.importUnits([
        { code: "SYT", name: "Sở Y tế thử", kind: "department", level: "province" },
      ]);
    } finally {
      other.close();
    }
    ms += 1_000;
    expect((await page()).body).toContain("Sở Y tế thử");
    expect((await json()).units.map((u) => u.code)).toContain("SYT");
  });
});
