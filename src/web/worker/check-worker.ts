// The check worker: reads the chosen workbook and runs core's check off the page's thread, so a
// large or hostile file never freezes the tab; the page can stop it at any time.
import type { Template } from "../../core/plan/template-schema.js";
import { readReport } from "../../workbook/read-report.js";
import type { FromWorker, ToWorker } from "./messages.js";

declare const self: DedicatedWorkerGlobalScope;

const waiting = new Map<number, (template: Template | undefined) => void>();

function send(message: FromWorker) {
  self.postMessage(message);
}

async function check(checkId: number, bytes: ArrayBuffer, now: number) {
  try {
    const reading = await readReport(new Uint8Array(bytes), {
      now: new Date(now),
      templateFor: (templateId) =>
        new Promise((resolve) => {
          waiting.set(checkId, resolve);
          send({ type: "need-template", checkId, templateId });
        }),
    });
    send({ type: "result", checkId, reading });
  } catch (err) {
    send({ type: "failed", checkId, reason: err instanceof Error ? err.message : String(err) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "check") void check(message.checkId, message.bytes, message.now);
  else {
    waiting.get(message.checkId)?.(message.template ?? undefined);
    waiting.delete(message.checkId);
  }
};
