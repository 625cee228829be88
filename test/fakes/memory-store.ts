// An in-memory TrackerStore: what the core's tracker service needs, with nothing of SQLite or sheets.
import { currentOf } from "../../src/core/tracker/current-report.js";
import type { Receipt } from "../../src/core/wire/protocol.js";
import type { Submission } from "../../src/core/check/submission-schema.js";
import type { Template } from "../../src/core/plan/template-schema.js";
import type {
  AppendRecord,
  StoredReceipt,
  StoredRevision,
  TrackerStore,
} from "../../src/core/wire/tracker-service.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";

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

  current(planId: string, unit: string, period: string): StoredRevision | undefined {
    return currentOf(this.revisions(planId, unit, period));
  }

  private revisions(planId: string, unit: string, period: string): StoredRevision[] {
    return this.records
      .filter(
        (r) =>
          r.submission.planId === planId &&
          r.submission.unit === unit &&
          r.submission.period === period,
      )
      .map((r) => ({
        submissionId: r.submission.submissionId,
        revision: r.revision,
        submittedAt: r.submission.submittedAt,
      }));
  }

  append(record: AppendRecord): Pick<Receipt, "submissionId" | "revision" | "receivedAt"> {
    const s = record.submission;
    const revision = this.revisions(s.planId, s.unit, s.period).length + 1;
    this.records.push({
      submission: s,
      payload: record.payload,
      payloadHash: record.payloadHash,
      receivedAt: record.receivedAt,
      revision,
    });
    return { submissionId: s.submissionId, revision, receivedAt: record.receivedAt };
  }
}
