// Benchmark: sustained submissions/s and p50/p99 latency of `chitieu serve` with 50 concurrent
// clients on loopback, alone and while 10 consolidators reload the page. Budget (DESIGN.md):
// ≥ 200 submissions/s, p99 < 200 ms, the same with page readers. Run after `npm run build`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Template } from "../src/core/plan/template-schema.js";
import type { Unit } from "../src/core/plan/unit-schema.js";
import { loadSeedTemplates } from "../src/node/seeds.js";
import { percentile, runLoad } from "../test/fixtures/load.js";
import { prepareTracker, startTracker } from "../test/fixtures/tracker-process.js";

const CLIENTS = 50;
const READERS = 10;
const TOTAL = Number(process.env.TOTAL ?? 3000);
const PACE = 250;
const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256") as Template;
const units: Unit[] = Array.from({ length: CLIENTS }, (_, i) => ({
  code: `U${String(i).padStart(2, "0")}`,
  name: `UBND quận thử nghiệm ${i}`,
  kind: "district",
  level: "district",
}));
const keyOf = (u: Unit) =>
  u.code
    .toLowerCase()
    .padEnd(64, "0")
    .replace(/[^0-9a-f]/gu, "a");

const dataDir = mkdtempSync(join(tmpdir(), "chitieu-bench-"));
const { credential } = prepareTracker(dataDir, units, keyOf);
const tracker = await startTracker(dataDir);
// The page shows every unit's figures: the readers sign in as a consolidator would.
await tracker.signIn(credential);
try {
  // Warm-up: the first requests compile the hot paths.
  await runLoad({
    url: tracker.url,
    template,
    units,
    keyOf,
    clients: CLIENTS,
    total: 200,
    maxMs: 30_000,
  });
  const report = (label: string, load: Awaited<ReturnType<typeof runLoad>>) => {
    const rate = load.acknowledged.size / (load.elapsedMs / 1000);
    const p50 = percentile(load.latenciesMs, 50);
    const p99 = percentile(load.latenciesMs, 99);
    console.log(`${label}`);
    console.log(
      `  acknowledged      ${load.acknowledged.size} of ${TOTAL}, failures ${load.failures}`,
    );
    console.log(`  throughput        ${rate.toFixed(0)} submissions/s`);
    console.log(`  latency p50 / p99 ${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms`);
    return { rate, p99 };
  };
  console.log(
    `plan                ${template.id} (${template.indicators.length} indicators, district reports), ${CLIENTS} clients`,
  );
  // Unpaced: every client sends as soon as its answer comes back. Latency here is queueing:
  // 50 requests in flight at N/s wait about 50/N s each (Little's law).
  const max = report(
    "as fast as the tracker answers (closed loop)",
    await runLoad({
      url: tracker.url,
      template,
      units,
      keyOf,
      clients: CLIENTS,
      total: TOTAL,
      maxMs: 60_000,
    }),
  );
  // Paced at the budget's rate, with 50 clients: the latency an officer sees at that load.
  const paced = report(
    `paced at ${PACE}/s`,
    await runLoad({
      url: tracker.url,
      template,
      units,
      keyOf,
      clients: CLIENTS,
      total: TOTAL,
      maxMs: 60_000,
      rate: PACE,
    }),
  );
  // The same paced load while consolidators reload the page of the very plan and period written.
  const pageUrl = `${tracker.url}/plans/${template.id}/2025`;
  const page = { loads: 0, latenciesMs: [] as number[], failures: 0 };
  let reading = true;
  const reader = async () => {
    while (reading) {
      const t0 = performance.now();
      const response = await fetch(pageUrl, { headers: tracker.readHeaders });
      await response.text();
      if (response.status === 200) {
        page.loads++;
        page.latenciesMs.push(performance.now() - t0);
      } else page.failures++;
    }
  };
  const readers = Array.from({ length: READERS }, reader);
  const revisions = (await (await fetch(`${tracker.url}/api/status`)).json()) as {
    submissions: number;
  };
  const underReaders = report(
    `paced at ${PACE}/s while ${READERS} clients reload the page (${revisions.submissions} revisions stored)`,
    await runLoad({
      url: tracker.url,
      template,
      units,
      keyOf,
      clients: CLIENTS,
      total: TOTAL,
      maxMs: 60_000,
      rate: PACE,
    }),
  );
  reading = false;
  await Promise.all(readers);
  console.log(
    `  page loads        ${page.loads} (failures ${page.failures}), p50 / p99 ${percentile(page.latenciesMs, 50).toFixed(1)} ms / ${percentile(page.latenciesMs, 99).toFixed(1)} ms`,
  );
  console.log(
    `  p99 ratio         ${(underReaders.p99 / paced.p99).toFixed(1)}× the p99 without readers`,
  );
  console.log(
    `budget ≥ 200/s: ${max.rate >= 200 ? "within" : "OVER"} (max ${max.rate.toFixed(0)}/s); p99 < 200 ms at ${PACE}/s: ${paced.p99 < 200 ? "within" : "OVER"}; with readers: ${underReaders.p99 < 200 ? "within" : "OVER"}`,
  );
} finally {
  await tracker.stop();
}
