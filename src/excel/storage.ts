// The add-in's own storage (the webview's localStorage): the access code, the queue of unsent
// reports, receipts, cached templates. Never the workbook: a workbook travels by e-mail, a key must not.
import type { QueuedSubmission, QueueStorage } from "../core/wire/submit-client.js";
import type { ReceiptRow } from "./office/report-sheet.js";

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const PREFIX = "chitieu:";

/**
 * localStorage under Office's partition key (Office.context.partitionKey), as Microsoft asks for
 * private data: in Excel on the web a workbook from SharePoint or OneDrive runs the add-in in its
 * own partition. The key is undefined where Office does not partition (the Windows webviews). A value
 * kept before partitioning is found once and moved under the partition, so no officer loses a code.
 */
export function browserStore(storage: Storage, partitionKey: string | undefined): KeyValueStore {
  const prefix = `${partitionKey ?? ""}${PREFIX}`;
  return {
    get: (key) => {
      const value = storage.getItem(prefix + key);
      if (value !== null || !partitionKey) return value;
      const before = storage.getItem(PREFIX + key);
      if (before !== null) {
        storage.setItem(prefix + key, before);
        storage.removeItem(PREFIX + key);
      }
      return before;
    },
    set: (key, value) => storage.setItem(prefix + key, value),
    remove: (key) => storage.removeItem(prefix + key),
  };
}

export function queueStorage(store: KeyValueStore): QueueStorage {
  return {
    load: () => {
      try {
        return JSON.parse(store.get("outbox") ?? "[]") as QueuedSubmission[];
      } catch {
        return [];
      }
    },
    save: (items) => store.set("outbox", JSON.stringify(items)),
  };
}

function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.get(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

/**
 * Receipts the tracker gave: kept here the moment they arrive, so none is lost when Excel cannot
 * write the log sheet right then (a cell being edited, a closed workbook); removed once logged.
 */
export function receiptStorage(store: KeyValueStore) {
  return {
    unlogged: (): ReceiptRow[] => readJson<ReceiptRow[]>(store, "receipts-unlogged", []),
    last: (): ReceiptRow | undefined =>
      readJson<ReceiptRow | undefined>(store, "last-receipt", undefined),
    keep(rows: readonly ReceiptRow[]): void {
      if (rows.length === 0) return;
      const known = new Set(this.unlogged().map((r) => r.receipt.submissionId));
      const fresh = rows.filter((r) => !known.has(r.receipt.submissionId));
      store.set("receipts-unlogged", JSON.stringify([...this.unlogged(), ...fresh]));
      store.set("last-receipt", JSON.stringify(rows[rows.length - 1]));
    },
    logged(rows: readonly ReceiptRow[]): void {
      const done = new Set(rows.map((r) => r.receipt.submissionId));
      const left = this.unlogged().filter((r) => !done.has(r.receipt.submissionId));
      if (left.length) store.set("receipts-unlogged", JSON.stringify(left));
      else store.remove("receipts-unlogged");
    },
  };
}
