// The page's entry: reads its configuration and the consolidator's link, wires the worker, the
// templates, the queue and the service worker, then hands the page to NopPage.
import { CheckClient } from "./check-client.js";
import { NopPage } from "./nop-page.js";
import { newQueue } from "./outbox.js";
import type { LinkParams } from "./page-config.js";
import { linkParams, readPageConfig } from "./page-config.js";
import { embeddedTemplates, trackerTemplates } from "./templates.js";

/** The Apps Script client API, present only in a page HtmlService serves. */
interface AppsScriptClient {
  url: { getLocation(callback: (location: { hash: string }) => void): void };
  history?: { replace(state: null, params: object, hash: string): void };
}
const appsScript = (globalThis as { google?: { script?: AppsScriptClient } }).google?.script;

/** An Apps Script page sits in an iframe: the link's fragment is the top page's, asked for. */
function currentHash(): Promise<string> {
  if (!appsScript) return Promise.resolve(window.location.hash);
  return new Promise((resolve) => appsScript.url.getLocation((location) => resolve(location.hash)));
}

/** The code leaves the address bar once kept, so it is not bookmarked or shown over a shoulder. */
function dropCodeFromAddress(link: LinkParams) {
  if (!link.code) return;
  const rest = new URLSearchParams();
  if (link.period) rest.set("period", link.period);
  if (link.plan) rest.set("plan", link.plan);
  const hash = rest.toString();
  if (appsScript?.history) appsScript.history.replace(null, {}, hash);
  else
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ""}`,
    );
}

/** The check worker: its own file on the tracker; on Apps Script, its source embedded in the page. */
function makeWorker(): Worker {
  const embedded = document.getElementById("check-worker-source")?.textContent;
  if (!embedded) return new Worker(new URL("nop/check-worker.js", window.location.href));
  const url = URL.createObjectURL(new Blob([embedded], { type: "text/javascript" }));
  return new Worker(url);
}

function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function start() {
  const config = readPageConfig(document);
  // What the Apps Script tracker collects, unless the link says otherwise.
  const withConfig = (link: LinkParams) => ({
    ...link,
    plan: link.plan ?? config.plan,
    period: link.period ?? config.period,
  });
  const linked = linkParams(await currentHash());
  const link = withConfig(linked);
  const templates =
    config.host === "apps-script"
      ? embeddedTemplates(config.templates)
      : trackerTemplates(new URL("api/templates/", window.location.href), window.localStorage);
  const page: NopPage = new NopPage(
    document.getElementById("panel")!,
    document.getElementById("sheet")!,
    {
      storage: window.localStorage,
      // The worker asks for the file's template once it has read the header.
      checker: new CheckClient({ makeWorker, templateFor: (id) => page.templateFor(id) }),
      templates,
      queue: newQueue(window.localStorage),
      now: () => new Date(),
      newId,
      print: () => window.print(),
      online: () => navigator.onLine,
    },
    link,
  );
  dropCodeFromAddress(linked);
  page.render();
  // A link followed in a tab that has the page open changes only the fragment: no new page load.
  window.addEventListener("hashchange", () => {
    const followed = linkParams(window.location.hash);
    page.useLink(withConfig(followed));
    dropCodeFromAddress(followed);
  });
  const flush = (force: boolean) => void page.flush(force).catch(() => undefined);
  window.addEventListener("online", () => {
    page.render();
    flush(true);
  });
  window.addEventListener("offline", () => page.render());
  setInterval(() => flush(false), 15_000);
  flush(false);
  if (config.host === "tracker" && "serviceWorker" in navigator) {
    // Scope "nop": the page itself and its files; the tracker's other pages are none of its business.
    navigator.serviceWorker
      .register(new URL("nop/sw.js", window.location.href), { scope: "nop" })
      .catch(() => undefined);
  }
  void templates.warm();
}

void start();
