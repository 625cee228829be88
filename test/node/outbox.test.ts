// The CLI's outbox on disk: a damaged file is kept aside, never emptied, and every report that can
// still be read from it stays queued.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { QueuedSubmission } from "../../src/core/wire/submit-client.js";
import { FileQueueStorage } from "../../src/node/outbox.js";
import { Refusal } from "../../src/node/refusal.js";

const item = (n: number): QueuedSubmission => ({
  submissionId: `00000000-0000-4000-8000-00000000000${n}`,
  url: "http://127.0.0.1:8787/api/submit",
  body: JSON.stringify({
    protocol: "chitieu/1",
    unit: "STTTT",
    payload: `{"n":${n}}`,
    signature: "ab",
  }),
  attempts: n,
  nextAttemptAt: 0,
  lastError: "fetch failed",
});

function damaged(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-outbox-"));
  const file = join(dir, "outbox.json");
  writeFileSync(file, text);
  const problems: string[] = [];
  const storage = new FileQueueStorage(file, (message) => problems.push(message));
  return { dir, file, storage, problems };
}

const asideIn = (dir: string) => readdirSync(dir).filter((f) => f.includes("unreadable"));

describe("FileQueueStorage", () => {
  it("reads and writes the queue as it is", () => {
    const good = JSON.stringify([item(1), item(2)], null, 2);
    const { dir, storage, problems } = damaged(good);
    expect(storage.load()).toEqual([item(1), item(2)]);
    expect(problems).toEqual([]);
    expect(asideIn(dir)).toEqual([]);
  });

  it.each([
    [
      "a system file",
      "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
    ],
    ["another program's JSON", '{"compilerOptions": {"strict": true}}'],
  ])("refuses %s given as the outbox with exit 2, and leaves it as it was", (_what, text) => {
    const { dir, file, storage, problems } = damaged(text);
    let refusal: unknown;
    try {
      storage.load();
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).exitCode).toBe(2);
    expect(String((refusal as Refusal).message)).toContain(file);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(asideIn(dir)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("keeps a damaged outbox aside, byte for byte, and keeps every report it can still read", () => {
    const whole = JSON.stringify([item(1), item(2), item(3)], null, 2);
    // A write cut short, then noise: the third report is lost in it, the first two are whole.
    const text = `${whole.slice(0, whole.lastIndexOf('"submissionId"'))}\u0000\u0000 garbage`;
    const { dir, file, storage, problems } = damaged(text);

    expect(storage.load()).toEqual([item(1), item(2)]);
    const aside = asideIn(dir);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), "utf8")).toBe(text);
    // The recovered reports are the queue now; nothing else was written over the damaged file.
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual([item(1), item(2)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(join(dir, aside[0]!));
    expect(problems[0]).toMatch(/2 .*recovered/u);

    // Told once: the next reads find a whole queue.
    storage.save([...storage.load(), item(4)]);
    expect(storage.load()).toHaveLength(3);
    expect(problems).toHaveLength(1);
    expect(asideIn(dir)).toHaveLength(1);
  });

  it("keeps aside an outbox with no whole report left in it, and starts an empty one", () => {
    for (const text of ['{"submissionId":"x"}', '[{"url":1}]', "[1, 2]", "[\u0000\u0000"]) {
      const { dir, file, storage, problems } = damaged(text);
      expect(storage.load()).toEqual([]);
      expect(asideIn(dir)).toHaveLength(1);
      expect(readFileSync(join(dir, asideIn(dir)[0]!), "utf8")).toBe(text);
      expect(existsSync(file)).toBe(true);
      expect(problems[0]).toContain("outbox");
    }
  });
});
