// Lint rules, per folder: the core may import nothing platform-specific (DESIGN.md, "Architecture").
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

/** Everything `src/core` must never import: Node built-ins, shells, and platform packages. */
export const coreForbiddenImports = {
  paths: builtinModules.map((name) => ({
    name,
    message: "src/core chạy cả trong Excel và Apps Script / core runs in Excel and Apps Script too",
  })),
  patterns: [
    {
      group: ["node:*"],
      message: "src/core không dùng module Node / core imports no Node built-in",
    },
    {
      group: ["**/node/**", "**/excel/**", "**/appsscript/**", "../node", "../excel"],
      message: "src/core không phụ thuộc shell / core never imports a shell",
    },
    {
      group: [
        "exceljs",
        "better-sqlite3",
        "googleapis",
        "@microsoft/office-js",
        "commander",
        "hono",
        "@hono/*",
        "playwright-core",
      ],
      message: "src/core không dùng thư viện nền tảng / core imports no platform library",
    },
  ],
};

const platformGlobals = [
  "process",
  "Buffer",
  "require",
  "module",
  "__dirname",
  "window",
  "document",
  "navigator",
  "localStorage",
  "fetch",
  "Office",
  "Excel",
  "OfficeExtension",
  "SpreadsheetApp",
  "PropertiesService",
  "LockService",
  "ContentService",
  "HtmlService",
  "Utilities",
  "UrlFetchApp",
  "Session",
].map((name) => ({ name, message: `src/core không dùng ${name} / core uses no platform global` }));

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      ".tsbuild/**",
      "node_modules/**",
      "coverage/**",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["src/node/**/*.ts", "test/**/*.ts", "bench/**/*.{ts,js}", "scripts/**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreForbiddenImports],
      "no-restricted-globals": ["error", ...platformGlobals],
    },
  },
  {
    // Workbook bytes → grid runs in the page's worker and in Node: like core, no platform globals.
    files: ["src/workbook/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...platformGlobals] },
  },
  {
    files: ["src/web/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["src/web/worker/*.ts"],
    languageOptions: { globals: { ...globals.worker, ...globals.serviceworker } },
  },
  {
    // Apps Script: its services are globals; Node's built-ins and globals do not exist there (the
    // build refuses a built-in too), and the shell reaches other shells only through chitieu/1.
    files: ["appsscript/**/*.ts"],
    languageOptions: {
      globals: Object.fromEntries(
        [
          "SpreadsheetApp",
          "DocumentApp",
          "PropertiesService",
          "LockService",
          "ContentService",
          "HtmlService",
          "Utilities",
          "Session",
          "Charts",
          "ScriptApp",
          "Logger",
          "GoogleAppsScript",
        ].map((name) => [name, "readonly"]),
      ),
    },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "Apps Script has no Node built-ins",
          })),
          patterns: [
            { group: ["node:*"], message: "Apps Script has no Node built-ins" },
            {
              group: ["**/node/**", "**/excel/**", ...coreForbiddenImports.patterns[2].group],
              message: "appsscript/ imports core and pure packages only",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "process",
          "Buffer",
          "require",
          "module",
          "__dirname",
          "TextEncoder",
          "TextDecoder",
          "atob",
          "btoa",
          "crypto",
          "setTimeout",
          "setInterval",
          "fetch",
          "window",
          "document",
        ].map((name) => ({ name, message: `Apps Script has no ${name}` })),
      ],
    },
  },
  {
    // Pages that must also run in Internet Explorer's webview (old Office), built as ES5: esbuild
    // cannot lower let and const to ES5, so these files keep to var.
    files: ["src/excel/dialog/**/*.ts", "src/excel/boot/**/*.ts"],
    rules: { "no-var": "off" },
  },
  {
    // Reading a workbook's bytes will also run in a web page: no Node built-in, no Node global.
    files: ["src/node/xlsx-read/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "xlsx-read/ runs in a browser too / takes bytes, never the file system",
          })),
          patterns: [
            { group: ["node:*"], message: "xlsx-read/ runs in a browser too" },
            {
              group: ["../*.js", "../tracker/*", "../google/*", "../commands/*", "exceljs"],
              message: "xlsx-read/ imports core and pure packages only",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["process", "Buffer", "require", "module", "__dirname", "setImmediate"].map((name) => ({
          name,
          message: `xlsx-read/ runs in a browser too: no ${name}`,
        })),
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
