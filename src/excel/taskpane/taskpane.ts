// Entry of the task pane: wires the real Office.js, the webview's storage and fetch to the pane.
import { TaskPane } from "./pane.js";
import { browserDeps } from "../browser-deps.js";

/** The queue is retried while the pane is open; a report also goes out when the officer clicks. */
const RETRY_EVERY_MS = 30_000;

Office.onReady(async () => {
  const root = document.getElementById("app");
  if (!root) return;
  const pane = new TaskPane(root, browserDeps());
  await pane.start();
  setInterval(() => void pane.retryQuietly(), RETRY_EVERY_MS);
});
