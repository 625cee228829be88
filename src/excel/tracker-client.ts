// How the add-in talks to the tracker: every request bounded in time, and what it asks besides
// submitting (its templates and unit list) kept in the add-in's storage, so that loading and
// checking work offline once they have been fetched.
import type { AccessCode } from "../core/wire/access-code.js";
import type { Transport } from "../core/wire/submit-client.js";
import { Template } from "../core/plan/template-schema.js";
import type { Unit } from "../core/plan/unit-schema.js";
import { Answer } from "../core/wire/protocol.js";
import type { TemplateSummary } from "../core/wire/read-api.js";
import { readAnswer, resourceUrl, TemplatesAnswer, UnitsAnswer } from "../core/wire/read-api.js";
import type { Notice } from "./notices.js";
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

/** What a read yields: the value, or no value, and why when the tracker answered wrongly. */
type Read<T> = { ok: true; value: T } | { ok: false; notice?: Notice };

/** An answer of the protocol's error shape ("no such template") is a refusal, not a malformed read. */
const isRefusal = (data: unknown) => Answer.safeParse(data).success;

export class TrackerClient {
  constructor(
    private readonly store: KeyValueStore,
    private readonly fetcher: (url: string) => Promise<unknown>,
  ) {}

  /**
   * A fresh answer when the tracker gives one that parses, else what was stored before. A malformed
   * answer never replaces what was stored; with nothing stored it is reported as such, an
   * unreachable tracker as offline.
   */
  private async cached<T>(key: string, url: string, read: (data: unknown) => Read<T>): Promise<T> {
    let problem: Notice | undefined;
    let data: unknown;
    let answered = false;
    try {
      data = await this.fetcher(url);
      answered = true;
    } catch {
      // Offline: fall back to what was fetched before.
    }
    if (answered) {
      const fresh = read(data);
      if (fresh.ok) {
        this.store.set(key, JSON.stringify(fresh.value));
        return fresh.value;
      }
      problem = fresh.notice;
    }
    const kept = this.store.get(key);
    const stored = kept === null ? undefined : read(JSON.parse(kept));
    if (stored?.ok) return stored.value;
    throw problem ? new NoticeError(problem) : new Error("offline");
  }

  templates(code: AccessCode): Promise<TemplateSummary[]> {
    return this.cached("templates", resourceUrl(code, "templates"), (data) => {
      const r = readAnswer(TemplatesAnswer, data, "templates");
      return r.ok ? r : { ok: false, notice: r.message };
    });
  }

  template(code: AccessCode, id: string): Promise<Template> {
    const resource = { template: id };
    return this.cached(`template:${id}`, resourceUrl(code, resource), (data) => {
      if (isRefusal(data)) return { ok: false };
      const r = readAnswer(Template, data, resource);
      return r.ok ? r : { ok: false, notice: r.message };
    });
  }

  unit(code: AccessCode): Promise<Unit> {
    return this.cached(`unit:${code.unit}`, resourceUrl(code, "units"), (data): Read<Unit> => {
      // What was stored is the one unit; the tracker answers the whole list.
      const r = readAnswer(UnitsAnswer, Array.isArray(data) ? data : [data], "units");
      if (!r.ok) return { ok: false, notice: r.message };
      const found = r.value.find((u) => u.code === code.unit);
      return found ? { ok: true, value: found } : { ok: false };
    });
  }
}
