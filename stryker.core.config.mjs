// Mutation testing of src/core against core's own tests only, without the TypeScript checker:
// `npm run mutate:core` fits a shared two-core machine where the whole `npm run mutate` does not.
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  mutate: ["src/core/**/*.ts"],
  vitest: { configFile: "vitest.stryker-core.config.ts" },
  // A mutant the compiler would refuse is then run like any other: most fail a test anyway.
  checkers: [],
  incrementalFile: "reports/stryker-core-incremental.json",
};
