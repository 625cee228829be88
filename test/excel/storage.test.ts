// The add-in's storage: keyed by Office's partition key where Office gives one, as Microsoft asks
// ("Persist add-in state and settings"), and a code kept before that is still found.
import { describe, expect, it } from "vitest";
import { browserStore, receiptStorage } from "../../src/excel/storage.js";

/** localStorage as the webview has it: one string map per origin (and per partition, in browsers). */
function webStorage(): Storage & { keys: () => string[] } {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
    keys: () => [...data.keys()],
  };
}

describe("browserStore", () => {
  it("puts Office's partition key in every storage key", () => {
    const storage = webStorage();
    browserStore(storage, "pk-sharepoint-1").set("access-code", "chitieu1.abc");
    expect(storage.keys()).toEqual(["pk-sharepoint-1chitieu:access-code"]);
    expect(browserStore(storage, "pk-sharepoint-1").get("access-code")).toBe("chitieu1.abc");
    expect(browserStore(storage, "pk-onedrive-2").get("access-code")).toBeNull();
  });

  it("keys plainly where Office has no partitions (the Windows webviews)", () => {
    const storage = webStorage();
    browserStore(storage, undefined).set("access-code", "chitieu1.abc");
    expect(storage.keys()).toEqual(["chitieu:access-code"]);
  });

  it("finds a code kept before partitioning, and moves it under the partition", () => {
    const storage = webStorage();
    storage.setItem("chitieu:access-code", "chitieu1.old");
    const store = browserStore(storage, "pk-1");
    expect(store.get("access-code")).toBe("chitieu1.old");
    expect(storage.keys()).toEqual(["pk-1chitieu:access-code"]);
    store.remove("access-code");
    expect(store.get("access-code")).toBeNull();
  });
});

describe("receiptStorage", () => {
  it("keeps each receipt once, remembers the last, and forgets what was logged", () => {
    const store = browserStore(webStorage(), "pk");
    const receipts = receiptStorage(store);
    const row = (id: string, revision: number) => ({
      receipt: {
        submissionId: id,
        revision,
        receivedAt: "2025-12-05T10:00:00+07:00",
        duplicate: false,
      },
      planId: "can-tho-2256",
      period: "2025",
    });
    receipts.keep([row("a", 1)]);
    receipts.keep([row("a", 1), row("b", 2)]);
    expect(receipts.unlogged().map((r) => r.receipt.submissionId)).toEqual(["a", "b"]);
    expect(receipts.last()?.receipt.submissionId).toBe("b");
    receipts.logged([row("a", 1)]);
    expect(receipts.unlogged().map((r) => r.receipt.submissionId)).toEqual(["b"]);
    receipts.logged([row("b", 2)]);
    expect(receipts.unlogged()).toEqual([]);
    expect(receipts.last()?.receipt.submissionId).toBe("b");
  });
});
