// The add-in's dependencies in Excel's webview: Excel.run, localStorage, fetch, the clock.
import type { Transport } from "../core/submit-client.js";
import { excelRunner } from "./excel-run.js";
import type { AddinDeps } from "./operations.js";
import { browserStore } from "./storage.js";
import { TrackerClient } from "./tracker-client.js";

const fetchTransport: Transport = {
  async post(url, body) {
    // text/plain: a "simple" request, so no CORS preflight (Apps Script cannot answer one).
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "text/plain;charset=utf-8" },
    });
    return { status: response.status, text: await response.text() };
  },
};

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

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
  const store = browserStore(window.localStorage);
  return {
    run: excelRunner(Excel, Office.context.requirements),
    tracker: new TrackerClient(store, fetchJson),
    store,
    transport: fetchTransport,
    now: () => new Date(),
    newId,
  };
}
