// Builds the officer's page (`/nop`) into dist/web: the page bundle, its check worker and service
// worker, its HTML and styles (the task pane's taskpane.css, shared, and its own nop.css); and the
// same page as one self-contained HTML file for the Apps Script web app (dist/appsscript/nop.html).
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Browsers from 2020 on (Chrome 80, Firefox 74, Safari 14): what an office PC may still run. */
const TARGET = "es2020";

const entries = {
  "nop.js": "page.ts",
  "check-worker.js": "worker/check-worker.ts",
};
const styles = { "taskpane.css": "excel/taskpane/taskpane.css", "nop.css": "web/nop.css" };
/** The files the service worker keeps, relative to it (it lives at nop/sw.js; the page is /nop). */
const PRECACHE = ["../nop", "nop.js", "check-worker.js", "taskpane.css", "nop.css"];
/** The page's configuration element, however the source is formatted; the build writes it anew. */
const CONFIG_ELEMENT = /<script type="application\/json" id="chitieu-config">[\s\S]*?<\/script>/u;
const config = (host) =>
  `<script type="application/json" id="chitieu-config">{"host":"${host}"}</script>`;

/**
 * zod re-exports all of its ~130 error-message locales as `z.locales`, which keeps them in a bundle
 * whatever is used; the page only ever speaks zod's English (core writes its own Vietnamese), so
 * `z.locales` is cut down to `en`: 250 KB less in each of the page and the worker.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[/\\]zod[/\\]/u.test(args.importer)
        ? { path: join(args.resolveDir, "..", "locales", "en.js"), namespace: "zod-en" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: "js",
      resolveDir: root,
    }));
  },
};

const common = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: TARGET,
  charset: "utf8",
  legalComments: "none",
  logLevel: "silent",
  // exceljs without its own polyfills: every browser above has what they add.
  alias: { exceljs: "exceljs/dist/exceljs.bare.min.js" },
  plugins: [zodEnglishOnly],
};

async function bundle(entry, options = {}) {
  const result = await esbuild.build({ ...common, entryPoints: [entry], write: false, ...options });
  if (result.warnings.length > 0) {
    const text = await esbuild.formatMessages(result.warnings, { kind: "warning" });
    throw new Error(`esbuild cảnh báo / esbuild warnings:\n${text.join("")}`);
  }
  return result.outputFiles[0].text;
}

/** Script text inside an HTML <script> element ends at the first "</script": none may be left. */
function scriptSafe(js) {
  return js.replace(/<\/(script)/giu, "<\\/$1");
}

/** The Apps Script page: HtmlService serves one document, so styles and scripts go inside it. */
function inlinePage(html, css, pageJs, workerJs) {
  const tags = {
    '<link rel="stylesheet" href="nop/taskpane.css" />': `<style>\n${css}</style>`,
    '<link rel="stylesheet" href="nop/nop.css" />': "",
    [config("tracker")]: config("apps-script"),
    // The worker's source waits as text; the page makes a worker of it (a Blob URL).
    '<script defer src="nop/nop.js"></script>': `<script type="text/plain" id="check-worker-source">${scriptSafe(workerJs)}</script>`,
    // Last in the body, so the elements it looks for exist when it runs.
    "</body>": `<script>${scriptSafe(pageJs)}</script>\n  </body>`,
  };
  let out = html;
  for (const [tag, replacement] of Object.entries(tags)) {
    if (!out.includes(tag)) throw new Error(`nop.html has no ${tag}`);
    // A function, so "$&" and friends in the bundles stay as they are.
    out = out.replace(tag, () => replacement);
  }
  return out;
}

/** A running tracker may serve the folder while it is rebuilt: it sees the old file or the new. */
async function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function buildWeb({
  outdir = join(root, "dist", "web"),
  appsScriptDir = join(root, "dist", "appsscript"),
  srcdir = join(root, "src"),
  production = true,
} = {}) {
  await mkdir(outdir, { recursive: true });
  const options = { minify: production, sourcemap: false };
  const built = {};
  for (const [name, entry] of Object.entries(entries))
    built[name] = await bundle(join(srcdir, "web", entry), options);
  const css = {};
  for (const [name, path] of Object.entries(styles))
    css[name] = await readFile(join(srcdir, path), "utf8");
  const source = await readFile(join(srcdir, "web", "nop.html"), "utf8");
  if (!CONFIG_ELEMENT.test(source)) throw new Error("nop.html has no #chitieu-config element");
  const html = source.replace(CONFIG_ELEMENT, () => config("tracker"));

  // The service worker's cache name changes whenever any precached file does.
  const version = createHash("sha256")
    .update(html)
    .update(Object.values(built).join("\n"))
    .update(Object.values(css).join("\n"))
    .digest("hex")
    .slice(0, 16);
  built["sw.js"] = await bundle(join(srcdir, "web", "worker", "service-worker.ts"), {
    ...options,
    define: { __PRECACHE__: JSON.stringify(PRECACHE), __VERSION__: JSON.stringify(version) },
  });

  const inline = inlinePage(
    html,
    `${css["taskpane.css"]}\n${css["nop.css"]}`,
    built["nop.js"],
    built["check-worker.js"],
  );
  const files = { "nop.html": html, ...built, ...css, "nop-inline.html": inline };
  for (const [name, text] of Object.entries(files)) await writeAtomically(join(outdir, name), text);
  // Nothing stale stays to be served: whatever an older build left is removed (not another
  // build's file still being written).
  for (const name of await readdir(outdir))
    if (!(name in files) && !name.endsWith(".tmp"))
      await rm(join(outdir, name), { recursive: true, force: true });
  await mkdir(appsScriptDir, { recursive: true });
  await writeAtomically(join(appsScriptDir, "nop.html"), inline);
  const sizes = Object.fromEntries(
    [...Object.entries(built), ["nop-inline.html", inline]].map(([n, t]) => [
      n,
      Buffer.byteLength(t),
    ]),
  );
  return { outdir, version, sizes };
}

if (import.meta.filename === process.argv[1]) {
  buildWeb().then(
    ({ outdir, sizes }) =>
      console.log(
        `${relative(process.cwd(), outdir)}/: ${Object.entries(sizes)
          .map(([n, b]) => `${n} ${(b / 1024).toFixed(0)} KiB`)
          .join(", ")}`,
      ),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
