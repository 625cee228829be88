// chitieu/1 as both trackers must speak it: one suite, registered once per server under test
// (serve.test.ts: `chitieu serve` over HTTP; appsscript.test.ts: the Apps Script bundle's doPost).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Answer, ErrorCode } from "../../src/core/wire/protocol.js";
import {
  Answer as AnswerSchema,
  errorAnswer,
  MAX_BODY_BYTES,
  PROTOCOL,
  staleNotice,
} from "../../src/core/wire/protocol.js";
import { planYears } from "../../src/core/plan/plan-years.js";
import { sign } from "../../src/core/wire/signature.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import type { Submission } from "../../src/core/check/submission-schema.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";

/** The tracker every server under test is set up as: one plan, two units, one of them with a key. */
export const SUITE_PLAN = "can-tho-kh-2025";
export const SUITE_PERIOD = "2025";
export const SUITE_KEY = "5e".repeat(32);
/** On the unit list but never given a key: it cannot submit. */
export const UNKEYED_UNIT: Unit = {
  code: "Q-NINHKIEU",
  name: "UBND quận Ninh Kiều",
  kind: "district",
  level: "district",
};
export const SUITE_UNITS: readonly Unit[] = [reportingUnit, UNKEYED_UNIT];
export const SUITE_KEYS: Readonly<Record<string, string>> = { [reportingUnit.code]: SUITE_KEY };

export interface ServerUnderTest {
  /** Posts a text/plain body to the submit address and answers the parsed JSON. */
  post(body: string): Promise<Answer>;
  /** Submissions stored, whatever their plan, unit or period. */
  storedCount(): Promise<number>;
  /** The revision the tracker's consolidation counts for the unit in the suite's plan and period. */
  currentRevision(unit: string): Promise<number | null>;
  /** What the tracker shows of each stored submission: current (true) or superseded (false). */
  currentBySubmission(): Promise<Record<string, boolean>>;
  /** Back to an empty tracker set up as above. */
  reset?(): Promise<void>;
}

const code = { url: "https://tracker.invalid/submit", unit: reportingUnit.code, key: SUITE_KEY };
export const bodyOf = (s: Submission) => envelopeFor(s, code).body;
const envelope = (payload: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    protocol: PROTOCOL,
    unit: reportingUnit.code,
    payload,
    signature: sign(payload, SUITE_KEY),
    ...over,
  });

/** The requests every server must refuse, each with the code both answer and nothing stored. */
export function refusals(template: Template): [string, () => string, ErrorCode][] {
  const report = () => validReport(template, randomUUID());
  return [
    ["malformed JSON", () => bodyOf(report()).slice(0, -1), "bad-request"],
    [
      "a missing signature",
      () => JSON.stringify({ ...JSON.parse(bodyOf(report())), signature: undefined }),
      "bad-request",
    ],
    [
      "another protocol version",
      () => JSON.stringify({ ...JSON.parse(bodyOf(report())), protocol: "chitieu/2" }),
      "unsupported-protocol",
    ],
    [
      "a forged signature",
      () => {
        const payload = JSON.stringify(report());
        return envelope(payload, { signature: sign(payload, "f".repeat(64)) });
      },
      "bad-signature",
    ],
    [
      "a payload changed after signing",
      () => {
        const e = JSON.parse(bodyOf(report())) as { payload: string };
        return JSON.stringify({
          ...e,
          payload: e.payload.replace('"period":"2025"', '"period":"2024"'),
        });
      },
      "bad-signature",
    ],
    [
      "an unknown unit",
      () => envelope(JSON.stringify({ ...report(), unit: "XYZ" }), { unit: "XYZ" }),
      "unknown-unit",
    ],
    [
      "a listed unit that has no key",
      () => {
        const payload = JSON.stringify(validReport(template, randomUUID(), UNKEYED_UNIT));
        return envelope(payload, { unit: UNKEYED_UNIT.code, signature: sign(payload, SUITE_KEY) });
      },
      "unknown-unit",
    ],
    ["a payload that is not JSON", () => envelope("{not json"), "invalid-submission"],
    [
      "a payload missing fields",
      () => envelope(JSON.stringify({ ...report(), period: undefined })),
      "invalid-submission",
    ],
    [
      "a payload for another unit",
      () => envelope(JSON.stringify({ ...report(), unit: UNKEYED_UNIT.code })),
      "unit-mismatch",
    ],
    [
      "a plan this tracker does not follow",
      () => envelope(JSON.stringify({ ...report(), planId: "khac" })),
      "unknown-template",
    ],
    [
      "a template version no longer accepted",
      () => envelope(JSON.stringify({ ...report(), templateVersion: template.version + 1 })),
      "template-version",
    ],
    [
      "a period far outside the plan's years",
      () => envelope(JSON.stringify({ ...report(), period: "2099" })),
      "validation-failed",
    ],
    [
      "an oversized body",
      () => `{"protocol":"chitieu/1","pad":"${"x".repeat(MAX_BODY_BYTES)}"}`,
      "payload-too-large",
    ],
  ];
}

/** A report the core refuses: a required share with its numerator above its denominator. */
export function invalidReport(template: Template): { body: string; indicatorId: string } {
  const report = validReport(template, randomUUID());
  const entry = report.indicators.find(
    (e) => e.numerator !== undefined && e.denominator !== undefined,
  );
  if (!entry) throw new Error("the suite's plan needs an indicator reported as a share");
  entry.numerator = entry.denominator! + 1;
  return { body: bodyOf(report), indicatorId: entry.indicatorId };
}

const messageOf = (code: ErrorCode) => {
  const answer = errorAnswer(code);
  return answer.ok ? "" : answer.error.message;
};

const staleMessage = (() => {
  const answer = staleNotice({ submissionId: "x", revision: 1, submittedAt: "" });
  return answer.message;
})();

const ISO_VIETNAM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/u;

export function chitieu1Suite(name: string, server: ServerUnderTest, plan: Template): void {
  const template = () => plan;
  describe(`chitieu/1: ${name}`, () => {
    beforeEach(async () => {
      await server.reset?.();
    });

    const accepted = async (body: string) => {
      const answer = await server.post(body);
      expect(AnswerSchema.parse(answer)).toEqual(answer);
      if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer.error)}`);
      return answer.receipt;
    };

    it("stores a valid submission and answers receipt revision 1", async () => {
      const report = validReport(template(), randomUUID());
      const before = await server.storedCount();
      const receipt = await accepted(bodyOf(report));
      expect(receipt).toEqual({
        submissionId: report.submissionId,
        revision: 1,
        receivedAt: expect.stringMatching(ISO_VIETNAM),
        duplicate: false,
      });
      expect(await server.storedCount()).toBe(before + 1);
    });

    it("answers the first receipt for the same id and bytes, storing nothing", async () => {
      const body = bodyOf(validReport(template(), randomUUID()));
      const first = await accepted(body);
      const count = await server.storedCount();
      expect(await accepted(body)).toEqual({ ...first, duplicate: true });
      expect(await server.storedCount()).toBe(count);
    });

    it("refuses the same id with other bytes as a conflict, storing nothing", async () => {
      const report = validReport(template(), randomUUID());
      await accepted(bodyOf(report));
      const count = await server.storedCount();
      report.indicators[0]!.note = "sửa sau khi gửi";
      const answer = await server.post(bodyOf(report));
      expect(answer).toEqual(errorAnswer("conflict", { submissionId: report.submissionId }));
      expect(await server.storedCount()).toBe(count);
    });

    it("makes a new id for the same unit and period revision 2", async () => {
      await accepted(bodyOf(validReport(template(), randomUUID())));
      const second = validReport(template(), randomUUID());
      const receipt = await accepted(bodyOf(second));
      expect(receipt).toMatchObject({
        submissionId: second.submissionId,
        revision: 2,
        duplicate: false,
      });
      expect(await server.storedCount()).toBe(2);
    });

    it("keeps the report signed last current: one signed earlier but sent later is stored, answered as older, and never counts", async () => {
      const newer = validReport(template(), randomUUID());
      newer.submittedAt = "2025-12-05T10:00:00.000+07:00";
      const older = validReport(template(), randomUUID());
      older.submittedAt = "2025-12-01T08:00:00.000+07:00";
      await accepted(bodyOf(newer));
      const receipt = await accepted(bodyOf(older));
      const stale = {
        code: "older-than-current",
        message: staleMessage,
        current: { submissionId: newer.submissionId, revision: 1, submittedAt: newer.submittedAt },
      };
      expect(receipt).toEqual({
        submissionId: older.submissionId,
        revision: 2,
        receivedAt: expect.stringMatching(ISO_VIETNAM),
        duplicate: false,
        stale,
      });
      expect(await server.storedCount()).toBe(2);
      expect(await server.currentRevision(reportingUnit.code)).toBe(1);
      expect(await server.currentBySubmission()).toEqual({
        [newer.submissionId]: true,
        [older.submissionId]: false,
      });
      expect(await accepted(bodyOf(older))).toEqual({ ...receipt, duplicate: true });

      // A report signed after both replaces the current one, not the last one stored.
      const latest = validReport(template(), randomUUID());
      latest.submittedAt = "2025-12-06T10:00:00.000+07:00";
      const third = await accepted(bodyOf(latest));
      expect(third).toMatchObject({ revision: 3, duplicate: false });
      expect(third).not.toHaveProperty("stale");
      expect(await server.currentRevision(reportingUnit.code)).toBe(3);
      expect(await server.currentBySubmission()).toEqual({
        [newer.submissionId]: false,
        [older.submissionId]: false,
        [latest.submissionId]: true,
      });
    });

    it.each(refusals(template()))(
      "refuses %s with its error code, storing nothing",
      async (_what, make, errorCode) => {
        const before = await server.storedCount();
        const answer = await server.post(make());
        expect(AnswerSchema.parse(answer)).toEqual(answer);
        expect(answer).toMatchObject({
          ok: false,
          error: { code: errorCode, message: messageOf(errorCode) },
        });
        expect(await server.storedCount()).toBe(before);
      },
    );

    it("refuses periods far outside the plan, naming the plan's years", async () => {
      for (const period of ["2000", "2099"]) {
        const answer = await server.post(
          envelope(JSON.stringify({ ...validReport(template(), randomUUID()), period })),
        );
        expect(answer).toMatchObject({
          ok: false,
          error: {
            code: "validation-failed",
            details: {
              issues: [
                expect.objectContaining({
                  code: "period-outside-plan",
                  message: expect.objectContaining({
                    en: expect.stringContaining(`(${planYears(template()).first}–2025)`),
                  }),
                }),
              ],
            },
          },
        });
      }
      expect(await server.storedCount()).toBe(0);
    });

    it("refuses a report with errors, naming each issue where it is, storing nothing", async () => {
      const { body, indicatorId } = invalidReport(template());
      const answer = await server.post(body);
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: "validation-failed",
          details: {
            issues: expect.arrayContaining([
              expect.objectContaining({
                code: "numerator-exceeds-denominator",
                severity: "error",
                location: expect.objectContaining({ indicatorId, field: "numerator" }),
              }),
            ]),
          },
        },
      });
      expect(await server.storedCount()).toBe(0);
    });
  });
}

/**
 * What the two servers' answers must share exactly. Receipts differ only in the time they were
 * stamped. An oversized body never reaches processPost on `chitieu serve`: Fastify's body limit
 * refuses it first and server.ts's error handler answers without processPost's `{limit}` details,
 * so for that one code the details are left out of the comparison.
 */
export function comparable(answer: Answer): unknown {
  if (answer.ok) return { ...answer, receipt: { ...answer.receipt, receivedAt: "<time>" } };
  if (answer.error.code !== "payload-too-large") return answer;
  return { ok: false, error: { code: answer.error.code, message: answer.error.message } };
}
