// The built task pane in headless Chromium, with the in-memory Excel in place of office.js, against
// a real tracker on 127.0.0.1: load a template, plant errors, find them, fix them, submit.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { reportSheetName } from "../../src/excel/office/report-sheet.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { registerAddinRoutes } from "../../src/node/tracker/addin-routes.js";
import { buildServer } from "../../src/node/tracker/server.js";
import type { SqliteStore } from "../../src/node/tracker/store.js";
import { buildAddin } from "../../scripts/build-addin.mjs";
import { PARTITION_KEY } from "../fakes/excel/office-host.js";
import { validEdits } from "../fixtures/fill-workbook.js";
import { CHROMIUM, hostTool } from "../fixtures/host-tools.js";

const hasChromium = hostTool("Chromium", CHROMIUM);
const SCREENSHOT = join(import.meta.dirname, "../../test-results/taskpane.png");
const KEY = "3".repeat(64);
const unit: Unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
};

let browser: Browser;
let page: Page;
let store: SqliteStore;
let app: ReturnType<typeof buildServer>;
let base = "";
let fakeOffice = "";
let dialogOffice = "";

beforeAll(async () => {
  if (!hasChromium) return;
  const outdir = mkdtempSync(join(tmpdir(), "chitieu-addin-"));
  await buildAddin({ outdir });
  const fake = await build({
    entryPoints: [join(import.meta.dirname, "../fakes/excel/browser-office.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
  });
  fakeOffice = fake.outputFiles[0]!.text;
  const dialogFake = await build({
    entryPoints: [join(import.meta.dirname, "../fakes/excel/dialog-office.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
  });
  dialogOffice = dialogFake.outputFiles[0]!.text;
  store = openStore(mkdtempSync(join(tmpdir(), "chitieu-pane-")));
  store.importUnits([unit]);
  store.setKey(unit.code, KEY);
  app = buildServer({ store, register: registerAddinRoutes({ dir: outdir }) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "vi-VN" });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: fakeOffice }),
  );
  await page.goto(`${base}/addin/taskpane.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
});

const message = () => page.locator("#message").innerText();

describe.runIf(hasChromium)("the task pane in Chromium", () => {
  it("says why a pasted code does not read, without the key, and keeps nothing", async () => {
    const whole = formatAccessCode({ url: `${base}/api/submit`, unit: unit.code, key: KEY });
    const cases = [
      [whole.slice(0, -10), "sao chép lại toàn bộ mã trong thư của đơn vị tổng hợp"],
      [`${base}/nop`, "Đây là một địa chỉ web, không phải mã truy cập"],
      [KEY, "Đây chỉ là khóa của đơn vị, chưa phải mã truy cập"],
    ];
    for (const [pasted, why] of cases) {
      await page.fill("#code", pasted!);
      await page.click("#save-code");
      await expect.poll(message).toContain(why!);
      expect(await message()).not.toContain(KEY);
    }
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).not.toContain(`${PARTITION_KEY}chitieu:access-code`);
  });

  it("takes the access code once and keeps it out of the workbook", async () => {
    await page.fill(
      "#code",
      formatAccessCode({ url: `${base}/api/submit`, unit: unit.code, key: KEY }),
    );
    await page.click("#save-code");
    await expect
      .poll(() => page.locator(".unit").innerText())
      .toContain("Sở Thông tin và Truyền thông");
    // Under Office's partition key, as Microsoft asks for private data.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).toContain(`${PARTITION_KEY}chitieu:access-code`);
    expect(keys.filter((k) => !k.startsWith(`${PARTITION_KEY}chitieu:`))).toEqual([]);
  });

  it("loads the template, finds planted errors at their cells, and selects a cell from the list", async () => {
    await page.selectOption("#plan", "can-tho-2256");
    await page.fill("#period", "2025");
    await page.click("#load");
    await expect.poll(message).toContain("Đã tải biểu mẫu");
    const template = store.template("can-tho-2256")!;
    const layout = buildLayout(template, unit, "2025");
    const sheet = reportSheetName(template, "2025");
    const edits = validEdits(template, unit, layout, new Date()).map((e) => ({
      address: e.address,
      value:
        e.value instanceof Date
          ? `${String(e.value.getUTCDate()).padStart(2, "0")}/${String(e.value.getUTCMonth() + 1).padStart(2, "0")}/${e.value.getUTCFullYear()}`
          : e.value,
    }));
    const field = (id: string, f: string) =>
      layout.fields.find((x) => x.ref.id === id && x.ref.field === f)!.address;
    const planted = [
      ...edits,
      { address: field("CQ-02", "numerator"), value: "khoảng 80" },
      { address: field("CQ-03", "value"), value: null },
      { address: field("CQ-03", "numerator"), value: 5000 },
    ];
    await page.evaluate(
      ({ sheet, planted }) => {
        const excel = (
          window as unknown as {
            __excel: { model: { type(s: string, a: string, v: unknown): void } };
          }
        ).__excel;
        for (const e of planted) excel.model.type(sheet, e.address, e.value);
      },
      { sheet, planted },
    );
    await page.click("#check");
    await expect.poll(() => page.locator("#issues li").count()).toBe(2);
    const items = await page.locator("#issues li").allInnerTexts();
    expect(items[0]).toContain(field("CQ-02", "numerator"));
    expect(items[0]).toContain("không phải là số");
    expect(await page.locator("#submit").isDisabled()).toBe(true);
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.locator("#issues li button").first().click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { __excel: { model: { selection?: { address: string } } } })
              .__excel.model.selection?.address,
        ),
      )
      .toBe(field("CQ-02", "numerator"));

    // Fixed, the report checks clean and goes to the tracker.
    const fixes = edits.filter((e) =>
      [field("CQ-02", "numerator"), field("CQ-03", "value"), field("CQ-03", "numerator")].includes(
        e.address,
      ),
    );
    await page.evaluate(
      ({ sheet, fixes }) => {
        const excel = (
          window as unknown as {
            __excel: { model: { type(s: string, a: string, v: unknown): void } };
          }
        ).__excel;
        for (const e of fixes) excel.model.type(sheet, e.address, e.value);
      },
      { sheet, fixes },
    );
    await page.click("#check");
    await expect.poll(message).toContain("Không có lỗi");
    await page.click("#submit");
    await expect.poll(message).toContain("Đã gửi thành công");
    expect(store.submissionCount()).toBe(1);
    expect(await page.locator(".receipt").innerText()).toContain(
      store.history({})[0]!.submissionId,
    );
  });

  it("switches to English", async () => {
    await page.click("#lang");
    await expect
      .poll(() => page.locator("h1").innerText())
      .toBe("Digital-transformation indicators");
  });
});

describe.runIf(hasChromium)("a code kept in the add-in that no longer reads", () => {
  it("is no code, and the pane says why when it opens, in the officer's language", async () => {
    const later = await browser.newPage({ locale: "vi-VN" });
    await later.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOffice }),
    );
    const cut = formatAccessCode({ url: `${base}/api/submit`, unit: unit.code, key: KEY });
    await later.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`${PARTITION_KEY}chitieu:access-code`, cut.slice(0, -6)],
    );
    await later.goto(`${base}/addin/taskpane.html`);
    const shown = () => later.locator("#message").innerText();
    await expect.poll(shown).toContain("Mã truy cập đã lưu trong add-in không còn đọc được");
    expect(await shown()).toContain("sao chép lại toàn bộ mã");
    // The code box is offered again, as when no code was kept.
    expect(await later.locator("#code").count()).toBe(1);
    expect(await later.locator(".unit").count()).toBe(0);
    await later.close();
  });
});

describe.runIf(hasChromium)("the ribbon's notice dialog", () => {
  it("shows its notice as text, and its button asks the opener to close it", async () => {
    const dialog = await browser.newPage();
    const errors: string[] = [];
    dialog.on("pageerror", (e) => errors.push(e.message));
    await dialog.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: dialogOffice }),
    );
    const vi = "Trang tính đang mở không phải trang báo cáo <b>chỉ tiêu</b>.";
    const en = "The open sheet is not an indicator report.";
    await dialog.goto(
      `${base}/addin/dialog.html?vi=${encodeURIComponent(vi)}&en=${encodeURIComponent(en)}`,
    );
    await expect.poll(() => dialog.locator("#vi").innerText()).toBe(vi);
    expect(await dialog.locator("#en").innerText()).toBe(en);
    expect(await dialog.locator("#vi b").count()).toBe(0);
    await dialog.click("#close");
    await expect
      .poll(() =>
        dialog.evaluate(
          () => (window as unknown as { __dialog: { sent: string[] } }).__dialog.sent,
        ),
      )
      .toEqual(["close"]);
    expect(errors).toEqual([]);
    await dialog.close();
  });

  it("is its own page: the task pane, which the old command opened instead, fails as a dialog", async () => {
    const dialog = await browser.newPage();
    const errors: string[] = [];
    dialog.on("pageerror", (e) => errors.push(e.message));
    dialog.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await dialog.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: dialogOffice }),
    );
    await dialog.goto(`${base}/addin/taskpane.html`);
    await expect.poll(() => errors.join("\n")).toMatch(/not available in an Office dialog|Excel/u);
    expect(await dialog.locator("#app").innerText()).toContain("Đang tải");
    await dialog.close();
  });
});

describe.runIf(hasChromium)("in an old Office webview (IE 11, Edge Legacy)", () => {
  it("says plainly, in Vietnamese and English, that the add-in cannot run there and what to do", async () => {
    const old = await browser.newPage();
    const errors: string[] = [];
    const scripts: string[] = [];
    old.on("pageerror", (e) => errors.push(e.message));
    old.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
    await old.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOffice }),
    );
    // What Edge Legacy (EdgeHTML 18) and Internet Explorer 11 lack of what the bundle uses.
    await old.addInitScript(() => {
      const drop = (owner: object, name: string) =>
        void delete (owner as Record<string, unknown>)[name];
      drop(Array.prototype, "at");
      drop(Array.prototype, "flatMap");
      drop(Object, "hasOwn");
      drop(globalThis, "globalThis");
    });
    await old.goto(`${base}/addin/taskpane.html`);
    await expect.poll(() => old.locator("#app").innerText()).toContain("trình duyệt cũ");
    const text = await old.locator("#app").innerText();
    expect(text).toContain("WebView2");
    expect(text).toContain("cannot run in this Excel");
    expect(scripts.some((u) => u.endsWith("/taskpane.js"))).toBe(false);
    expect(errors).toEqual([]);
    await old.close();
  });

  it("answers the ribbon's Kiểm tra with the same notice in a dialog, then completes", async () => {
    const old = await browser.newPage();
    const errors: string[] = [];
    old.on("pageerror", (e) => errors.push(e.message));
    await old.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOffice }),
    );
    await old.addInitScript(
      () => void delete (Object as unknown as Record<string, unknown>).hasOwn,
    );
    await old.goto(`${base}/addin/commands.html`);
    type Commands = {
      press(name: string): void;
      runtime: { attempts: string[]; completedCalls: number };
    };
    const commands = () =>
      old.evaluate(() => {
        const c = (window as unknown as { __commands: Commands }).__commands;
        return { attempts: c.runtime.attempts, completed: c.runtime.completedCalls };
      });
    await old.waitForFunction(() => "__commands" in window);
    await old.evaluate(() =>
      (window as unknown as { __commands: Commands }).__commands.press("validateReport"),
    );
    await expect.poll(async () => (await commands()).attempts.length).toBe(1);
    const url = new URL((await commands()).attempts[0]!);
    expect(url.pathname).toBe("/addin/dialog.html");
    expect(url.searchParams.get("vi")).toContain("trình duyệt cũ");
    expect(url.searchParams.get("en")).toContain("cannot run in this Excel");
    // The test server is plain http, which the dialog refuses (12005): the command still completes.
    await expect.poll(async () => (await commands()).completed).toBe(1);
    expect(errors).toEqual([]);
    await old.close();
  });
});
