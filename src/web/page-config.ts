// What the page knows before the officer does anything: where it is served from (the tracker or an
// Apps Script web app, which embeds its plan's template), and what a consolidator's link carries.
import { z } from "zod";

export const CONFIG_ELEMENT_ID = "chitieu-config";

export const PageConfig = z.object({
  /** `tracker`: `chitieu serve`, templates read from its `api/templates/`; `apps-script`: embedded. */
  host: z.enum(["tracker", "apps-script"]).default("tracker"),
  /** The Apps Script tracker's plan template(s), as its doGet embeds them. */
  templates: z.array(z.unknown()).default([]),
  /** The plan and period an Apps Script tracker collects; a link may name them on any tracker. */
  plan: z.string().optional(),
  period: z.string().optional(),
});
export type PageConfig = z.infer<typeof PageConfig>;

export function readPageConfig(doc: Document): PageConfig {
  const raw = doc.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? "{}";
  try {
    const parsed = PageConfig.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : PageConfig.parse({});
  } catch {
    return PageConfig.parse({});
  }
}

/**
 * A consolidator's link: `…/nop#code=chitieu1.…&period=2025&plan=can-tho-2256`. The fragment never
 * leaves the browser (no request line, no server log, no Referer), so the key in it stays here.
 */
export interface LinkParams {
  code?: string;
  period?: string;
  plan?: string;
}

export function linkParams(hash: string): LinkParams {
  const params = new URLSearchParams(hash.replace(/^#/u, ""));
  const get = (name: string) => params.get(name)?.trim() || undefined;
  return { code: get("code"), period: get("period"), plan: get("plan") };
}
