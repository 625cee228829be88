// What the in-process benches share: a median timer and the plan header of a synthetic template.
import { performance } from "node:perf_hooks";

/** The median of `runs` timed calls (ms), after one untimed warm-up call. */
export function medianMs(fn: () => unknown, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Plan metadata for generated templates; benches measure indicators, not plan headers. */
export const syntheticPlan = {
  province: "P",
  issuer: "I",
  kind: "de-an",
  title: "T",
  horizon: 2030,
  sourceFile: "000_0123456789abcdef.txt",
} as const;
