// How the add-in talks to the tracker: every request bounded in time, and what it asks besides
// submitting (its templates and unit list) kept in the add-in's storage, so that loading and
// checking work offline once they have been fetched.
import type { AccessCode } from "../core/wire/access-code.js";
import type { Transport } from "../core/wire/submit-client.js";
import { parseTemplate } from "../core/plan/template-load.js";
import type { Template } from "../core/plan/template-schema.js";
import { Unit } from "../core/plan/unit-schema.js";
import { notices, NoticeError } from "./notices.js";
import type { KeyValueStore } from "./storage.js";

/**
 * How long a request may take, answer included, before the tracker counts as unreachable: a network
 * that hangs must not hold the pane's start or the ribbon's check (an unsent report stays queued).
 */
export const TRACKER_TIMEOUT_MS = 20_000;

/** fetch with a deadline on the whole exchange, body included (AbortController). */
export function trackerFetch(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): {
  json: (url: string) => Promise<unknown>;
  transport: Transport;
} {
  const { timeoutMs = TRACKER_TIMEOUT_MS, fetch: fetchImpl = fetch } = options;
  const exchange = async (url: string, init: RequestInit = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchImpl(url, { ...init, signal: controller.signal });
      return { status: response.status, text: await response.text() };
    } catch (err) {
      if (controller.signal.aborted) throw new NoticeError(notices.trackerSilent);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    async json(url) {
      const { status, text } = await exchange(url);
      if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
      return JSON.parse(text) as unknown;
    },
    transport: {
      // text/plain: a "simple" request, so no CORS preflight (Apps Script cannot answer one).
      post: (url, body) =>
        exchange(url, {
          method: "POST",
          body,
          headers: { "Content-Type": "text/plain;charset=utf-8" },
        }),
    },
  };
}

export interface TemplateSummary {
  id: string;
  version: number;
  title: string;
}

/** `…/api/submit` on a self-hosted tracker; an Apps Script web app takes `?resource=` on its one URL. */
export function resourceUrl(
  code: AccessCode,
  resource: "templates" | "units" | { template: string },
): string {
  const appsScript = /\/exec$/u.test(code.url);
  if (appsScript) {
    const query =
      typeof resource === "string"
        ? `resource=${resource}`
        : `resource=template&id=${encodeURIComponent(resource.template)}`;
    return `${code.url}?${query}`;
  }
  const base = code.url.replace(/\/api\/submit$/u, "");
  return typeof resource === "string"
    ? `${base}/api/${resource}`
    : `${base}/api/templates/${encodeURIComponent(resource.template)}`;
}

export class TrackerClient {
  constructor(
    private readonly store: KeyValueStore,
    private readonly fetcher: (url: string) => Promise<unknown>,
  ) {}

  private async cached<T>(
    key: string,
    url: string,
    parse: (data: unknown) => T | undefined,
  ): Promise<T> {
    try {
      const fresh = parse(await this.fetcher(url));
      if (fresh !== undefined) {
        this.store.set(key, JSON.stringify(fresh));
        return fresh;
      }
    } catch {
      // Offline: fall back to what was fetched before.
    }
    const kept = this.store.get(key);
    const parsed = kept === null ? undefined : parse(JSON.parse(kept));
    if (parsed === undefined) throw new Error("offline");
    return parsed;
  }

  templates(code: AccessCode): Promise<TemplateSummary[]> {
    return this.cached("templates", resourceUrl(code, "templates"), (data) =>
      Array.isArray(data)
        ? (data as TemplateSummary[]).filter((t) => typeof t.id === "string")
        : undefined,
    );
  }

  template(code: AccessCode, id: string): Promise<Template> {
    return this.cached(`template:${id}`, resourceUrl(code, { template: id }), (data) => {
      const r = parseTemplate(data, id);
      return r.ok ? r.value : undefined;
    });
  }

  unit(code: AccessCode): Promise<Unit> {
    return this.cached(`unit:${code.unit}`, resourceUrl(code, "units"), (data) => {
      const list = Array.isArray(data) ? data : [data];
      const found = list
        .map((u) => Unit.safeParse(u))
        .find((u) => u.success && u.data.code === code.unit);
      return found?.success ? found.data : undefined;
    });
  }
}
