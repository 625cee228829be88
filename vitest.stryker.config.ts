// The tests Stryker runs against mutants of src/core and src/node/tracker: those that import them
// in-process (a spawned `dist/` tracker or the Apps Script bundle cannot see a mutant).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/core/**/*.test.ts",
      "test/node/tracker/**/*.test.ts",
      "test/protocol/serve.test.ts",
    ],
    exclude: [
      // spawns the built CLI from dist/, which holds no mutant
      "test/node/tracker/reliability.test.ts",
      // lints src/core's text, which Stryker's instrumentation rewrites
      "test/core/dependency-rule.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
