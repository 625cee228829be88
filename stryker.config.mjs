// Mutation testing of the core and the self-hosted tracker: `npm run mutate` (slow, so not in CI).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: ["src/core/**/*.ts", "src/node/tracker/**/*.ts"],
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // Mutants in module-level code (the message catalogue, zod schemas, constant tables) would each
  // need the whole suite re-run in a fresh process: hours here. They are reported as ignored.
  ignoreStatic: true,
  // The machine is shared; two test processes are what it can spare.
  concurrency: 2,
  timeoutMS: 10_000,
  // Reuses the last run's results for mutants whose code and covering tests did not change
  // (`npm run mutate -- --force` tests every mutant again).
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
};
