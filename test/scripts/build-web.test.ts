// The page's build (scripts/build-web.mjs): the files `chitieu serve` serves, the service worker's
// list and version, and the one-document page for Apps Script with nothing that could break out of
// its script elements.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../../scripts/build-web.mjs";
import { builtPage, type BuiltPage } from "../fixtures/web-build.js";

let page: BuiltPage;
beforeAll(async () => {
  page = await builtPage();
}, 120_000);

const file = (name: string) => readFileSync(join(page.dir, name), "utf8");

describe("buildWeb", () => {
  it("writes the page, its scripts and its styles, the task pane's look included", () => {
    for (const name of [
      "nop.html",
      "nop.js",
      "check-worker.js",
      "sw.js",
      "nop.css",
      "taskpane.css",
    ])
      expect(file(name).length, name).toBeGreaterThan(0);
    expect(file("taskpane.css")).toBe(
      readFileSync(join(import.meta.dirname, "../../src/excel/taskpane/taskpane.css"), "utf8"),
    );
    expect(file("nop.html")).toContain(
      '<script type="application/json" id="chitieu-config">{"host":"tracker"}</script>',
    );
  });

  it("gives the service worker the page's files and a version that follows their content", () => {
    const sw = file("sw.js");
    expect(sw).toContain('["../nop","nop.js","check-worker.js","taskpane.css","nop.css"]');
    expect(sw).toMatch(/chitieu-nop-[0-9a-f]{16}/u);
  });

  it("keeps zod's English and drops its other ~130 locales", () => {
    for (const name of ["nop.js", "check-worker.js"]) {
      expect(file(name)).toContain("Invalid input");
      expect(file(name)).not.toContain("Entrée invalide");
    }
    // What an officer downloads once (then the service worker keeps it).
    expect(page.sizes["nop.js"]).toBeLessThan(400 * 1024);
    expect(page.sizes["check-worker.js"]).toBeLessThan(1300 * 1024);
  });

  it("makes one document for Apps Script: styles and scripts inline, each script closed once", () => {
    const html = page.appsScriptPage;
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/u);
    expect(html).toContain('{"host":"apps-script"}');
    expect(html).toContain(file("taskpane.css").trim().slice(0, 200));
    const opened = html.match(/<script\b/giu)!.length;
    expect(html.match(/<\/script/giu)!.length).toBe(opened);
    // The page's script comes last in the body, after the elements it renders into.
    expect(html.lastIndexOf('id="sheet"')).toBeLessThan(html.lastIndexOf("<script>"));
  });

  it("leaves nothing stale from an older build to be served", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "chitieu-web-stale-"));
    writeFileSync(join(outdir, "old-page.js"), "stale");
    await buildWeb({ outdir, appsScriptDir: mkdtempSync(join(tmpdir(), "chitieu-web-gas-")) });
    expect(existsSync(join(outdir, "old-page.js"))).toBe(false);
    expect(existsSync(join(outdir, "nop.js"))).toBe(true);
  }, 120_000);
});
