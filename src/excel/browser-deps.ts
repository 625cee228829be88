// The add-in's dependencies in Excel's webview: Excel.run, localStorage, fetch, the clock.
import { excelRunner } from "./excel-run.js";
import type { AddinDeps } from "./operations.js";
import { browserStore } from "./storage.js";
import { TrackerClient, trackerFetch } from "./tracker-client.js";

/** crypto.randomUUID is missing from older Office webviews; getRandomValues is not. */
function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function browserDeps(): AddinDeps {
  const store = browserStore(window.localStorage, Office.context.partitionKey || undefined);
  const network = trackerFetch();
  return {
    run: excelRunner(Excel, Office.context.requirements),
    tracker: new TrackerClient(store, network.json),
    store,
    transport: network.transport,
    now: () => new Date(),
    newId,
    pageProtocol: location.protocol,
  };
}
