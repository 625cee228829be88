// The tests `npm run mutate:core` runs against mutants of src/core: core's own tests, which should
// catch a wrong rule without help from the tracker's or the shells' tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts"],
    // lints src/core's text, which Stryker's instrumentation rewrites
    exclude: ["test/core/dependency-rule.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
