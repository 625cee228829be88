// The core must stay platform-free: checked by reading its imports and by the lint rule itself.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
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

// The stages, and what each may import besides itself (a folder, or one file of it): data flows
// text → plan → check → sheet → tracker → wire (the wire carries submissions to the tracker
// service), and the annual report reads the plan and the consolidation. The issues and their
// message catalogue are the words every stage speaks, so a plan may report in them too. A folder
// missing here is refused.
const mayImport: Record<string, readonly string[]> = {
  text: [],
  plan: ["text", "check/issues", "check/messages"],
  check: ["text", "plan"],
  sheet: ["text", "plan", "check"],
  tracker: ["text", "plan", "check", "sheet"],
  wire: ["text", "plan", "check", "tracker"],
  report: ["text", "plan", "check", "sheet", "tracker"],
};

/** Each import of a core file (path relative to src/core) into a folder its stage may not use. */
function stageOffences(graph: Record<string, readonly string[]>): string[] {
  const offences: string[] = [];
  for (const [file, specs] of Object.entries(graph)) {
    const folder = file.includes("/") ? file.split("/")[0]! : "";
    const allowed = mayImport[folder];
    if (!allowed) {
      offences.push(`${file}: not in a stage folder (${Object.keys(mayImport).join(", ")})`);
      continue;
    }
    for (const spec of specs) {
      if (!spec.startsWith(".")) continue;
      const target = normalize(join(dirname(file), spec))
        .split("\\")
        .join("/");
      const targetFolder = target.includes("/") ? target.split("/")[0]! : "";
      const targetModule = target.replace(/\.js$/u, "");
      if (
        targetFolder !== folder &&
        !allowed.includes(targetFolder) &&
        !allowed.includes(targetModule)
      )
        offences.push(
          `${file} → ${target} (${folder} may import ${[folder, ...allowed].join(", ")})`,
        );
    }
  }
  return offences;
}

function coreGraph(): Record<string, string[]> {
  const graph: Record<string, string[]> = {};
  for (const name of readdirSync(coreDir, { recursive: true }) as string[]) {
    if (!name.endsWith(".ts")) continue;
    graph[name.split("\\").join("/")] = importsOf(readFileSync(join(coreDir, name), "utf8"));
  }
  return graph;
}

describe("src/core stages", () => {
  it("every core file sits in a stage folder and imports only the stages before it", () => {
    expect(stageOffences(coreGraph())).toEqual([]);
  });

  it("refuses a planted backward import, and a file outside the stage folders", () => {
    const graph = {
      "text/parse-number.ts": ["./normalize-text.js"],
      "plan/period.ts": ["./template-schema.js", "../text/parse-date.js", "date-fns"],
      "plan/unit-history.ts": ["../check/issues.js", "../check/validate.js"],
      "check/validate.ts": ["../plan/period.js", "../sheet/layout.js"],
      "sheet/layout.ts": ["../check/messages.js", "../tracker/consolidate.js"],
      "wire/tracker-service.ts": ["../tracker/current-report.js", "../sheet/layout.js"],
      "helpers.ts": [],
    };
    expect(stageOffences(graph)).toEqual([
      "plan/unit-history.ts → check/validate.js (plan may import plan, text, check/issues, check/messages)",
      "check/validate.ts → sheet/layout.js (check may import check, text, plan)",
      "sheet/layout.ts → tracker/consolidate.js (sheet may import sheet, text, plan, check)",
      "wire/tracker-service.ts → sheet/layout.js (wire may import wire, text, plan, check, tracker)",
      "helpers.ts: not in a stage folder (text, plan, check, sheet, tracker, wire, report)",
    ]);
  });
});

describe("src/core dependency direction", () => {
  it("imports only other core modules and the allowed pure packages", () => {
    const offenders: string[] = [];
    for (const name of readdirSync(coreDir, { recursive: true }) as string[]) {
      if (!name.endsWith(".ts")) continue;
      for (const spec of importsOf(readFileSync(join(coreDir, name), "utf8"))) {
        const relativeInCore =
          spec.startsWith(".") && normalize(join(coreDir, dirname(name), spec)).startsWith(coreDir);
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
