// The CLI's queue of reports not yet acknowledged, kept in a JSON file so nothing unsent is lost.
import { mkdirSync, readFileSync, renameSync, writeFileSync, appendFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { QueuedSubmission, QueueStorage } from "../core/submit-client.js";

export const DEFAULT_OUTBOX = join(homedir(), ".chitieu", "outbox.json");

export class FileQueueStorage implements QueueStorage {
  constructor(readonly file: string) {}

  load(): QueuedSubmission[] {
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as QueuedSubmission[];
    } catch {
      return [];
    }
  }

  /** Written beside and renamed over, so a crash mid-write leaves the previous queue whole. */
  save(items: QueuedSubmission[]): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(items, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  /** Receipts beside the queue: the officer's proof of what was sent and when it was received. */
  keepReceipt(receipt: object): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(join(dirname(this.file), "receipts.jsonl"), `${JSON.stringify(receipt)}\n`, {
      mode: 0o600,
    });
  }
}
