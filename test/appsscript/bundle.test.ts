// The build: one classic Apps Script file with top-level entry points, the manifest beside it, and
// nothing in it that needs a global Apps Script lacks.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AppsScriptWorld,
  buildModule,
  builtBundle,
  type BuiltBundle,
} from "../fakes/apps-script/runtime.js";
import { unitsCsv } from "../fakes/apps-script/tracker.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";
import { suitePlan } from "../protocol/servers.js";

const root = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

const template = suitePlan();
const KEY = "ab".repeat(32);

let bundle: BuiltBundle;
beforeAll(async () => {
  bundle = await builtBundle();
});

const ENTRY_POINTS = [
  "onOpen",
  "doPost",
  "doGet",
  "setupTracker",
  "importUnitsFromSheet",
  "showImportUnitsCsvDialog",
  "importUnitsCsv",
  "issueAccessCodes",
  "setWebAppUrl",
  "consolidateNow",
  "checkAllSubmissions",
  "buildDashboard",
  "showMissingAndLate",
  "writeReportDoc",
];

describe("dist/appsscript/Code.js", () => {
  it("is written with the manifest beside it", () => {
    expect(bundle.file).toBe(join(root, "dist/appsscript/Code.js"));
    expect(read("dist/appsscript/Code.js")).toBe(bundle.code);
    expect(JSON.parse(read("dist/appsscript/appsscript.json"))).toEqual(
      JSON.parse(read("appsscript/appsscript.json")),
    );
  });

  it("is a classic script: no module syntax, no require", () => {
    // A classic script refuses import and export statements outright.
    expect(() => new vm.Script(bundle.code)).not.toThrow();
    expect(bundle.code).not.toMatch(/\brequire\(/u);
    expect(bundle.code).not.toMatch(/\bimport\s*\(/u);
    expect(bundle.code).not.toMatch(/\bimport\.meta\b/u);
    expect(bundle.code).not.toMatch(
      /(^|[;}\n])\s*(import\s*[{*"'\w]|export\s*[{*]|export\s+(default|function|const|let|var|class)\b)/u,
    );
  });

  it("defines every entry point as a top-level function declaration", () => {
    expect(bundle.functions.sort()).toEqual([...ENTRY_POINTS].sort());
    const world = new AppsScriptWorld(bundle);
    for (const name of ENTRY_POINTS) {
      expect(bundle.code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, "mu"));
      expect(typeof world.context[name], name).toBe("function");
    }
  });

  it("runs where only Apps Script's services and ECMAScript exist", () => {
    const world = new AppsScriptWorld(bundle);
    // (V8 gives every context its own `console`, as Apps Script has one: not listed here.)
    for (const name of [
      "TextEncoder",
      "TextDecoder",
      "Buffer",
      "crypto",
      "require",
      "process",
      "atob",
      "btoa",
      "setTimeout",
      "fetch",
      "module",
      "exports",
    ])
      expect(world.evaluate(`typeof ${name}`), name).toBe("undefined");
    // The signing and hashing path runs in this context (HMAC, SHA-256, UTF-8 by hand).
    const status = JSON.parse(world.post("{").text) as { ok: boolean; error: { code: string } };
    expect(status.error.code).toBe("bad-request");
  });

  it("runs without the library calls ES2020 lacks (Object.hasOwn)", () => {
    const world = new AppsScriptWorld(bundle, { prelude: "delete Object.hasOwn;" });
    expect(world.evaluate("typeof Object.hasOwn")).toBe("function");
    expect(new AppsScriptWorld(bundle).evaluate("Object.hasOwn.toString()")).toContain(
      "[native code]",
    );
    // Signing, storing and consolidating, where core and @noble/hashes call it.
    world.ui.answer(template.id).answer("2025");
    world.run("setupTracker");
    world.run("importUnitsCsv", unitsCsv([reportingUnit]));
    world.properties.script.setProperty(`key:${reportingUnit.code}`, KEY);
    const body = envelopeFor(validReport(template, randomUUID()), {
      url: "https://x.invalid",
      unit: reportingUnit.code,
      key: KEY,
    }).body;
    expect(JSON.parse(world.post(body).text)).toMatchObject({ ok: true });
    world.run("consolidateNow");
    expect(world.spreadsheet.toasts.at(-1)!.message).toContain("1/1 đơn vị đã nộp");
  });

  it("adds the Chỉ tiêu menu on open, each item a top-level function", () => {
    const world = new AppsScriptWorld(bundle);
    world.run("onOpen");
    expect(world.ui.menus).toHaveLength(1);
    const [menu] = world.ui.menus;
    expect(menu!.title).toBe("Chỉ tiêu");
    expect(menu!.added).toBe(true);
    const handlers = menu!.items.flatMap((i) => (i === "separator" ? [] : [i.functionName]));
    expect(handlers).toHaveLength(10);
    for (const h of handlers) expect(typeof world.context[h], h).toBe("function");
  });
});

describe("the build", () => {
  it("fails when anything in the bundle imports a Node built-in", async () => {
    const { buildAppsScript } = await buildModule();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-gas-"));
    for (const [file, spec] of [
      ["with-prefix.ts", "node:fs"],
      ["bare.ts", "path"],
    ] as const) {
      writeFileSync(
        join(dir, file),
        `import * as m from "${spec}";\nexport function leak() { return m; }\n`,
      );
      await expect(
        buildAppsScript({ entry: join(dir, file), outDir: join(dir, "out") }),
      ).rejects.toThrow(`Apps Script has no Node built-ins: "${spec}"`);
    }
  });

  it("ships a V8 manifest with the narrowest scopes and an anonymous web app run as the deployer", () => {
    const manifest = JSON.parse(read("appsscript/appsscript.json"));
    expect(manifest).toMatchObject({
      timeZone: "Asia/Ho_Chi_Minh",
      runtimeVersion: "V8",
      webapp: { executeAs: "USER_DEPLOYING", access: "ANYONE_ANONYMOUS" },
    });
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
      // DocumentApp.create, for the People's Committee report as a Google Doc.
      "https://www.googleapis.com/auth/documents",
    ]);
    expect(JSON.parse(read("appsscript/.clasp.json.example")).rootDir).toBe("dist/appsscript");
    const scripts = JSON.parse(read("package.json")).scripts;
    // Code.js, then the officers' page beside it (nop.html), both pushed by clasp.
    expect(scripts["gas:build"]).toBe(
      "node scripts/build-appsscript.mjs && node scripts/build-web.mjs",
    );
    expect(scripts["gas:push"]).toBe("npm run gas:build && clasp push");
  });

  it("is set up in an order that works, as the README and the setup dialog say", async () => {
    const readme = read("README.md");
    const section = readme.slice(
      readme.indexOf("## Google Sheets (Apps Script)"),
      readme.indexOf("## Layout"),
    );
    // The size the README states is the size of the file the build writes, within 10%.
    const stated = /Code\.js` \(one file: [^)]*about (\d+) KB\)/u.exec(section);
    expect(stated).not.toBeNull();
    const bytes = Buffer.byteLength(bundle.code, "utf8");
    expect(Math.abs(Number(stated![1]) * 1000 - bytes) / bytes).toBeLessThan(0.1);
    // clasp needs the Apps Script API turned on; its project file stays out of git.
    expect(section).toContain("https://script.google.com/home/usersettings");
    expect(read(".gitignore").split("\n")).toContain(".clasp.json");
    // An access code holds the web app's address: deploy first, then issue codes.
    const deploy = section.indexOf("Deploy › New deployment");
    const codes = section.indexOf("_Chỉ tiêu › Cấp mã truy cập…_");
    expect(deploy).toBeGreaterThan(0);
    expect(codes).toBeGreaterThan(deploy);
    const world = new AppsScriptWorld(bundle);
    world.ui.answer(template.id).answer("2025");
    world.run("setupTracker");
    const next = world.ui.alerts.at(-1)!;
    expect(next.indexOf("Deploy › New deployment")).toBeGreaterThan(0);
    expect(next.indexOf("Cấp mã truy cập")).toBeGreaterThan(
      next.indexOf("Deploy › New deployment"),
    );
  });
});
