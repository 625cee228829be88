// Which of a unit's reports counts: the one it signed last, instants compared across offsets, the
// revision breaking a tie; arrival order never decides.
import { describe, expect, it } from "vitest";
import {
  currentOf,
  signedInstant,
  supersedes,
  supersedesAt,
} from "../../../src/core/tracker/current-report.js";

describe("signedInstant", () => {
  it("reads a time with its offset as an instant", () => {
    // 10:00 in Vietnam (UTC+7) is 03:00 UTC: 1 December 2025 03:00 UTC.
    expect(signedInstant("2025-12-01T10:00:00+07:00")).toBe(Date.UTC(2025, 11, 1, 3, 0, 0));
    expect(signedInstant("2025-12-01T03:00:00Z")).toBe(Date.UTC(2025, 11, 1, 3, 0, 0));
  });

  it("ranks a time that does not read below every time that does", () => {
    expect(signedInstant("hôm qua")).toBe(-Infinity);
  });
});

describe("supersedes", () => {
  it("a report signed later is current, whatever the offsets' text says", () => {
    // 09:00+07:00 is 02:00Z: earlier than 02:30Z although "09" > "02" as text.
    const early = { submittedAt: "2025-12-01T09:00:00+07:00", revision: 5 };
    const late = { submittedAt: "2025-12-01T02:30:00Z", revision: 1 };
    expect(supersedes(late, early)).toBe(true);
    expect(supersedes(early, late)).toBe(false);
  });

  it("at the same instant, the higher revision (stored after) is current; a report never supersedes itself", () => {
    const a = { submittedAt: "2025-12-01T10:00:00+07:00", revision: 2 };
    const b = { submittedAt: "2025-12-01T03:00:00Z", revision: 3 };
    expect(supersedes(b, a)).toBe(true);
    expect(supersedes(a, b)).toBe(false);
    expect(supersedes(a, a)).toBe(false);
  });

  it("supersedesAt compares already-read instants the same way", () => {
    expect(supersedesAt({ at: 2, revision: 1 }, { at: 1, revision: 9 })).toBe(true);
    expect(supersedesAt({ at: 1, revision: 2 }, { at: 1, revision: 1 })).toBe(true);
    expect(supersedesAt({ at: 1, revision: 1 }, { at: 1, revision: 1 })).toBe(false);
  });
});

describe("currentOf", () => {
  it("picks the last signed report, whatever order the reports arrived in", () => {
    const correction = { id: "b", submittedAt: "2025-12-02T08:00:00+07:00", revision: 1 };
    const heldBack = { id: "a", submittedAt: "2025-12-01T08:00:00+07:00", revision: 2 };
    const unreadable = { id: "c", submittedAt: "", revision: 3 };
    expect(currentOf([correction, heldBack, unreadable])?.id).toBe("b");
    expect(currentOf([unreadable, heldBack, correction])?.id).toBe("b");
  });

  it("has none for no reports", () => {
    expect(currentOf([])).toBeUndefined();
  });
});
