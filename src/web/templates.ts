// Where the page gets a plan's template: the tracker's `api/templates/:id` (the service worker
// keeps what was fetched for offline use, and so does this browser's storage), or, on the Apps
// Script web app, the template its doGet embedded in the page.
import { parseTemplate } from "../core/plan/template-load.js";
import type { Template } from "../core/plan/template-schema.js";
import type { Result } from "../core/text/result.js";
import { err, ok } from "../core/text/result.js";
import { readAnswer, TemplatesAnswer } from "../core/wire/read-api.js";

/** The template, or why there is none: `unknown`, the tracker answered that it has none; `offline`, no answer and nothing kept. */
export type TemplateLookup = Result<Template, "unknown" | "offline">;

export interface TemplateSource {
  get(id: string): Promise<TemplateLookup>;
  /** Fetches every template the tracker has, so that the first offline check finds its plan. */
  warm(): Promise<void>;
}

const parsed = (data: unknown, id: string): Template | undefined => {
  const result = parseTemplate(data, id);
  return result.ok ? result.value : undefined;
};

export function embeddedTemplates(templates: readonly unknown[]): TemplateSource {
  const byId = new Map<string, Template>();
  for (const data of templates) {
    const id = (data as { id?: unknown })?.id;
    const template = typeof id === "string" ? parsed(data, id) : undefined;
    if (template) byId.set(template.id, template);
  }
  return {
    get: async (id) => {
      const template = byId.get(id);
      return template ? ok(template) : err("unknown");
    },
    warm: async () => undefined,
  };
}

export function trackerTemplates(
  base: URL,
  storage: Pick<Storage, "getItem" | "setItem">,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): TemplateSource {
  const key = (id: string) => `chitieu-nop:template:${id}`;
  const kept = (id: string): Template | undefined => {
    try {
      const text = storage.getItem(key(id));
      return text === null ? undefined : parsed(JSON.parse(text), id);
    } catch {
      return undefined;
    }
  };
  const get = async (id: string): Promise<TemplateLookup> => {
    let response: Response;
    try {
      response = await fetcher(new URL(encodeURIComponent(id), base));
    } catch {
      const template = kept(id);
      return template ? ok(template) : err("offline");
    }
    if (response.status === 404) return err("unknown");
    const template = response.ok ? parsed(await response.json(), id) : undefined;
    if (!template) {
      const old = kept(id);
      return old ? ok(old) : err("offline");
    }
    storage.setItem(key(id), JSON.stringify(template));
    return ok(template);
  };
  return {
    get,
    async warm() {
      try {
        const data: unknown = await (await fetcher(base.href.replace(/\/$/u, ""))).json();
        // Nothing to warm from an answer that is not a template list: each check fetches its own.
        const list = readAnswer(TemplatesAnswer, data, "templates");
        if (!list.ok) return;
        for (const { id } of list.value) await get(id);
      } catch {
        // Offline: what was kept before stays.
      }
    },
  };
}
