// The add-in build (scripts/build-addin.mjs) on small sources in a temp folder: what it writes, how
// it lowers syntax for older Excel, and that it refuses rather than skips.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAddin } from "../../scripts/build-addin.mjs";
import { fakeAddinSource } from "../fixtures/addin-src.js";

const repo = join(import.meta.dirname, "../..");
const outdir = () => mkdtempSync(join(tmpdir(), "chitieu-addin-out-"));

describe("buildAddin", () => {
  it("writes the bundles, their pages, the icons and the manifest", async () => {
    const out = outdir();
    const { files, host } = await buildAddin({ srcdir: fakeAddinSource(), outdir: out });
    expect(host).toBe("https://localhost:3000");
    expect(files).toEqual(
      expect.arrayContaining([
        "taskpane.js",
        "taskpane.js.map",
        "taskpane.html",
        "taskpane.css",
        "commands.js",
        "commands.js.map",
        "commands.html",
        "assets/icon-16.png",
        "assets/check-80.png",
        "assets/support.html",
        "manifest.xml",
      ]),
    );
    for (const file of files) expect(existsSync(join(out, file)), file).toBe(true);
    // The default host leaves the manifest as it is.
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toBe(
      readFileSync(join(repo, "manifest.xml"), "utf8"),
    );
  });

  it("bundles each entry as one browser script with syntax older Excel can run", async () => {
    const out = outdir();
    await buildAddin({ srcdir: fakeAddinSource(), outdir: out });
    const js = readFileSync(join(out, "taskpane.js"), "utf8");
    expect(js).toMatch(/^\(\(\) => \{/u);
    expect(js).not.toMatch(/\.\.\.base|\?\.|\?\?/u);
    expect(js.trimEnd().endsWith("//# sourceMappingURL=taskpane.js.map")).toBe(true);
    const map = JSON.parse(readFileSync(join(out, "taskpane.js.map"), "utf8")) as {
      sources: string[];
    };
    expect(map.sources.some((s) => s.endsWith("taskpane/taskpane.ts"))).toBe(true);
  });

  it("minifies with production", async () => {
    const plain = outdir();
    const small = outdir();
    const srcdir = fakeAddinSource();
    await buildAddin({ srcdir, outdir: plain });
    await buildAddin({ srcdir, outdir: small, production: true });
    const size = (dir: string) => statSync(join(dir, "taskpane.js")).size;
    expect(size(small)).toBeLessThan(size(plain));
  });

  it("empties the output folder first, so nothing stale is deployed", async () => {
    const out = outdir();
    writeFileSync(join(out, "old-taskpane.js"), "stale");
    await buildAddin({ srcdir: fakeAddinSource(), outdir: out });
    expect(existsSync(join(out, "old-taskpane.js"))).toBe(false);
  });

  it("names every missing source file instead of building without it", async () => {
    const srcdir = fakeAddinSource({ "commands/commands.ts": null, "taskpane/taskpane.css": null });
    const out = outdir();
    const error = await buildAddin({ srcdir, outdir: out }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/commands[/\\]commands\.ts/u);
    expect((error as Error).message).toMatch(/taskpane[/\\]taskpane\.css/u);
    expect(existsSync(join(out, "manifest.xml"))).toBe(false);
  });

  it.each([
    "http://chitieu.example.vn",
    "http://localhost:3000",
    "ftp://chitieu.example.vn",
    "chitieu.example.vn",
    "https://chitieu.example.vn/?a=1",
  ])("refuses the host %s", async (host) => {
    await expect(buildAddin({ host, srcdir: fakeAddinSource(), outdir: outdir() })).rejects.toThrow(
      /--host|URL/u,
    );
  });

  it("serves from a folder of the host when --host has a path", async () => {
    const out = outdir();
    await buildAddin({
      host: "https://so-khcn.example.vn/chitieu/addin/",
      srcdir: fakeAddinSource(),
      outdir: out,
    });
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).toContain('DefaultValue="https://so-khcn.example.vn/chitieu/addin/taskpane.html"');
    expect(xml).toContain("<AppDomain>https://so-khcn.example.vn</AppDomain>");
  });

  it("refuses code esbuild warns may crash in older Excel", async () => {
    const srcdir = fakeAddinSource({ "taskpane/taskpane.ts": "document.title = String(10n);\n" });
    await expect(buildAddin({ srcdir, outdir: outdir() })).rejects.toThrow(/Big integer/u);
  });

  it("builds the boot check and the notice dialog as ES5, and refuses newer syntax there", async () => {
    const out = outdir();
    await buildAddin({ outdir: out, host: "https://chitieu.example.vn" });
    for (const [file, marker] of [
      ["dialog.js", "messageParent"],
      ["boot.js", "data-bundle"],
    ]) {
      const js = readFileSync(join(out, file!), "utf8");
      expect(js, file).toContain(marker);
      expect(js, file).not.toMatch(/=>|\bconst\b|\blet\b|`|\bclass\b/u);
    }
    const srcdir = fakeAddinSource({ "dialog/dialog.ts": "const a = () => 1;\nalert(a());\n" });
    await expect(buildAddin({ srcdir, outdir: outdir() })).rejects.toThrow(/es5/u);
  });

  it("reports a compile error with its file and line", async () => {
    const srcdir = fakeAddinSource({ "commands/commands.ts": "const = 1;\n" });
    await expect(buildAddin({ srcdir, outdir: outdir() })).rejects.toThrow(/commands\.ts:1/u);
  });

  it("builds the real add-in", async () => {
    const out = outdir();
    const { files } = await buildAddin({ outdir: out, host: "https://chitieu.example.vn" });
    expect(files).toContain("taskpane.js");
    expect(files).toContain("commands.js");
  });
});
