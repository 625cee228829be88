// What the page and its check worker say to each other: a file to check, the template the worker
// asks for once it has read the header, and the reading (or why the worker could not finish).
import type { Template } from "../../core/plan/template-schema.js";
import type { ReportReading } from "../../workbook/read-report.js";

export type ToWorker =
  | { type: "check"; checkId: number; bytes: ArrayBuffer; now: number }
  | { type: "template"; checkId: number; template: Template | null };

export type FromWorker =
  | { type: "need-template"; checkId: number; templateId: string }
  | { type: "result"; checkId: number; reading: ReportReading }
  | { type: "failed"; checkId: number; reason: string };
