// The SQLite store finds a unit's current report with one index lookup; it must be the report
// core's rule (current-report.ts) picks, whatever the signed times, their offsets and their order.
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { currentOf } from "../../../src/core/tracker/current-report.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { validReport } from "../../fixtures/reports.js";
import { suitePlan } from "../../protocol/servers.js";

const template = suitePlan();
const offsets = ["+07:00", "Z", "-05:00", "+00:00"];

/** The same instant or minutes apart, written with one of several offsets. */
const signedTime = fc
  .record({ minute: fc.integer({ min: 0, max: 5 }), offset: fc.constantFrom(...offsets) })
  .map(({ minute, offset }) => {
    const utc = Date.UTC(2025, 11, 5, 3, minute);
    const shift = offset === "Z" || offset === "+00:00" ? 0 : offset === "+07:00" ? 7 : -5;
    const local = new Date(utc + shift * 3_600_000).toISOString().slice(0, 19);
    return `${local}${offset}`;
  });

describe("SqliteStore.current", () => {
  it("is core's current report for any signed times in any order", () => {
    fc.assert(
      fc.property(fc.array(signedTime, { minLength: 1, maxLength: 6 }), (times) => {
        const store = openStore(mkdtempSync(join(tmpdir(), "chitieu-current-")));
        try {
          times.forEach((submittedAt, i) => {
            const submission = {
              ...validReport(template, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`),
              submittedAt,
            };
            store.append({
              submission,
              payload: JSON.stringify(submission),
              payloadHash: String(i),
              receivedAt: "2025-12-06T10:00:00.000+07:00",
              current: true,
              replaces: undefined,
            });
          });
          const rows = store.history({});
          const expected = currentOf(rows);
          expect(store.current(template.id, "STTTT", "2025")?.submissionId).toBe(
            expected?.submissionId,
          );
          expect(rows.filter((r) => r.current).map((r) => r.submissionId)).toEqual([
            expected?.submissionId,
          ]);
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
