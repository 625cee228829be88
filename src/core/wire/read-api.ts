// The read half of chitieu/1: where a client asks a tracker for its templates, units and status,
// and the shapes of the answers, which both trackers build and every client parses.
import { z } from "zod";
import { jsonPath } from "../plan/template-load.js";
import type { Template } from "../plan/template-schema.js";
import { Unit } from "../plan/unit-schema.js";

/** A template as a tracker lists it: enough to choose one, not the template itself. */
export const TemplateSummary = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplatesAnswer = z.array(TemplateSummary);
export type TemplatesAnswer = z.infer<typeof TemplatesAnswer>;

/** The units a tracker collects from: names, kinds and levels, never their keys. */
export const UnitsAnswer = z.array(Unit);
export type UnitsAnswer = z.infer<typeof UnitsAnswer>;

/** What a tracker says of itself: that it speaks chitieu/1, and how much it holds. */
export const StatusAnswer = z.object({
  ok: z.literal(true),
  protocol: z.string(),
  units: z.number().int().nonnegative(),
  submissions: z.number().int().nonnegative(),
  templates: TemplatesAnswer,
});
export type StatusAnswer = z.infer<typeof StatusAnswer>;

export function templateSummary(t: Template): TemplateSummary {
  return { id: t.id, version: t.version, title: t.plan.title };
}

/** The paths `chitieu serve` answers on; `:id` is a template's id, percent-encoded. */
export const SERVE_PATHS = {
  submit: "/api/submit",
  status: "/api/status",
  templates: "/api/templates",
  template: "/api/templates/:id",
  units: "/api/units",
} as const;

/**
 * An Apps Script web app has one URL and reads the resource from its query: `?resource=templates`,
 * `units` or `template&id=…`; without a resource it answers its status. A template asked for
 * without an id is an unknown template, as on `chitieu serve`.
 */
export const ResourceQuery = z.union([
  z.object({ resource: z.enum(["templates", "units"]) }),
  z.object({ resource: z.literal("template"), id: z.string().default("") }),
]);
export type ResourceQuery = z.infer<typeof ResourceQuery>;

export type ReadResource = "status" | "templates" | "units" | { template: string };

/** An Apps Script web app's URL ends in `/exec`; any other is `chitieu serve`'s submit URL. */
export const isAppsScriptUrl = (url: string) => /\/exec$/u.test(url);

/** Where a resource is read, from the submit URL a tracker is known by (an access code's). */
export function resourceUrl(tracker: { url: string }, resource: ReadResource): string {
  const submitUrl = tracker.url;
  if (isAppsScriptUrl(submitUrl)) {
    if (resource === "status") return submitUrl;
    const query: ResourceQuery =
      typeof resource === "string" ? { resource } : { resource: "template", id: resource.template };
    const pairs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    return `${submitUrl}?${pairs.join("&")}`;
  }
  const base = submitUrl.replace(new RegExp(`${SERVE_PATHS.submit}$`, "u"), "");
  return typeof resource === "string"
    ? `${base}${SERVE_PATHS[resource]}`
    : `${base}${SERVE_PATHS.template.replace(":id", encodeURIComponent(resource.template))}`;
}

/** What each resource is called when its answer cannot be read. */
const resourceNames: Record<
  Exclude<ReadResource, object> | "template",
  { vi: string; en: string }
> = {
  status: { vi: "trạng thái", en: "status" },
  templates: { vi: "danh sách biểu mẫu", en: "template list" },
  template: { vi: "biểu mẫu", en: "template" },
  units: { vi: "danh sách đơn vị", en: "unit list" },
};

export type ReadAnswer<T> =
  { ok: true; value: T } | { ok: false; message: { vi: string; en: string } };

/**
 * A tracker's answer checked against its schema: the value, or a message in both languages that
 * names what was read and the first place the answer is wrong (a tracker of another version, a
 * proxy's page, a misconfigured web app).
 */
export function readAnswer<S extends z.ZodType>(
  schema: S,
  data: unknown,
  resource: ReadResource,
): ReadAnswer<z.output<S>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  // A failed parse always has an issue.
  const issue = parsed.error.issues[0]!;
  const where = `${jsonPath(issue.path)}: ${issue.message}`;
  const name = resourceNames[typeof resource === "string" ? resource : "template"];
  return {
    ok: false,
    message: {
      vi: `Hệ thống theo dõi trả lời ${name.vi} không đúng định dạng chitieu/1 (${where}). Hãy báo đơn vị tổng hợp kiểm tra địa chỉ trong mã truy cập và phiên bản hệ thống.`,
      en: `The tracker's ${name.en} is not a chitieu/1 answer (${where}). Ask the consolidating department to check the address in the access code and the tracker's version.`,
    },
  };
}
