// Bundles appsscript/src (and the core it imports) into the one file Apps Script runs,
// dist/appsscript/Code.js, with the manifest next to it: `npm run gas:build`.
import * as esbuild from "esbuild";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the IIFE leaves the entry's exports; the top-level stubs call through it. */
export const GLOBAL_NAME = "__chitieu";

/**
 * The Apps Script V8 runtime Google documents only as "modern ECMAScript"
 * (https://developers.google.com/apps-script/guides/v8-runtime), without a version: ES2020 is what
 * the bundle claims, and what core and this shell type-check against (their tsconfig `lib`).
 */
export const TARGET = "es2020";

/**
 * Built-ins newer than TARGET that the bundle brings itself, each with the banner that adds it
 * where missing: @noble/hashes calls Object.hasOwn (ES2022), and esbuild lowers syntax only.
 */
export const POLYFILLS = {
  "Object.hasOwn":
    'if(typeof Object.hasOwn!=="function")Object.defineProperty(Object,"hasOwn",{value:function(o,k){return Object.prototype.hasOwnProperty.call(Object(o),k)},configurable:true,writable:true});',
};

/** Apps Script has no Node: an import of a built-in anywhere in the graph fails the build. */
const noNodeBuiltins = {
  name: "no-node-builtins",
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!args.path.startsWith("node:") && !builtins.has(args.path)) return undefined;
      return {
        errors: [
          {
            text: `Apps Script has no Node built-ins: "${args.path}" is imported by ${args.importer}`,
          },
        ],
      };
    });
  },
};

/**
 * `virtual:chitieu-seeds`: every seeds/*.json template, embedded as JSON; `virtual:chitieu-measures`
 * the same for seeds/measures/*.json (which indicators of different plans measure the same thing).
 */
function seedsPlugin(seedsDir, name = "chitieu-seeds") {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^virtual:${name}$`) }, () => ({
        path: `virtual:${name}`,
        namespace: name,
      }));
      build.onLoad({ filter: /.*/, namespace: name }, async () => {
        const files = (await readdir(seedsDir)).filter((f) => f.endsWith(".json")).sort();
        const imports = files.map(
          (f, i) => `import t${i} from ${JSON.stringify(join(seedsDir, f))};`,
        );
        return {
          contents: `${imports.join("\n")}\nexport default [${files.map((_, i) => `t${i}`).join(", ")}];\n`,
          loader: "js",
          resolveDir: seedsDir,
          watchFiles: files.map((f) => join(seedsDir, f)),
        };
      });
    },
  };
}

function options(seedsDir) {
  return {
    bundle: true,
    platform: "neutral",
    target: TARGET,
    mainFields: ["module", "main"],
    conditions: ["import", "default"],
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    write: false,
    plugins: [
      noNodeBuiltins,
      seedsPlugin(seedsDir),
      seedsPlugin(join(seedsDir, "measures"), "chitieu-measures"),
    ],
  };
}

/** Only top-level function declarations are visible to Apps Script (menus, triggers, doPost). */
function stubs(names) {
  return names
    .map(
      (name) =>
        `function ${name}() {\n  return globalThis.${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`,
    )
    .join("\n");
}

async function writeAtomically(file, text) {
  // Parallel test workers build at once: a reader sees the old file or the new one, never half.
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * Builds Code.js and returns it. Two passes over the same graph: an ES module one that names the
 * entry's exports, and the IIFE Apps Script runs, which puts them on globalThis.
 */
export async function buildAppsScript({
  entry = join(root, "appsscript/src/main.ts"),
  outDir = join(root, "dist/appsscript"),
  seedsDir = join(root, "seeds"),
  manifest = join(root, "appsscript/appsscript.json"),
} = {}) {
  const base = options(seedsDir);
  const probe = await esbuild.build({
    ...base,
    entryPoints: [entry],
    format: "esm",
    metafile: true,
    outdir: outDir,
  });
  const output = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  const names = [...(output?.exports ?? [])].sort();
  const invalid = names.filter((n) => !/^[A-Za-z_$][\w$]*$/u.test(n) || n === "default");
  if (names.length === 0 || invalid.length > 0) {
    throw new Error(`entry must export named functions only; found ${JSON.stringify(names)}`);
  }
  const bundle = await esbuild.build({
    ...base,
    stdin: {
      contents: `import * as api from ${JSON.stringify(entry)};\nglobalThis.${GLOBAL_NAME} = Object.freeze({ ...api });\n`,
      resolveDir: dirname(entry),
      sourcefile: "appsscript-entry.js",
      loader: "js",
    },
    format: "iife",
    banner: { js: Object.values(POLYFILLS).join("") },
    // Whitespace and syntax only: names stay, so an error in the Apps Script log still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    outfile: join(outDir, "Code.js"),
  });
  const body = bundle.outputFiles[0]?.text ?? "";
  const code =
    "// chitieu for Google Apps Script, built by scripts/build-appsscript.mjs from appsscript/src: do not edit.\n" +
    `${body}\n${stubs(names)}\n`;
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, "Code.js");
  await writeAtomically(file, code);
  await writeAtomically(join(outDir, "appsscript.json"), await readFile(manifest, "utf8"));
  return { file, code, functions: names };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildAppsScript().then(
    ({ file, code, functions }) =>
      console.log(
        `${file}: ${Math.round(Buffer.byteLength(code, "utf8") / 1000)} KB, ${functions.length} functions: ${functions.join(", ")}`,
      ),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
