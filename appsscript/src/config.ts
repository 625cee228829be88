// What this spreadsheet tracks and where units post, kept in the script's properties (never in a cell).
import { z } from "zod";
import { Period } from "../../src/core/plan/period.js";
import { Id } from "../../src/core/plan/template-schema.js";

const CONFIG_PROPERTY = "chitieu:config";
/** The configuration as an earlier version wrote it, kept when it is migrated. */
export const CONFIG_V1_BACKUP_PROPERTY = "chitieu:config.v1.backup";
const URL_PROPERTY = "chitieu:webAppUrl";

/**
 * The plans this tracker follows over one unit list (the merged Cần Thơ follows QĐ 2256, its kế
 * hoạch and Hậu Giang's KH 190); the first is the one it was set up with, whose tabs keep their
 * plain names.
 */
const TrackerConfig = z
  .object({ plans: z.array(Id).min(1), period: Period })
  .strict()
  .refine((c) => new Set(c.plans).size === c.plans.length, "a plan listed twice");
export type TrackerConfig = z.infer<typeof TrackerConfig>;
/** Before a tracker could follow several plans. */
const TrackerConfigV1 = z.object({ planId: Id, period: Period }).strict();

/** A unit's key lives under this script property, and nowhere else. */
export const keyProperty = (unitCode: string) => `key:${unitCode}`;

// A deployed web app's address: script.google.com, or a Workspace domain's /a/macros/<domain>/.
const WEB_APP_URL =
  /^https:\/\/script\.google\.com\/(?:a\/macros\/[^/\s]+\/|macros\/)s\/[\w-]+\/exec$/u;

export function isWebAppUrl(text: string): boolean {
  return WEB_APP_URL.test(text);
}

const props = () => PropertiesService.getScriptProperties();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The configuration; one an earlier version wrote is migrated in place, its text kept beside it. */
export function readConfig(): TrackerConfig | undefined {
  const text = props().getProperty(CONFIG_PROPERTY);
  if (!text) return undefined;
  const json = parseJson(text);
  const parsed = TrackerConfig.safeParse(json);
  if (parsed.success) return parsed.data;
  const old = TrackerConfigV1.safeParse(json);
  if (!old.success) return undefined;
  const config = { plans: [old.data.planId], period: old.data.period };
  if (props().getProperty(CONFIG_V1_BACKUP_PROPERTY) === null)
    props().setProperty(CONFIG_V1_BACKUP_PROPERTY, text);
  saveConfig(config);
  return config;
}

export function saveConfig(config: TrackerConfig): void {
  props().setProperty(CONFIG_PROPERTY, JSON.stringify(TrackerConfig.parse(config)));
}

/** The plan the tracker was first set up for: its tabs keep their plain names. */
export const primaryPlan = (config: TrackerConfig): string => config.plans[0]!;

export function readWebAppUrl(): string | undefined {
  return props().getProperty(URL_PROPERTY) ?? undefined;
}

export function saveWebAppUrl(url: string): void {
  props().setProperty(URL_PROPERTY, url);
}
