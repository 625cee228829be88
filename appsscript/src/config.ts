// What this spreadsheet tracks and where units post, kept in the script's properties (never in a cell).
import { z } from "zod";
import { Period } from "../../src/core/plan/period.js";
import { Id } from "../../src/core/plan/template-schema.js";

const CONFIG_PROPERTY = "chitieu:config";
const URL_PROPERTY = "chitieu:webAppUrl";

const TrackerConfig = z.object({ planId: Id, period: Period }).strict();
export type TrackerConfig = z.infer<typeof TrackerConfig>;

/** A unit's key lives under this script property, and nowhere else. */
export const keyProperty = (unitCode: string) => `key:${unitCode}`;

// A deployed web app's address: script.google.com, or a Workspace domain's /a/macros/<domain>/.
const WEB_APP_URL =
  /^https:\/\/script\.google\.com\/(?:a\/macros\/[^/\s]+\/|macros\/)s\/[\w-]+\/exec$/u;

export function isWebAppUrl(text: string): boolean {
  return WEB_APP_URL.test(text);
}

const props = () => PropertiesService.getScriptProperties();

export function readConfig(): TrackerConfig | undefined {
  const text = props().getProperty(CONFIG_PROPERTY);
  if (!text) return undefined;
  try {
    const parsed = TrackerConfig.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveConfig(config: TrackerConfig): void {
  props().setProperty(CONFIG_PROPERTY, JSON.stringify(TrackerConfig.parse(config)));
}

export function readWebAppUrl(): string | undefined {
  return props().getProperty(URL_PROPERTY) ?? undefined;
}

export function saveWebAppUrl(url: string): void {
  props().setProperty(URL_PROPERTY, url);
}
