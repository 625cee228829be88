// test/ mirrors src/: every core module with runtime code has its own test file, named like it,
// under the same stage folder (a types-only module has nothing to run, so needs none).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const coreDir = join(import.meta.dirname, "../../src/core");
const testDir = import.meta.dirname;

/**
 * Whether a module leaves any JavaScript behind once its types are erased. A types-only module
 * (interfaces, type aliases, `import type`) compiles to nothing but `export {};`: TypeScript's own
 * transpiler decides, so a constant, a function or a zod schema always counts as runtime code.
 */
function hasRuntimeCode(source: string): boolean {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2020,
      verbatimModuleSyntax: true,
      removeComments: true,
    },
  });
  return outputText
    .split("\n")
    .map((line) => line.trim())
    .some((line) => line !== "" && line !== "export {};");
}

function modules(srcDir: string): string[] {
  return (readdirSync(srcDir, { recursive: true }) as string[])
    .map((name) => name.split("\\").join("/"))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort();
}

/** Modules (relative to srcDir) with runtime code and no <testsDir>/<same path>.test.ts. */
function untested(srcDir: string, testsDir: string): string[] {
  return modules(srcDir)
    .filter((name) => hasRuntimeCode(readFileSync(join(srcDir, name), "utf8")))
    .filter((name) => !existsSync(join(testsDir, name.replace(/\.ts$/u, ".test.ts"))));
}

describe("test/core mirrors src/core", () => {
  it("every core module with runtime code has test/core/<folder>/<module>.test.ts", () => {
    expect(untested(coreDir, testDir)).toEqual([]);
  });

  it("the modules let off are the types-only ones", () => {
    const typesOnly = modules(coreDir).filter(
      (name) => !hasRuntimeCode(readFileSync(join(coreDir, name), "utf8")),
    );
    expect(typesOnly).toEqual(["report/report-document.ts", "tracker/consolidation-types.ts"]);
  });

  it("names a planted module without a test, and lets a types-only one off", () => {
    const root = mkdtempSync(join(tmpdir(), "chitieu-mirror-"));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    file("src/text/tested.ts", "export const one = 1;\n");
    file("tests/text/tested.test.ts", "");
    file("src/plan/planted.ts", 'import { z } from "zod";\nexport const Id = z.string();\n');
    file(
      "src/plan/shapes.ts",
      'import type { Id } from "./planted.js";\nexport interface A { id: Id }\n',
    );
    // Named like a module, but in the wrong folder: not a mirror.
    file("tests/planted.test.ts", "");
    expect(untested(join(root, "src"), join(root, "tests"))).toEqual(["plan/planted.ts"]);
  });
});

describe("hasRuntimeCode", () => {
  it.each([
    ["export interface A { a: number }\nexport type B = A[];\n", false],
    ['import type { A } from "./a.js";\nexport type C = A;\n', false],
    ["export const A = 1;\n", true],
    ["export function f() { return 1; }\n", true],
    ["export enum E { A }\n", true],
    ['export { x } from "./x.js";\n', true],
  ])("%j: %s", (source, runtime) => {
    expect(hasRuntimeCode(source)).toBe(runtime);
  });
});
