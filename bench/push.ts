// Benchmark: requests and bytes of `chitieu push` for 1, 100 and 3,321 units, through the real
// googleapis client against the loopback fake Sheets API. Budget (DESIGN.md): ≤ 3 requests for a
// full push while it fits in 2 MB, every request ≤ 2 MB, chunked beyond.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { ReceivedSubmission } from "../src/core/tracker/consolidate.js";
import { consolidate } from "../src/core/tracker/consolidate.js";
import { tasksOf } from "../src/core/plan/reporting-duties.js";
import type { Submission } from "../src/core/check/submission-schema.js";
import type { Template } from "../src/core/plan/template-schema.js";
import { trackerTabs } from "../src/core/tracker/tracker-tabs.js";
import type { Unit } from "../src/core/plan/unit-schema.js";
import type { Clock } from "../src/node/google/backoff.js";
import { MAX_BODY_BYTES } from "../src/node/google/push-plan.js";
import { pushTabs, sizeText } from "../src/node/google/push.js";
import { connectSheets } from "../src/node/google/sheets-client.js";
import { findTemplate } from "../src/node/lookup.js";
import { startFakeSheets } from "../test/fakes/sheets-server.js";

const SIZES = (process.env.UNITS ?? "1,100,3321").split(",").map(Number);
const template = findTemplate("can-tho-2256");
const now = new Date("2025-12-20T03:00:00Z");

// Departments, then districts, then communes: the shape of a province before the 2025 merger.
function unitList(n: number): Unit[] {
  return Array.from({ length: n }, (_, i): Unit => {
    if (i < 30) return { code: `S${i}`, name: `Sở ${i}`, kind: "department", level: "province" };
    if (i < 130)
      return { code: `H${i}`, name: `UBND huyện ${i}`, kind: "district", level: "district" };
    return { code: `${30000 + i}`, name: `UBND xã ${i}`, kind: "commune", level: "commune" };
  });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function report(t: Template, unit: Unit, n: number, revision: number): ReceivedSubmission {
  const submission: Submission = {
    submissionId: uuid(n),
    planId: t.id,
    templateVersion: t.version,
    unit: unit.code,
    period: "2025",
    submittedAt: "2025-12-05T10:00:00.000+07:00",
    indicators: t.indicators.map((ind, i) => {
      const v = 50 + ((n * 7 + i * 13 + revision) % 50);
      if (ind.kind === "yes-no")
        return { indicatorId: ind.id, value: 1, evidence: "QĐ 12/QĐ-UBND" };
      return ind.numeratorLabel
        ? { indicatorId: ind.id, numerator: v, denominator: 100 }
        : {
            indicatorId: ind.id,
            value: v,
            note: v < 60 ? "Giải trình: thiếu kinh phí" : undefined,
          };
    }),
    tasks: tasksOf(t, unit).map((task, i) => ({
      taskId: task.id,
      status: (["done", "in-progress", "not-started"] as const)[(n + i) % 3]!,
      completedOn: (n + i) % 3 === 0 ? "2025-11-15" : null,
    })),
    budget: [],
  };
  return { submission, revision, receivedAt: `2025-12-0${1 + (n % 9)}T09:00:00.000+07:00` };
}

/** Quota waits are counted, not slept: the clock jumps ahead. */
function virtualClock(): Clock {
  let t = now.getTime();
  return {
    now: () => t,
    sleep: async (ms) => void (t += ms),
    random: Math.random,
  };
}

interface Row {
  units: number;
  push: string;
  requests: number;
  methods: string;
  sent: number;
  bodies: number;
  largest: number;
  waitMs: number;
  ms: number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  const units = unitList(size);
  const submissions = units.map((u, i) => report(template, u, i + 1, 1));
  const fake = await startFakeSheets();
  const { sheets } = await connectSheets({
    GOOGLE_APPLICATION_CREDENTIALS: fake.writeServiceAccountKey(
      mkdtempSync(join(tmpdir(), "chitieu-bench-")),
    ),
    CHITIEU_SHEETS_ROOT_URL: `${fake.url}/`,
  });
  const pushOnce = async (label: string) => {
    const consolidation = consolidate({ template, units, period: "2025", submissions, now });
    const tabs = trackerTabs({ template, consolidation, submissions });
    const before = fake.requests.length;
    const t0 = performance.now();
    const result = await pushTabs(sheets, tabs, {
      spreadsheetId: fake.spreadsheetId,
      dryRun: false,
      progress: () => {},
      clock: virtualClock(),
    });
    const ms = performance.now() - t0;
    const made = fake.requests.slice(before).filter((r) => r.endpoint !== "token");
    const failed = made.filter((r) => r.status !== 200);
    if (failed.length)
      throw new Error(`${label}: ${failed.map((r) => `${r.endpoint} ${r.status}`).join(", ")}`);
    const writes = made.filter((r) => r.endpoint === "values.batchUpdate");
    rows.push({
      units: size,
      push: label,
      requests: made.length,
      methods: (["get", "batchGet", "batchUpdate", "values.batchUpdate"] as const)
        .map((m) => result.requests[m])
        .join("/"),
      sent: made.reduce((s, r) => s + r.bytes, 0),
      bodies: writes.length,
      largest: Math.max(0, ...made.map((r) => r.bytes)),
      waitMs: result.waitedMs,
      ms,
    });
  };
  await pushOnce("first (empty sheet)");
  await pushOnce("repeat (no change)");
  submissions.push(report(template, units[0]!, size + 1, 2));
  await pushOnce("one new revision");
  await fake.close();
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `${pad("units", 7)}${pad("push", 21)}${pad("requests", 10)}${pad("get/batchGet/addSheet/values", 30)}${pad("sent", 10)}${pad("bodies", 8)}${pad("largest", 10)}${pad("quota wait", 12)}time`,
);
for (const r of rows) {
  console.log(
    `${pad(r.units.toLocaleString("en"), 7)}${pad(r.push, 21)}${pad(String(r.requests), 10)}${pad(r.methods, 30)}${pad(r.sent ? sizeText(r.sent) : "0", 10)}${pad(String(r.bodies), 8)}${pad(r.largest ? sizeText(r.largest) : "0", 10)}${pad(`${(r.waitMs / 1000).toFixed(0)} s`, 12)}${r.ms.toFixed(0)} ms`,
  );
}
const fitting = rows.filter((r) => r.push.startsWith("first") && r.sent <= MAX_BODY_BYTES);
const within =
  fitting.every((r) => r.requests <= 3) && rows.every((r) => r.largest <= MAX_BODY_BYTES);
console.log(
  `budget (≤ 3 requests while a full push fits in 2 MB; every request ≤ 2 MB)  ${within ? "within" : "OVER"}`,
);
console.log(
  "quota wait: time a real push spends paced under 50 writes/minute (counted, not slept here)",
);
