// test/ mirrors src/: every core module with runtime code has its own test file, named like it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const coreDir = join(import.meta.dirname, "../../src/core");
const testDir = import.meta.dirname;

/**
 * Whether a module leaves any JavaScript behind once its types are erased: a types-only module
 * (zod-free interfaces and type aliases) compiles to nothing but `export {};`, and needs no test of
 * its own. Type-only imports are `import type` (verbatimModuleSyntax), so they vanish too.
 */
export function hasRuntimeCode(source: string): boolean {
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

/** Core modules (relative to src/core) with runtime code and no test/core/<same path>.test.ts. */
function untested(): string[] {
  return (readdirSync(coreDir, { recursive: true }) as string[])
    .map((name) => name.split("\\").join("/"))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .filter((name) => hasRuntimeCode(readFileSync(join(coreDir, name), "utf8")))
    .filter((name) => !existsSync(join(testDir, name.replace(/\.ts$/u, ".test.ts"))))
    .sort();
}

describe("test/core mirrors src/core", () => {
  it("every core module with runtime code has test/core/<folder>/<module>.test.ts", () => {
    expect(untested()).toEqual([]);
  });
});
