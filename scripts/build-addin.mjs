// Builds the Excel add-in into dist/addin: bundled task pane and ribbon commands, their pages, the
// icons, and a manifest pointed at the host given with --host (validated against the XSDs).
import * as esbuild from "esbuild";
import { existsSync, watch } from "node:fs";
import { access, copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { normalizeBase, rebaseManifest } from "../dist/node/addin-manifest.js";
import { formatErrors, validateManifest } from "./manifest-schema.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Where the root manifest points: the dev server (`npm run dev-server`). */
export const DEV_HOST = "https://localhost:3000";

/**
 * Older Excel on Windows runs add-ins in EdgeHTML, which has no object spread, regex lookbehind or
 * optional chaining; esbuild lowers all of that to ES2017.
 */
const TARGET = "es2017";

/** Each entry's source under srcdir, and the page files copied beside the bundles. */
const entries = { taskpane: "taskpane/taskpane.ts", commands: "commands/commands.ts" };
/**
 * Small scripts that must run in Internet Explorer's webview too (the check that loads a bundle
 * only where it can run, and the ribbon's notice dialog), to tell an officer on old Office what to
 * do: ES5, which esbuild checks rather than lowers.
 */
const es5Entries = { boot: "boot/boot.ts", dialog: "dialog/dialog.ts" };

/**
 * Each bundle's syntax target (esbuild's), by output file. Built-ins newer than ES2017 in the two
 * big bundles are allowed only where boot/boot.ts refuses a webview that lacks them
 * (test/scripts/bundle-targets.test.ts holds both to this).
 */
export const BUNDLE_TARGETS = Object.fromEntries([
  ...Object.keys(entries).map((name) => [`${name}.js`, TARGET]),
  ...Object.keys(es5Entries).map((name) => [`${name}.js`, "es5"]),
]);
const pages = [
  "taskpane/taskpane.html",
  "taskpane/taskpane.css",
  "commands/commands.html",
  "dialog/dialog.html",
];
const ASSET_FILE = /\.(png|html)$/u;

async function missing(paths) {
  const absent = await Promise.all(
    paths.map((p) =>
      access(p).then(
        () => undefined,
        () => p,
      ),
    ),
  );
  return absent.filter((p) => p !== undefined);
}

/** The https origin (and optional path) the add-in is served from, without a trailing slash. */
export function checkHost(host) {
  const base = normalizeBase(host);
  // Office loads add-in pages over https only, localhost included.
  if (!base.startsWith("https://"))
    throw new Error(`--host phải dùng https / --host must be https: ${host}`);
  return base;
}

/**
 * Builds into `outdir` (emptied first) and resolves to what was written; rejects with a message
 * naming every missing input, every esbuild error or warning, or every manifest error.
 */
export async function buildAddin({
  host = DEV_HOST,
  outdir = join(root, "dist", "addin"),
  srcdir = join(root, "src", "excel"),
  assetsdir = join(root, "assets"),
  manifest = join(root, "manifest.xml"),
  production = false,
} = {}) {
  const base = checkHost(host);

  const under = (list) =>
    Object.fromEntries(Object.entries(list).map(([name, path]) => [name, join(srcdir, path)]));
  const entryPaths = under(entries);
  const es5Paths = under(es5Entries);
  const pagePaths = pages.map((p) => join(srcdir, p));
  const absent = await missing([
    ...Object.values(entryPaths),
    ...Object.values(es5Paths),
    ...pagePaths,
    manifest,
    assetsdir,
  ]);
  if (absent.length > 0) {
    throw new Error(
      `Thiếu tệp / missing files:\n${absent.map((p) => `  ${relative(process.cwd(), p)}`).join("\n")}`,
    );
  }

  const manifestXml = rebaseManifest(await readFile(manifest, "utf8"), base);
  const checked = await validateManifest(
    manifestXml,
    relative(process.cwd(), join(outdir, "manifest.xml")),
  );
  if (!checked.valid)
    throw new Error(`manifest không hợp lệ / invalid manifest:\n${formatErrors(checked)}`);

  await rm(outdir, { recursive: true, force: true });
  await mkdir(join(outdir, "assets"), { recursive: true });

  const bundle = (entryPoints, target) =>
    esbuild.build({
      entryPoints,
      outdir,
      bundle: true,
      format: "iife",
      platform: "browser",
      target,
      sourcemap: "linked",
      minify: production,
      logLevel: "silent",
      metafile: true,
    });
  const results = [await bundle(entryPaths, TARGET), await bundle(es5Paths, "es5")];
  // A warning here is code that may crash in an older Excel (a BigInt literal, say): not shipped.
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) {
    const text = await esbuild.formatMessages(warnings, { kind: "warning" });
    throw new Error(`esbuild cảnh báo / esbuild warnings:\n${text.join("")}`);
  }

  await Promise.all(pagePaths.map((p) => copyFile(p, join(outdir, basename(p)))));
  const assets = (await readdir(assetsdir)).filter((name) => ASSET_FILE.test(name)).sort();
  await Promise.all(
    assets.map((name) => copyFile(join(assetsdir, name), join(outdir, "assets", name))),
  );
  await writeFile(join(outdir, "manifest.xml"), manifestXml);

  const files = [
    ...results.flatMap((r) => Object.keys(r.metafile.outputs)).map((p) => relative(outdir, p)),
    ...pagePaths.map((p) => basename(p)),
    ...assets.map((name) => `assets/${name}`),
    "manifest.xml",
  ].sort();
  return { outdir, host: base, files };
}

/**
 * Builds once, then again after every change to the add-in's sources, the core they bundle, the
 * icons or the manifest (changes within 100 ms make one build). `onBuild` hears each result or
 * error; a broken build is reported and the watch goes on. Resolves to a close function.
 */
export async function watchAddin(options = {}, onBuild = () => undefined) {
  const srcdir = options.srcdir ?? join(root, "src", "excel");
  const dirs = [srcdir, join(srcdir, "..", "core"), options.assetsdir ?? join(root, "assets")];
  const build = () =>
    buildAddin(options).then(
      (result) => onBuild(undefined, result),
      (error) => onBuild(error),
    );
  let running = build();
  let timer;
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void (running = running.then(build)), 100);
  };
  const watchers = [
    ...dirs.filter((d) => existsSync(d)).map((d) => watch(d, { recursive: true }, again)),
    watch(options.manifest ?? join(root, "manifest.xml"), again),
  ];
  await running;
  return async () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
    await running;
  };
}

/** What a watched build prints: the outcome and the time, one line each. */
export function reportBuild(log = console.log) {
  return (error, result) => {
    const at = new Date().toLocaleTimeString("vi-VN");
    if (error) log(`${at} ✗ ${error instanceof Error ? error.message : String(error)}`);
    else
      log(
        `${at} ✓ ${result.files.length} tệp / files → ${relative(process.cwd(), result.outdir)}/`,
      );
  };
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      host: { type: "string", default: DEV_HOST },
      production: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
    },
  });
  if (values.watch) {
    await watchAddin({ host: values.host, production: values.production }, reportBuild());
    console.log("Đang theo dõi thay đổi (Ctrl+C để dừng) / watching for changes (Ctrl+C to stop)");
  } else {
    const started = performance.now();
    try {
      const { outdir, host, files } = await buildAddin(values);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${relative(process.cwd(), outdir)}/ (${files.length} tệp / files, ${seconds} s)`,
      );
      console.log(`manifest: ${join(relative(process.cwd(), outdir), "manifest.xml")} → ${host}/`);
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  }
}
