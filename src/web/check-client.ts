// The page's side of the check worker: hands it the file's bytes, answers its request for the
// template, and gives up (stopping the worker) when a file takes too long, so the tab never freezes.
import type { Template } from "../core/plan/template-schema.js";
import type { ReportReading } from "../workbook/read-report.js";
import { refusal } from "../workbook/refusals.js";
import { WORKBOOK_LIMITS } from "../workbook/workbook-bytes.js";
import type { FromWorker, ToWorker } from "./worker/messages.js";

export type CheckResult =
  | { kind: "reading"; reading: ReportReading }
  | { kind: "timeout" }
  | { kind: "failed"; reason: string };

export interface CheckClientOptions {
  makeWorker(): Worker;
  templateFor(id: string): Promise<Template | undefined>;
  timeoutMs?: number;
}

/** A report takes well under a second; a minute means a file built to hang the reader. */
const TIMEOUT_MS = 60_000;

export class CheckClient {
  private worker: Worker | undefined;
  private lastId = 0;

  constructor(private readonly options: CheckClientOptions) {}

  async check(file: Blob, now: Date): Promise<CheckResult> {
    // A 50 MB file is refused before a byte of it is read into the page.
    if (file.size > WORKBOOK_LIMITS.maxFileBytes) {
      const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(".0", "");
      return {
        kind: "reading",
        reading: {
          kind: "refused",
          refusal: refusal("too-large", {
            size: mb(file.size),
            max: mb(WORKBOOK_LIMITS.maxFileBytes),
          }),
        },
      };
    }
    const bytes = await file.arrayBuffer();
    const checkId = ++this.lastId;
    const worker = (this.worker ??= this.options.makeWorker());
    return new Promise<CheckResult>((resolve) => {
      const finish = (result: CheckResult) => {
        clearTimeout(timer);
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        resolve(result);
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ kind: "timeout" });
      }, this.options.timeoutMs ?? TIMEOUT_MS);
      const onError = (event: ErrorEvent) => {
        this.stop();
        finish({ kind: "failed", reason: event.message || "worker" });
      };
      const onMessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.checkId !== checkId) return;
        if (message.type === "need-template") {
          void this.options.templateFor(message.templateId).then(
            (template) => post({ type: "template", checkId, template: template ?? null }),
            () => post({ type: "template", checkId, template: null }),
          );
        } else if (message.type === "result") finish({ kind: "reading", reading: message.reading });
        else finish({ kind: "failed", reason: message.reason });
      };
      const post = (message: ToWorker, transfer: Transferable[] = []) =>
        worker.postMessage(message, transfer);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      post({ type: "check", checkId, bytes, now: now.getTime() }, [bytes]);
    });
  }

  /** Stops a worker stuck on a file; the next check starts a fresh one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
