// The page's side of the check worker: a file over the limit is refused before it is read, the
// worker gets the template it asks for, and a worker that hangs or dies is stopped and replaced,
// so the tab never waits on it.
import { describe, expect, it } from "vitest";
import type { Template } from "../../src/core/plan/template-schema.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { CheckClient } from "../../src/web/check-client.js";
import type { FromWorker, ToWorker } from "../../src/web/worker/messages.js";

const template = loadSeedTemplates().templates[0]!;

/** A worker in memory: records what the page posts, answers with `behave`, counts terminations. */
class MemoryWorker extends EventTarget {
  readonly posted: ToWorker[] = [];
  terminated = false;
  constructor(private readonly behave: (message: ToWorker, worker: MemoryWorker) => void) {
    super();
  }
  postMessage(message: ToWorker) {
    this.posted.push(message);
    queueMicrotask(() => this.behave(message, this));
  }
  answer(data: FromWorker) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
  terminate() {
    this.terminated = true;
  }
}

function client(behave: (m: ToWorker, w: MemoryWorker) => void, timeoutMs = 60_000) {
  const workers: MemoryWorker[] = [];
  const asked: string[] = [];
  const checker = new CheckClient({
    makeWorker: () => {
      const worker = new MemoryWorker(behave);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    templateFor: async (id): Promise<Template | undefined> => {
      asked.push(id);
      return id === template.id ? template : undefined;
    },
    timeoutMs,
  });
  return { checker, workers, asked };
}

const file = (size: number) => new Blob([new Uint8Array(size)]);

describe("CheckClient", () => {
  it("refuses a 50 MB file by its size, without reading it or starting a worker", async () => {
    const { checker, workers } = client(() => undefined);
    const result = await checker.check(file(50 * 1024 * 1024), new Date());
    expect(result).toMatchObject({
      kind: "reading",
      reading: { kind: "refused", refusal: { code: "too-large" } },
    });
    expect(workers).toHaveLength(0);
  });

  it("answers the worker's request for the file's template, then hands back its reading", async () => {
    const { checker, workers, asked } = client((message, worker) => {
      if (message.type === "check")
        worker.answer({ type: "need-template", checkId: message.checkId, templateId: template.id });
      else
        worker.answer({
          type: "result",
          checkId: message.checkId,
          reading: { kind: "refused", refusal: { code: "empty", message: { vi: "", en: "" } } },
        });
    });
    const result = await checker.check(file(10), new Date());
    expect(asked).toEqual([template.id]);
    expect(workers[0]!.posted[1]).toMatchObject({
      type: "template",
      template: { id: template.id },
    });
    expect(result.kind).toBe("reading");
  });

  it("stops a worker that does not answer in time, and starts a fresh one for the next file", async () => {
    const { checker, workers } = client(() => undefined, 50);
    expect(await checker.check(file(10), new Date())).toEqual({ kind: "timeout" });
    expect(workers[0]!.terminated).toBe(true);
    await checker.check(file(10), new Date());
    expect(workers).toHaveLength(2);
  });

  it("reports a worker that dies (out of memory, say) as a failure and replaces it", async () => {
    const { checker, workers } = client((_m, worker) => {
      worker.dispatchEvent(Object.assign(new Event("error"), { message: "out of memory" }));
    });
    expect(await checker.check(file(10), new Date())).toEqual({
      kind: "failed",
      reason: "out of memory",
    });
    expect(workers[0]!.terminated).toBe(true);
  });
});
