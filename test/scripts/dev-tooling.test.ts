// What an Office developer coming from `yo office` expects: a `config` block office-addin-debugging
// reads, a dev server that rebuilds on change, tools pinned, and a development manifest whose <Id>
// differs from a tracker's so both can be sideloaded side by side.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAddin } from "../../scripts/build-addin.mjs";
import { startDevServer } from "../../scripts/dev-server.mjs";
import { ADDIN_ID, rebaseManifest } from "../../src/node/addin-manifest.js";
import { fakeAddinSource } from "../fixtures/addin-src.js";

const repo = join(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as {
  config?: Record<string, unknown>;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const rootXml = readFileSync(join(repo, "manifest.xml"), "utf8");
const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/u.exec(xml)?.[1];

describe("package.json for Office tooling", () => {
  it("has the config block office-addin-debugging reads, on the root manifest's port", () => {
    expect(pkg.config).toMatchObject({ app_to_debug: "excel", app_type_to_debug: "desktop" });
    const port = new URL(/<SourceLocation DefaultValue="([^"]+)"/u.exec(rootXml)![1]!).port;
    expect(String(pkg.config?.dev_server_port)).toBe(port);
  });

  it("runs no tool at whatever version npx finds today", () => {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      for (const m of script.matchAll(/npx (?:--yes )?(\S+)/gu))
        expect(m[1], name).toMatch(/^[@\w./-]+@\d+\.\d+\.\d+$/u);
    }
    expect(pkg.devDependencies["office-addin-dev-certs"]).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(pkg.scripts["dev-certs"]).toBe("office-addin-dev-certs install");
  });
});

describe("manifest ids", () => {
  it("gives a manifest built for a real host another <Id> than the development one", async () => {
    const out = mkdtempSync(join(tmpdir(), "chitieu-addin-out-"));
    await buildAddin({
      host: "https://chitieu.example.vn",
      srcdir: fakeAddinSource(),
      outdir: out,
    });
    const built = readFileSync(join(out, "manifest.xml"), "utf8");
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
    expect(idOf(rootXml)).toMatch(guid);
    expect(idOf(built)).toBe(ADDIN_ID);
    expect(idOf(built)).not.toBe(idOf(rootXml));
    expect(idOf(rebaseManifest(rootXml, "https://localhost:3001"))).toBe(idOf(rootXml));
  });
});

describe("npm run dev-server", () => {
  it("serves the add-in and rebuilds it when a source changes", async () => {
    const srcdir = fakeAddinSource();
    const server = await startDevServer({
      port: 0,
      srcdir,
      outdir: mkdtempSync(join(tmpdir(), "chitieu-dev-")),
      certDir: mkdtempSync(join(tmpdir(), "no-certs-")),
      log: () => undefined,
    });
    try {
      const get = () => fetch(`${server.url}/taskpane.js`).then((r) => r.text());
      expect(await get()).toContain("JSON.stringify(all)");
      writeFileSync(join(srcdir, "taskpane/taskpane.ts"), 'document.title = "changed on disk";\n');
      await expect.poll(get, { timeout: 10_000, interval: 100 }).toContain("changed on disk");
    } finally {
      await server.close();
    }
  }, 30_000);
});
