// An in-memory TrackerStore: what the core's tracker service needs, with nothing of SQLite or sheets.
import type { Receipt } from "../../src/core/protocol.js";
import type { Submission } from "../../src/core/submission-schema.js";
import type { Template } from "../../src/core/template-schema.js";
import type { StoredReceipt, TrackerStore } from "../../src/core/tracker-service.js";
import type { Unit } from "../../src/core/unit-schema.js";

export interface StoredRecord {
  submission: Submission;
  payload: string;
  payloadHash: string;
  receivedAt: string;
  revision: number;
}

export class MemoryStore implements TrackerStore {
  readonly records: StoredRecord[] = [];
  constructor(
    private readonly units: Map<string, { unit: Unit; key: string }>,
    private readonly templates: Template[],
  ) {}

  unit(code: string) {
    return this.units.get(code);
  }

  template(planId: string) {
    return this.templates.find((t) => t.id === planId);
  }

  findSubmission(submissionId: string): StoredReceipt | undefined {
    const r = this.records.find((x) => x.submission.submissionId === submissionId);
    return (
      r && {
        receipt: { submissionId, revision: r.revision, receivedAt: r.receivedAt },
        payloadHash: r.payloadHash,
      }
    );
  }

  append(record: Omit<StoredRecord, "revision">): Omit<Receipt, "duplicate"> {
    const s = record.submission;
    const revision =
      this.records.filter(
        (r) =>
          r.submission.planId === s.planId &&
          r.submission.unit === s.unit &&
          r.submission.period === s.period,
      ).length + 1;
    this.records.push({ ...record, revision });
    return { submissionId: s.submissionId, revision, receivedAt: record.receivedAt };
  }
}
