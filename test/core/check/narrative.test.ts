// The unit's narrative in the submission: optional for old clients, NFC, and bounded so one section
// fits an Excel cell, a Google Sheets cell and, three together, the request body.
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../src/core/protocol.js";
import { envelopeFor } from "../../../src/core/submit-client.js";
import { Submission } from "../../../src/core/submission-schema.js";
import { NARRATIVE_MAX_CHARS } from "../../../src/core/value-limits.js";
import { validReport } from "../../fixtures/reports.js";
import { template } from "../../fixtures/template.js";

const report = () => validReport(template, "66666666-6666-4666-8666-666666666666");
const KEY = "ab".repeat(32);

describe("the submission's narrative", () => {
  it("a submission without a narrative, as older clients send it, stays valid", () => {
    const old = JSON.parse(JSON.stringify(report())) as Record<string, unknown>;
    expect(old).not.toHaveProperty("narrative");
    const parsed = Submission.parse(old);
    expect(parsed).not.toHaveProperty("narrative");
  });

  it("keeps the three sections as written, line breaks and a leading = included", () => {
    const narrative = {
      assessment: "Hoàn thành 8/10 chỉ tiêu.\nCòn 2 chỉ tiêu chưa đạt.",
      difficulties: "=SUM(A1) là chữ, không phải công thức",
      proposals: "Đề nghị bổ sung kinh phí.",
    };
    expect(Submission.parse({ ...report(), narrative }).narrative).toEqual(narrative);
    expect(Submission.parse({ ...report(), narrative: {} }).narrative).toEqual({});
  });

  it("accepts only the three fields, in NFC, up to the limit", () => {
    const accepted = (narrative: unknown) =>
      Submission.safeParse({ ...report(), narrative }).success;
    expect(accepted({ summary: "x" })).toBe(false);
    expect(accepted({ difficulties: "Khó khăn".normalize("NFD") })).toBe(false);
    expect(accepted({ proposals: "đ".repeat(NARRATIVE_MAX_CHARS) })).toBe(true);
    expect(accepted({ proposals: "đ".repeat(NARRATIVE_MAX_CHARS + 1) })).toBe(false);
    expect(accepted({ assessment: 5 })).toBe(false);
  });

  it("the limit fits an Excel cell (32,767) and a Google Sheets cell (50,000)", () => {
    expect(NARRATIVE_MAX_CHARS).toBeLessThanOrEqual(32_767);
    expect(NARRATIVE_MAX_CHARS).toBeLessThanOrEqual(50_000);
  });

  it("three sections at the limit of the costliest characters still fit the request body", () => {
    const worst = (c: string) => c.repeat(NARRATIVE_MAX_CHARS);
    const submission = Submission.parse({
      ...report(),
      narrative: { assessment: worst("\u0001"), difficulties: worst('"'), proposals: worst("ữ") },
    });
    const { body } = envelopeFor(submission, { url: "http://127.0.0.1/", unit: "STTTT", key: KEY });
    const bytes = new TextEncoder().encode(body).length;
    expect(bytes).toBeGreaterThan(3 * NARRATIVE_MAX_CHARS * 4);
    expect(bytes).toBeLessThan(MAX_BODY_BYTES);
  });
});
