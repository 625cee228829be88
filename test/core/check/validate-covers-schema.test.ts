// One check: whatever the submission schema would refuse, validation finds first as a located issue,
// so a report that passes `validate` always becomes a submission.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../../src/core/check/issues.js";
import type { SubmissionDraft } from "../../../src/core/check/submission-schema.js";
import { Submission } from "../../../src/core/check/submission-schema.js";
import { validateDraft } from "../../../src/core/check/validate.js";
import { department, now, template, validDraft } from "../../fixtures/template.js";

const stamp = {
  submissionId: "55555555-5555-4555-8555-555555555555",
  submittedAt: "2025-12-01T10:00:00+07:00",
};

const number = fc.oneof(
  fc.constantFrom(
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e15,
    1e300,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
  fc.integer({ min: 0, max: 400_000 }),
);
const text = fc
  .oneof(fc.constantFrom(0, 3999, 4000, 4001, 5000), fc.integer({ min: 0, max: 5000 }))
  .map((n) => "â".repeat(n));

describe("validation covers the submission schema", () => {
  it("a 5,000-character note and 2^53 + 2 đồng are found where they are", () => {
    const draft = validDraft();
    draft.indicators[2]!.note = "x".repeat(5000);
    draft.budget[0]!.allocated = 2 ** 53 + 2;
    const issues = validateDraft(draft, { template, unit: department, now });
    expect(issues.map((i) => [i.code, i.location])).toEqual(
      expect.arrayContaining([
        ["text-too-long", { indicatorId: "KT-01", field: "note" }],
        ["out-of-range", { budgetLineId: "KP-TONG", field: "allocated" }],
      ]),
    );
    expect(Submission.safeParse({ ...draft, ...stamp }).success).toBe(false);
  });

  /** One change to the valid report, keeping everything else as it was. */
  type Change = (d: SubmissionDraft) => void;
  const textField: fc.Arbitrary<Change> = fc
    .tuple(fc.integer({ min: 0, max: 5 }), text)
    .map(([where, t]) => (d) => {
      if (where < 4) d.indicators[where]![where % 2 ? "evidence" : "note"] = t;
      else if (where === 4) d.tasks[0]!.note = t;
      else d.budget[1]!.note = t;
    });
  const quantity: fc.Arbitrary<Change> = fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom("value", "numerator", "denominator"),
      number,
    )
    .map(([i, field, x]) => (d) => {
      (d.indicators[i] as Record<string, unknown>)[field] = x;
    });
  // A part and the total together, so the parts still add up and only the amount is in question.
  const money: fc.Arbitrary<Change> = fc
    .tuple(fc.constantFrom("allocated", "disbursed"), fc.integer({ min: 1, max: 2 }), number)
    .map(([field, part, x]) => (d) => {
      d.budget.forEach((line) => delete line[field]);
      d.budget[0]![field] = x;
      d.budget[part]![field] = x;
    });

  it("no error from validation means the schema accepts it (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(textField, quantity, money), { minLength: 1, maxLength: 3 }),
        (changes) => {
          const draft = validDraft();
          changes.forEach((change) => change(draft));
          const issues = validateDraft(draft, { template, unit: department, now });
          const parsed = Submission.safeParse({ ...draft, ...stamp });
          if (!hasErrors(issues))
            expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
