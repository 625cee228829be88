// The add-in's own storage (the webview's localStorage): the access code, the queue of unsent
// reports, cached templates. Never the workbook: a workbook travels by e-mail, a key must not.
import type { QueuedSubmission, QueueStorage } from "../core/submit-client.js";

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const PREFIX = "chitieu:";

export function browserStore(storage: Storage): KeyValueStore {
  return {
    get: (key) => storage.getItem(PREFIX + key),
    set: (key, value) => storage.setItem(PREFIX + key, value),
    remove: (key) => storage.removeItem(PREFIX + key),
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
