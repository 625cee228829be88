// The consolidator's view as data: what consolidate() answers, plain JSON (nulls, never undefined),
// the same for the self-hosted tracker, the Apps Script tracker and the Sheets push.
import type { UnitHistory } from "../plan/unit-history.js";
import type { Submission, TaskState } from "../check/submission-schema.js";
import type { TargetStatus } from "../plan/target-status.js";
import type {
  Aggregation,
  Deadline,
  IndicatorKind,
  Level,
  Target,
  Template,
} from "../plan/template-schema.js";
import type { Unit, UnitKind } from "../plan/unit-schema.js";

/** A stored submission as the tracker keeps it: the revision and time are the tracker's, not the unit's. */
export interface ReceivedSubmission {
  submission: Submission;
  revision: number;
  /** ISO 8601 with offset, stamped by the tracker on receipt. */
  receivedAt: string;
}

export interface Provenance {
  submissionId: string;
  revision: number;
  receivedAt: string;
}

export interface UnitIndicatorValue {
  /** As reported, or numerator / denominator (× 100 for a percentage). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The level judged: the tracker's unit list decides, as in validation and the add-in. */
  level: Level;
  /** The level the entry named, when it named one; kept, not used for judging. */
  reportedLevel: Level | null;
  targetText: string;
  status: TargetStatus;
  /** False when the unit is not among the indicator's designated reporters: shown, not aggregated. */
  counted: boolean;
  note: string | null;
  evidence: string | null;
  provenance: Provenance;
}

export interface IndicatorConsolidation {
  id: string;
  group: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: Aggregation;
  reporters: "all" | "lead";
  lead: string[];
  /** The plan-wide target: `target`, else the province level's. */
  target: Target | null;
  targetText: string;
  /** Every level's target written out ("Tỉnh: ≥ 90%; Huyện: ≥ 80%"). */
  allTargetsText: string;
  aggregate: number | null;
  status: TargetStatus;
  /** Units bound to report it: the same `isRequiredOf` that makes a blank an error in the add-in. */
  expected: number;
  /** Designated reporters that gave a figure. */
  reported: number;
  /** Figures that went into the aggregate. */
  contributing: number;
  /** Figures from units that are not designated reporters. */
  outside: number;
  /** single-reporter: the unit whose figure is the aggregate. */
  aggregateFrom: string | null;
  /** Vietnamese remarks for the consolidator: who was taken, who was left out and why. */
  note: string;
  byUnit: Record<string, UnitIndicatorValue>;
}

export type Timeliness = "on-time" | "late" | "submitted" | "missing";

export interface UnitConsolidation {
  code: string;
  name: string;
  kind: UnitKind;
  level: Level;
  timeliness: Timeliness;
  /** The current revision; null when nothing arrived. */
  revision: number | null;
  /** How many revisions arrived for this plan and period. */
  revisions: number;
  submissionId: string | null;
  receivedAt: string | null;
  /** The first revision's receipt: it alone decides on time or late. */
  firstReceivedAt: string | null;
  /** Whole days (started) past the deadline of the first receipt; null unless late. */
  daysLate: number | null;
  templateVersion: number | null;
  indicatorsRequired: number;
  indicatorsRequiredReported: number;
  /** Every indicator with a figure, required or not. */
  indicatorsReported: number;
  tasksLed: number;
  tasksReported: number;
}

export type LeadTaskStatus = TaskState | "missing";
export type TaskOverallState = "done" | "in-progress" | "not-started" | "no-report";

export interface TaskLeadReport {
  unit: string;
  name: string;
  status: LeadTaskStatus;
  completedOn: string | null;
  note: string | null;
  provenance: Provenance | null;
}

export interface TaskConsolidation {
  id: string;
  group: string | null;
  text: string;
  lead: string[];
  deadline: Deadline;
  state: TaskOverallState;
  overdue: boolean;
  leads: TaskLeadReport[];
}

export interface BudgetUnitValue {
  allocated: number | null;
  disbursed: number | null;
  note: string | null;
  provenance: Provenance;
}

export interface BudgetConsolidation {
  id: string;
  label: string;
  role: "total" | "part";
  planned: number;
  allocated: number;
  disbursed: number;
  /** Units that gave an allocated or disbursed amount. */
  reporters: number;
  /** Σ disbursed / Σ allocated in percent; null while nothing is allocated. */
  disbursementRate: number | null;
  byUnit: Record<string, BudgetUnitValue>;
}

/** A unit that reported for this plan and period but is not on the tracker's unit list. */
export interface Stray {
  unit: string;
  revisions: number;
  provenance: Provenance;
}

export interface ConsolidationSummary {
  unitsExpected: number;
  unitsSubmitted: number;
  unitsOnTime: number;
  unitsLate: number;
  unitsMissing: number;
  indicatorsMet: number;
  indicatorsNotMet: number;
  indicatorsNoData: number;
  tasks: number;
  tasksDone: number;
  tasksOverdue: number;
  strays: number;
}

export interface Consolidation {
  planId: string;
  templateVersion: number;
  period: string;
  periodLabel: string;
  /** The unit deadline (ISO, +07:00); null for periods the plans set none for. */
  dueAt: string | null;
  generatedAt: string;
  indicators: IndicatorConsolidation[];
  units: UnitConsolidation[];
  tasks: TaskConsolidation[];
  budget: BudgetConsolidation[];
  strays: Stray[];
  summary: ConsolidationSummary;
}

export interface ConsolidationInput {
  template: Template;
  units: Unit[];
  period: string;
  /** Every revision received; earlier ones are needed to judge timeliness. */
  submissions: ReceivedSubmission[];
  now: Date;
  /** Who succeeded whom: leads resolve through it, and only the period's units are expected. */
  history?: UnitHistory;
}
