// The shipped bundles hold to the runtimes they claim: no syntax or built-in above each bundle's
// target in dist/addin and dist/appsscript (eslint-plugin-es-x reads the bundles esbuild wrote),
// except what the bundle polyfills or what the add-in's boot check refuses a webview without.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { ESLint, type Linter } from "eslint";
import esx from "eslint-plugin-es-x";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_TARGETS, buildAddin } from "../../scripts/build-addin.mjs";

const repo = join(import.meta.dirname, "../..");

interface AppsScriptBuild {
  TARGET: string;
  POLYFILLS: Record<string, string>;
  buildAppsScript(options: { outDir: string }): Promise<{ code: string }>;
}
const appsScriptBuild = (): Promise<AppsScriptBuild> =>
  import(join(repo, "scripts/build-appsscript.mjs")) as Promise<AppsScriptBuild>;

type Target = "es5" | "es2017" | "es2020";
const restrictTo = (target: string): Linter.Config => {
  const config = (esx.configs as Record<string, Linter.Config | undefined>)[
    `flat/restrict-to-${target}`
  ];
  if (!config) throw new Error(`eslint-plugin-es-x has no restrict-to-${target}`);
  return config;
};

/** One feature above the target: the es-x rule, its message, and the line of the bundle. */
interface Finding {
  rule: string;
  message: string;
  line: number;
}

/**
 * Everything above `target` in `code`, in two passes. The first is es-x as configured: syntax,
 * globals, static methods (`Object.hasOwn`), regular expressions, and prototype methods where it can
 * see the receiver's type (`[].at(-1)`). Minified code rarely shows a type, so the second pass has
 * es-x report every call of a prototype method's name (its "aggressive" mode) and keeps the calls
 * only, not reads of a property of that name (`a.at > b.at`). Iterator helpers (ES2025) share their
 * names with the array methods (`map`, `filter`), so they are left to the type check: no `lib` in
 * this project declares them.
 */
async function featuresAbove(
  target: Target,
  code: string,
  sourceType: "script" | "module" = "script",
): Promise<Finding[]> {
  const config = restrictTo(target);
  const languageOptions = { ecmaVersion: "latest", sourceType } as const;
  const lint = async (overrideConfig: Linter.Config) => {
    const eslint = new ESLint({ cwd: tmpdir(), overrideConfigFile: true, overrideConfig });
    const [result] = await eslint.lintText(code);
    if (!result) throw new Error("eslint returned no result");
    const fatal = result.messages.filter((m) => m.fatal);
    if (fatal.length > 0) throw new Error(`bundle does not parse: ${fatal[0]?.message}`);
    return result.messages;
  };
  const typed = await lint({ ...config, languageOptions });
  const methodRules = Object.fromEntries(
    Object.keys(config.rules ?? {})
      .filter((rule) => /-prototype-/u.test(rule) && !rule.startsWith("es-x/no-iterator-"))
      .map((rule) => [rule, "error" as const]),
  );
  const lines = code.split("\n");
  const calledAt = (line: number, column: number): boolean =>
    /^\.?[\w$]+\s*\(/u.test(lines[line - 1]?.slice(column - 1) ?? "");
  const untyped = (
    await lint({
      plugins: config.plugins ?? {},
      rules: methodRules,
      languageOptions,
      settings: { "es-x": { aggressive: true } },
    })
  ).filter((m) => / method is forbidden/u.test(m.message) && calledAt(m.line, m.column));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const m of [...typed, ...untyped]) {
    const key = `${m.ruleId} ${m.line}:${m.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ rule: m.ruleId ?? "", message: m.message, line: m.line });
  }
  return findings;
}

/** The es-x rule each feature the add-in's boot check names is reported under. */
const BOOT_FEATURES: Record<string, string> = {
  "es-x/no-global-this": "globalThis",
  "es-x/no-array-prototype-at": "Array.prototype.at",
  "es-x/no-array-prototype-flat": "Array.prototype.flatMap",
  "es-x/no-object-hasown": "Object.hasOwn",
  "es-x/no-object-fromentries": "Object.fromEntries",
  "es-x/no-string-prototype-trimstart-trimend": "String.prototype.trimStart",
  "es-x/no-bigint": "BigInt",
  "es-x/no-regexp-unicode-property-escapes": "RegExp Unicode property escapes",
  "es-x/no-regexp-unicode-property-escapes-2019": "RegExp Unicode property escapes",
  // Only boot.js, whose probe for property escapes needs the flag (ES2017 has it).
  "es-x/no-regexp-u-flag": "RegExp Unicode property escapes",
};

/** The names boot/boot.ts checks for (`need("…", …)` and `missing.push("…")`). */
function bootChecks(): Set<string> {
  const source = readFileSync(join(repo, "src/excel/boot/boot.ts"), "utf8");
  return new Set(
    [...source.matchAll(/(?:need|missing\.push)\(\s*"([^"]+)"/gu)].map((m) => m[1] as string),
  );
}

/**
 * Every core module bundled on its own, its packages left out, lowered to ES2020 as the Apps Script
 * build lowers it: what core itself calls, which no polyfill or boot check may excuse.
 */
async function coreAlone(): Promise<string> {
  const coreDir = join(repo, "src/core");
  const modules = (readdirSync(coreDir, { recursive: true }) as string[])
    .filter((name) => name.endsWith(".ts"))
    .sort();
  const result = await esbuild.build({
    stdin: {
      contents: modules.map((m, i) => `export * as m${i} from "./${m}";`).join("\n"),
      resolveDir: coreDir,
      loader: "ts",
    },
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "neutral",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the bundles hold to their targets", () => {
  let addinDir = "";
  let appsScript = "";
  let core = "";
  let gas: AppsScriptBuild;

  // Built here from the sources, as `npm run prepare` and `npm run gas:build` build dist/addin and
  // dist/appsscript (same scripts, same options), so a stale dist/ cannot hide a new feature.
  beforeAll(async () => {
    gas = await appsScriptBuild();
    addinDir = mkdtempSync(join(tmpdir(), "chitieu-targets-addin-"));
    await buildAddin({ outdir: addinDir });
    appsScript = (
      await gas.buildAppsScript({ outDir: mkdtempSync(join(tmpdir(), "chitieu-targets-gas-")) })
    ).code;
    core = await coreAlone();
  }, 240_000);

  it("core on its own: nothing above ES2020, polyfilled or not", async () => {
    expect(core).toContain("function parseNumber(");
    expect(await featuresAbove("es2020", core, "module")).toEqual([]);
  }, 240_000);

  it("the add-in's targets are ES2017 for the task pane and ribbon, ES5 for boot and dialog", () => {
    expect(BUNDLE_TARGETS).toEqual({
      "taskpane.js": "es2017",
      "commands.js": "es2017",
      "boot.js": "es5",
      "dialog.js": "es5",
    });
  });

  it("Apps Script's Code.js: nothing above ES2020 but what its banner polyfills", async () => {
    expect(gas.TARGET).toBe("es2020");
    const polyfilled = new Set(Object.keys(gas.POLYFILLS));
    for (const banner of Object.values(gas.POLYFILLS)) expect(appsScript).toContain(banner);
    const findings = await featuresAbove("es2020", appsScript);
    // Each polyfilled built-in is really there (or its polyfill is dead weight), and nothing else is.
    expect(new Set(findings.map((f) => f.message.match(/'([^']+)'/u)?.[1]))).toEqual(polyfilled);
  }, 240_000);

  // boot.js itself reads each feature it checks for (`typeof Object.hasOwn`), which the scan sees.
  it.each(["taskpane.js", "commands.js", "boot.js"])(
    "the add-in's %s: its target's syntax, and only built-ins the boot check asks the webview for",
    async (file) => {
      const target = BUNDLE_TARGETS[file] as Target;
      const findings = await featuresAbove(target, readFileSync(join(addinDir, file), "utf8"));
      const checked = bootChecks();
      const unchecked = findings.filter((f) => !checked.has(BOOT_FEATURES[f.rule] ?? ""));
      expect(unchecked).toEqual([]);
    },
    240_000,
  );

  it("the add-in's dialog.js: nothing above ES5", async () => {
    expect(BUNDLE_TARGETS["dialog.js"]).toBe("es5");
    expect(await featuresAbove("es5", readFileSync(join(addinDir, "dialog.js"), "utf8"))).toEqual(
      [],
    );
  });
});

describe("the scan itself", () => {
  it.each([
    ["[].at(-1)", "es-x/no-array-prototype-at"],
    ["rows.at(-1)", "es-x/no-array-prototype-at"],
    ["Object.hasOwn(o, 'k')", "es-x/no-object-hasown"],
    ["s.replaceAll('a', 'b')", "es-x/no-string-prototype-replaceall"],
    ["a ??= 1", "es-x/no-logical-assignment-operators"],
  ])("finds %s above ES2020", async (code, rule) => {
    const findings = await featuresAbove("es2020", `var a, o = {}, s = "", rows = [];\n${code};\n`);
    expect(findings.map((f) => f.rule)).toContain(rule);
  });

  it("does not take a read of a property named like a method for a call", async () => {
    expect(
      await featuresAbove("es2020", "var a = { at: 1 }, b = { at: 2 };\na.at > b.at;\n"),
    ).toEqual([]);
  });
});
