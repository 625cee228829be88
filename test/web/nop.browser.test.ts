// The officer's page in headless Chromium, on a real `chitieu serve` (its own process) and on a
// loopback stand-in of the Apps Script web app: a LibreOffice-saved report with planted errors, each
// error at its cell, the corrected file submitted and stored, bad files refused, and the page at
// work offline with the submission queued until the network returns.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import type { Issue } from "../../src/core/check/issues.js";
import { formatIssue } from "../../src/core/check/issues.js";
import { a1, headerCells } from "../../src/core/sheet/layout-types.js";
import type { CommandIO } from "../../src/node/io.js";
import { loadUnits } from "../../src/node/lookup.js";
import { runCli } from "../../src/node/program.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { buildWeb } from "../../scripts/build-web.mjs";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import type { FakeHtmlOutput } from "../fakes/apps-script/ui.js";
import { storedCount, trackerWorld } from "../fakes/apps-script/tracker.js";
import { launchChromium, resultFile } from "../fixtures/chromium.js";
import { CHROMIUM, hostTool, PDFTOTEXT, SOFFICE } from "../fixtures/host-tools.js";
import type { ReportMaker } from "../fixtures/report-files.js";
import { libreOffice, reportMaker, withFarCell, withPassword } from "../fixtures/report-files.js";
import { prepareTracker, startTracker, type TrackerProcess } from "../fixtures/tracker-process.js";
import { builtPage } from "../fixtures/web-build.js";
import { SUITE_KEY, SUITE_PERIOD, SUITE_PLAN, SUITE_UNITS } from "../protocol/chitieu1.suite.js";

const templates = loadSeedTemplates().templates;
const units = loadUnits();
const template = (id: string) => templates.find((t) => t.id === id)!;
const unit = (code: string) => units.find((u) => u.code === code)!;
const KEY = "4b".repeat(32);
// Each tool asked for on its own, so that CI names every one that is missing.
const hasChromium = hostTool("Chromium", CHROMIUM);
const hasSoffice = hostTool("LibreOffice (soffice)", SOFFICE);
const hasPdftotext = hostTool("pdftotext (poppler-utils)", PDFTOTEXT);
const runnable = hasChromium && hasSoffice && hasPdftotext;

async function validate(file: string): Promise<Issue[]> {
  const out: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: () => undefined };
  await runCli(["validate", file, "--json"], io);
  return (JSON.parse(out.join("\n")) as { issues: Issue[] }).issues;
}

let browser: Browser;
beforeAll(async () => {
  if (runnable) browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const message = (page: Page) => page.locator("#message").innerText();

/** Chooses a file as the officer would, and waits until the page has checked it. */
async function choose(page: Page, file: string | { name: string; buffer: Buffer }) {
  const files =
    typeof file === "string"
      ? file
      : { name: file.name, mimeType: "application/octet-stream", buffer: file.buffer };
  await page.setInputFiles("#file", files);
  await page.waitForFunction(() => !document.querySelector(".progress"), null, {
    timeout: 60_000,
  });
  return message(page);
}

/** The issue list as the page shows it, against `chitieu validate`'s for the same file. */
async function expectSameIssues(page: Page, file: string) {
  const expected = await validate(file);
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => page.locator("#issues li").count()).toBe(expected.length);
  const shown = await page.locator("#issues li").evaluateAll((items) =>
    items.map((li) => ({
      code: li.getAttribute("data-code"),
      cell: li.getAttribute("data-cell"),
      text: (li as HTMLElement).innerText,
    })),
  );
  expect(shown).toEqual(
    expected.map((i) => ({ code: i.code, cell: i.location.cell, text: formatIssue(i) })),
  );
  // Each at its cell in the sheet beside the list, and its row marked.
  for (const issue of expected) {
    const td = page.locator(`#sheet td[data-cell="${issue.location.cell}"]`);
    await expect.poll(() => td.getAttribute("class")).toContain(`issue-${issue.severity}`);
    expect(await td.evaluate((el) => el.parentElement!.className)).toMatch(/row-(error|warning)/u);
  }
  return expected;
}

describe.runIf(runnable)("/nop on chitieu serve", () => {
  let tracker: TrackerProcess;
  let dataDir: string;
  let context: BrowserContext;
  let page: Page;
  let maker: ReportMaker;
  const files: Record<string, string> = {};
  const stored = () => {
    const store = openStore(dataDir);
    try {
      return store.history({});
    } finally {
      store.close();
    }
  };

  beforeAll(async () => {
    // `chitieu serve` serves dist/web: built here from the sources under test.
    await buildWeb();
    maker = reportMaker(template("can-tho-2256"), unit("STTTT"), "2025", new Date());
    const planted = await maker.exceljs("planted", [...maker.valid, ...maker.planted]);
    const valid = await maker.exceljs("valid", maker.valid);
    const [calcPlanted, calcValid] = libreOffice([planted, valid], "xlsx");
    files.planted = calcPlanted!;
    files.valid = calcValid!;
    files.big = join(mkdtempSync(join(tmpdir(), "chitieu-big-")), "bao-cao.xlsx");
    writeFileSync(files.big, Buffer.alloc(50 * 1024 * 1024));
    files.password = await withPassword(valid);
    files.farRow = await withFarCell(valid, "A1048576");
    const other = reportMaker(template("can-tho-2256"), unit("Q-NINHKIEU"), "2025", new Date());
    files.otherUnit = await other.exceljs("other-unit", other.valid);
    const lastYear = reportMaker(template("can-tho-2256"), unit("STTTT"), "2024", new Date());
    files.otherPeriod = await lastYear.exceljs("other-period", lastYear.valid);
    const { templateId } = headerCells;
    files.otherPlan = await maker.exceljs("other-plan", [
      ...maker.valid,
      { address: a1(templateId.row, templateId.col), value: "ke-hoach-khac" },
    ]);
    files.edited = await maker.exceljs("edited", [
      ...maker.valid,
      { address: "C9", value: "Chỉ tiêu đã sửa" },
    ]);

    dataDir = mkdtempSync(join(tmpdir(), "chitieu-nop-"));
    prepareTracker(dataDir, [unit("STTTT"), unit("Q-NINHKIEU")], () => KEY);
    tracker = await startTracker(dataDir);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await tracker?.stop();
  });

  it("takes the access code from the consolidator's link, keeps it, and never sends it", async () => {
    const code = formatAccessCode({ url: `${tracker.url}/api/submit`, unit: "STTTT", key: KEY });
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`${tracker.url}/nop#code=${code}&period=2025`);
    await expect.poll(() => page.locator("#unit").innerText()).toBe("STTTT");
    expect(page.url()).toBe(`${tracker.url}/nop#period=2025`);
    const kept = await page.evaluate(() => localStorage.getItem("chitieu-nop:access-code"));
    expect(kept).toBe(code);
    expect(requested.length).toBeGreaterThan(0);
    for (const url of requested) expect(url).not.toContain("chitieu1.");
  });

  it("says why a code from a link or a paste does not read, in the officer's language, never the key", async () => {
    const whole = formatAccessCode({ url: `${tracker.url}/api/submit`, unit: "STTTT", key: KEY });
    const other = await browser.newContext({ locale: "vi-VN" });
    const fresh = await other.newPage();
    const shown = () => fresh.locator("#message").innerText();
    // A link whose code lost its end in the e-mail.
    await fresh.goto(`${tracker.url}/nop#code=${whole.slice(0, -9)}&period=2025`);
    await expect.poll(shown).toContain("sao chép lại toàn bộ mã trong thư của đơn vị tổng hợp");
    expect(await fresh.evaluate(() => localStorage.getItem("chitieu-nop:access-code"))).toBeNull();
    const paste = async (pasted: string, why: string) => {
      await fresh.fill("#code", pasted);
      await fresh.click("#save-code");
      await expect.poll(shown).toContain(why);
      expect(await shown()).not.toContain(KEY);
    };
    await paste(`${tracker.url}/nop`, "Đây là một địa chỉ web, không phải mã truy cập");
    await paste(KEY, "Đây chỉ là khóa của đơn vị, chưa phải mã truy cập");
    await paste(
      `chitieu1.${Buffer.from(JSON.stringify(["ftp://x/y", "STTTT", KEY])).toString("base64url")}`,
      "địa chỉ hệ thống theo dõi trong mã không phải địa chỉ http:// hoặc https://",
    );
    await fresh.click("#lang");
    await paste(whole.slice(0, 30), "Copy the whole code again from the consolidator's message");
    expect(await fresh.evaluate(() => localStorage.getItem("chitieu-nop:access-code"))).toBeNull();
    await other.close();
  });

  it("takes a kept code that no longer reads as no code, and says why", async () => {
    const whole = formatAccessCode({ url: `${tracker.url}/api/submit`, unit: "STTTT", key: KEY });
    const other = await browser.newContext({ locale: "vi-VN" });
    await other.addInitScript(
      (cut) => localStorage.setItem("chitieu-nop:access-code", cut),
      whole.slice(0, -5),
    );
    const later = await other.newPage();
    await later.goto(`${tracker.url}/nop`);
    const shown = () => later.locator("#message").innerText();
    await expect
      .poll(shown)
      .toContain("Mã truy cập đã lưu trong trình duyệt này không còn đọc được");
    expect(await shown()).toContain("sao chép lại toàn bộ mã");
    expect(await later.locator("#code").count()).toBe(1);
    expect(await later.locator("#unit").count()).toBe(0);
    await other.close();
  });

  it("shows each planted error of a LibreOffice-saved report at its cell, as chitieu validate does", async () => {
    expect(await choose(page, files.planted!)).toContain("lỗi");
    const issues = await expectSameIssues(page, files.planted!);
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    await page.locator("#issues li button").first().click();
    const cell = page.locator(`#sheet td[data-cell="${issues[0]!.location.cell}"]`);
    await expect.poll(() => cell.getAttribute("class")).toContain("focus");
    const box = (await cell.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: resultFile("nop-issues.png") });
  });

  it("submits the corrected file; the tracker holds it and the receipt prints as a small PDF", async () => {
    expect(await choose(page, files.valid!)).toContain("Không có lỗi");
    await page.click("#submit");
    await expect.poll(() => message(page)).toContain("Đã gửi thành công");
    const rows = stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit: "STTTT", planId: "can-tho-2256", period: "2025" });
    const receipt = await page.locator("#receipt").innerText();
    expect(receipt).toContain(rows[0]!.submissionId);
    expect(receipt).toContain("Sở Thông tin và Truyền thông (STTTT)");
    // Sent once: sending the same file again takes choosing it again.
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    await page.screenshot({ path: resultFile("nop-receipt.png") });
    const pdf = resultFile("nop-receipt.pdf");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdf, format: "A4" });
    await page.emulateMedia({ media: "screen" });
    expect(statSync(pdf).size).toBeLessThan(150_000);
    const text = execFileSync(PDFTOTEXT!, [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain(rows[0]!.submissionId);
    expect(text).toContain("Biên nhận nộp báo cáo");
    // The printed receipt is the receipt alone: no sheet, no issue list.
    expect(text).not.toContain("Trang báo cáo");
  });

  it.each([
    ["an empty file", () => ({ name: "bao-cao.xlsx", buffer: Buffer.alloc(0) }), "Tệp rỗng"],
    ["a 50 MB file", () => files.big!, "Tệp quá lớn (50 MB, tối đa 20 MB)"],
    ["a password-protected file", () => files.password!, "đặt mật khẩu"],
    ["another unit's report", () => files.otherUnit!, "của đơn vị Q-NINHKIEU, nhưng mã truy cập"],
    [
      "another period's report",
      () => files.otherPeriod!,
      "kỳ 2024, nhưng đơn vị tổng hợp đang thu kỳ 2025",
    ],
    [
      "a file of a plan the tracker does not have",
      () => files.otherPlan!,
      'không có biểu mẫu "ke-hoach-khac"',
    ],
  ])("refuses %s with a clear message and sends nothing", async (_what, file, expected) => {
    expect(await choose(page, file())).toContain(expected);
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    expect(stored()).toHaveLength(1);
  });

  it("finds an edited fixed cell at that cell", async () => {
    await choose(page, files.edited!);
    const issues = await expectSameIssues(page, files.edited!);
    expect(issues.map((i) => [i.code, i.location.cell])).toEqual([["sheet-edited", "C9"]]);
    expect(await page.locator("#submit").isDisabled()).toBe(true);
  });

  it("checks a file with a cell at row 1,048,576 like any other", async () => {
    expect(await choose(page, files.farRow!)).toContain("Không có lỗi");
    // The sheet shown is the report's rows, not a million of them.
    expect(await page.locator("#sheet tbody tr").count()).toBe(maker.layout.rowCount);
  });

  it("refuses a file of another plan than the one the link names", async () => {
    await page.goto(`${tracker.url}/nop#period=2025&plan=can-tho-kh-2025`);
    expect(await choose(page, files.valid!)).toContain(
      'thuộc kế hoạch "can-tho-2256", nhưng đơn vị tổng hợp đang thu kế hoạch "can-tho-kh-2025"',
    );
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    expect(stored()).toHaveLength(1);
    await page.goto(`${tracker.url}/nop#period=2025`);
  });

  it("works offline after the first visit and sends the queued report when the network returns", async () => {
    // The service worker took over on the first visit; from now on it serves the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator("#offline").count()).toBe(1);
    expect(await choose(page, files.valid!)).toContain("Không có lỗi");
    await page.click("#submit");
    await expect.poll(() => message(page)).toContain("Chưa gửi được");
    await expect.poll(() => page.locator("#outbox li").count()).toBe(1);
    expect(await page.locator("#outbox").innerText()).toContain("STTTT · can-tho-2256 · kỳ 2025");
    await page.screenshot({ path: resultFile("nop-offline.png") });
    expect(stored()).toHaveLength(1);

    await context.setOffline(false);
    await expect.poll(() => message(page), { timeout: 20_000 }).toContain("Đã gửi thành công");
    await expect.poll(() => page.locator("#outbox").count()).toBe(0);
    const rows = stored();
    expect(rows).toHaveLength(2);
    expect(await page.locator("#receipt").innerText()).toContain(rows.at(-1)!.submissionId);
  });

  it("switches to English", async () => {
    await choose(page, files.planted!);
    await page.click("#lang");
    await expect
      .poll(() => page.locator("h1").innerText())
      .toBe("Check and submit an indicator report");
    expect(await page.locator("#issues li").first().innerText()).toMatch(/^Error /u);
    await page.click("#lang");
  });
});

describe.runIf(runnable)("the page on a loopback stand-in of the Apps Script web app", () => {
  let server: Server;
  let world: AppsScriptWorld;
  let exec = "";
  let page: Page;
  let planted: string;
  let valid: string;

  beforeAll(async () => {
    const maker = reportMaker(template(SUITE_PLAN), unit("STTTT"), SUITE_PERIOD, new Date());
    [planted, valid] = libreOffice(
      [
        await maker.exceljs("planted", [...maker.valid, ...maker.planted]),
        await maker.exceljs("valid", maker.valid),
      ],
      "xlsx",
    ) as [string, string];
    const built = await builtPage();
    world = await trackerWorld({
      planId: SUITE_PLAN,
      period: SUITE_PERIOD,
      units: SUITE_UNITS,
      keys: { STTTT: SUITE_KEY },
      files: { nop: built.appsScriptPage },
    });
    // What Google's front end does with the script's answers: doGet's HtmlOutput as the document,
    // doPost's JSON readable from any origin (ContentService answers carry that header).
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (req.method === "GET") {
        const output = world.run<FakeHtmlOutput>("doGet", {
          parameter: Object.fromEntries(url.searchParams),
        });
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(output.getContent());
        return;
      }
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const { text } = world.post(body);
        res.writeHead(200, {
          "content-type": "application/json",
          "access-control-allow-origin": "*",
        });
        res.end(text);
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    exec = `http://127.0.0.1:${(server.address() as AddressInfo).port}/macros/s/stand-in/exec`;
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await page?.close();
    await new Promise((done) => server?.close(done));
  });

  it("checks a LibreOffice-saved report, then submits the corrected one into the sheet", async () => {
    const code = formatAccessCode({ url: exec, unit: "STTTT", key: SUITE_KEY });
    await page.goto(`${exec}?page=nop#code=${code}`);
    await expect.poll(() => page.locator("#unit").innerText()).toBe("STTTT");
    await choose(page, planted);
    await expectSameIssues(page, planted);
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    await page.screenshot({ path: resultFile("nop-apps-script.png") });

    expect(await choose(page, valid)).toContain("Không có lỗi");
    await page.click("#submit");
    await expect.poll(() => message(page)).toContain("Đã gửi thành công");
    expect(storedCount(world)).toBe(1);
  });

  it("refuses a file of another plan than the tracker's, and sends nothing", async () => {
    const other = reportMaker(template("can-tho-2256"), unit("STTTT"), SUITE_PERIOD, new Date());
    expect(await choose(page, await other.exceljs("other-plan", other.valid))).toContain(
      'không có biểu mẫu "can-tho-2256"',
    );
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    expect(storedCount(world)).toBe(1);
  });

  it("serves the same page bytes the build wrote, but for the tracker's configuration", async () => {
    const html = world.run<FakeHtmlOutput>("doGet", { parameter: { page: "nop" } }).getContent();
    const config = /<script type="application\/json" id="chitieu-config">.*?<\/script>/su;
    const built = readFileSync(join((await builtPage()).dir, "nop-inline.html"), "utf8");
    expect(html.replace(config, "")).toBe(built.replace(config, ""));
  });
});
