// The core must stay platform-free: checked by reading its imports and by the lint rule itself.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const coreDir = join(import.meta.dirname, "../../src/core");
const allowedPackages = new Set(["zod", "date-fns", "@noble/hashes"]);

function importsOf(source: string): string[] {
  return [
    ...source.matchAll(
      /(?:import|export)[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
}

describe("src/core dependency direction", () => {
  it("imports only other core modules and the allowed pure packages", () => {
    const offenders: string[] = [];
    for (const name of readdirSync(coreDir, { recursive: true }) as string[]) {
      if (!name.endsWith(".ts")) continue;
      for (const spec of importsOf(readFileSync(join(coreDir, name), "utf8"))) {
        // Core's stage folders (report/, sheet/ …) import each other by "../": still inside core.
        const relativeInCore =
          spec.startsWith(".") &&
          resolve(dirname(join(coreDir, name)), spec).startsWith(coreDir + sep);
        const pkg = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : spec.split("/")[0];
        if (!relativeInCore && !allowedPackages.has(pkg ?? "")) offenders.push(`${name}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  const eslint = new ESLint({ cwd: join(import.meta.dirname, "../..") });
  const lintCore = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(coreDir, "planted.ts") });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it.each([
    ['import { readFileSync } from "node:fs";\nreadFileSync("x");\n', "no-restricted-imports"],
    ['import path from "path";\npath.join("a");\n', "no-restricted-imports"],
    ['import { seedsDir } from "../node/seeds.js";\nseedsDir.at(0);\n', "no-restricted-imports"],
    ['import ExcelJS from "exceljs";\nExcelJS.toString();\n', "no-restricted-imports"],
    ["export const env = process.env;\n", "no-restricted-globals"],
    ["export const app = SpreadsheetApp.getActive();\n", "no-restricted-globals"],
    ["export const ctx = Excel.run;\n", "no-restricted-globals"],
    ["export const el = document.body;\n", "no-restricted-globals"],
  ])("the lint rule refuses %j in src/core", async (code, rule) => {
    expect(await lintCore(code)).toContain(rule);
  });

  it("the lint rule accepts a pure core module", async () => {
    expect(await lintCore('import { z } from "zod";\nexport const n = z.number();\n')).toEqual([]);
  });
});
