// The web app's doGet serves the officers' page (`?page=nop`) from the project's nop.html, with the
// tracker's plan template and period filled in; every other GET answers as before.
import { beforeAll, describe, expect, it } from "vitest";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import type { FakeHtmlOutput } from "../fakes/apps-script/ui.js";
import type { FakeTextOutput } from "../fakes/apps-script/services.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import { builtPage, type BuiltPage } from "../fixtures/web-build.js";
import { SUITE_KEYS, SUITE_PERIOD, SUITE_PLAN, SUITE_UNITS } from "../protocol/chitieu1.suite.js";

let page: BuiltPage;
beforeAll(async () => {
  page = await builtPage();
}, 120_000);

const CONFIG = /<script type="application\/json" id="chitieu-config">(.*?)<\/script>/su;

async function world() {
  return trackerWorld({
    planId: SUITE_PLAN,
    period: SUITE_PERIOD,
    units: SUITE_UNITS,
    keys: SUITE_KEYS,
    files: { nop: page.appsScriptPage },
  });
}

describe("doGet ?page=nop", () => {
  it("returns the built page with this tracker's template and period in its configuration", async () => {
    const w = await world();
    const output = w.run<FakeHtmlOutput>("doGet", { parameter: { page: "nop" } });
    const html = output.getContent();
    const config = JSON.parse(CONFIG.exec(html)![1]!) as {
      host: string;
      templates: { id: string }[];
      plan: string;
      period: string;
    };
    expect(config.host).toBe("apps-script");
    expect(config.templates.map((t) => t.id)).toEqual([SUITE_PLAN]);
    expect(config).toMatchObject({ plan: SUITE_PLAN, period: SUITE_PERIOD });
    // Everything else is the built file as it is: the same page `chitieu serve` serves.
    expect(html.replace(CONFIG, "")).toBe(page.appsScriptPage.replace(CONFIG, ""));
    expect(output.title).toBe("Nộp báo cáo chỉ tiêu chuyển đổi số");
    expect(output.metaTags).toEqual([
      { name: "viewport", content: "width=device-width, initial-scale=1" },
    ]);
    // One document: no script or style is fetched from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/u);
    expect(html).toContain('id="check-worker-source"');
  });

  it("keeps template text from closing the configuration's script element", async () => {
    const w = await world();
    const html = w.run<FakeHtmlOutput>("doGet", { parameter: { page: "nop" } }).getContent();
    const config = CONFIG.exec(html)![1]!;
    expect(config).not.toContain("<");
  });

  it("holds no unit key: keys stay in the script properties", async () => {
    const w = await world();
    const html = w.run<FakeHtmlOutput>("doGet", { parameter: { page: "nop" } }).getContent();
    for (const key of Object.values(SUITE_KEYS)) expect(html).not.toContain(key);
  });

  it("answers every other GET as before, as JSON", async () => {
    const w = await world();
    const status = w.run<FakeTextOutput>("doGet", { parameter: {} });
    expect(JSON.parse(status.getContent())).toMatchObject({ ok: true, protocol: "chitieu/1" });
    const templates = w.run<FakeTextOutput>("doGet", { parameter: { resource: "templates" } });
    expect(JSON.parse(templates.getContent())).toEqual([
      expect.objectContaining({ id: SUITE_PLAN }),
    ]);
  });

  it("fails loudly when the project has no nop.html", async () => {
    const bare = new AppsScriptWorld(await builtBundle());
    expect(() => bare.run("doGet", { parameter: { page: "nop" } })).toThrow(
      /No HTML file named nop/u,
    );
  });
});
